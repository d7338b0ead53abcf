package fwsh.shell

import fwsh.nv.BuiltinDatabase
import spock.lang.Specification

/** NV values are Numbers that print as mlxconfig does; JSON must still be valid for them. */
class NvPrintingSpec extends Specification {
    def "an NV value prints as True(1) / ETH(2) in tables and as a JSON string, while JDK numbers stay JSON numbers"() {
        given:
        def db = BuiltinDatabase.get()
        def sriov = db.tlv('nv_global_pci_conf').param('sriov_en').parse(true)
        def link = db.tlv('nv_vpi_link_type').param('default_link_type').parse('ETH')

        expect:
        new Printer(Format.TABLE, false).render(sriov) == 'True(1)\n'
        new Printer(Format.JSON, false).render(sriov) == '"True(1)"\n'
        new Printer(Format.JSON, false).render([link: link, n: 8]) == '{"link":"ETH(2)","n":8}\n'
        new Printer(Format.JSON, false).render(8L) == '8\n'
    }
}
