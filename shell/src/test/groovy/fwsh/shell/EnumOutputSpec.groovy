package fwsh.shell

import groovy.json.JsonSlurper
import spock.lang.Specification

/** Enum fields print as their names in every output format of a batch run, and dev.ports prints as a table. */
class EnumOutputSpec extends Specification {

    String fwsh(String... argv) {
        def out = new ByteArrayOutputStream()
        def err = new ByteArrayOutputStream()
        int status = Main.run(argv, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, 'UTF-8'),
                new PrintStream(err, true, 'UTF-8'))
        assert status == 0, err.toString('UTF-8')
        out.toString('UTF-8')
    }

    def "JSON, CSV and the one-liner carry names; the numbers stay one call away"() {
        when:
        def json = new JsonSlurper().parseText(fwsh('--emulate', '--format', 'json', '-e', 'dev.reg.PAOS.read(local_port: 1)'))
        def csv = fwsh('--emulate', '--format', 'csv', '-e', '[dev.reg.PAOS.read(local_port: 1)]').readLines()
        def line = fwsh('--emulate', '-e', 'dev.reg.PAOS.read(local_port: 1)')
        def field = fwsh('--emulate', '--format', 'json', '-e', 'dev.reg.PAOS.read(local_port: 1).oper_status')
        def raw = fwsh('--emulate', '--format', 'json', '-e', 'dev.reg.PAOS.read(local_port: 1).toMap(raw: true)')

        then:
        json.admin_status == 'up' && json.oper_status == 'up' && json.local_port == 1
        csv[0] == 'swid,local_port,admin_status,oper_status,ase,ee,e'
        csv[1] == '0,1,up,up,0,0,do_not_generate_event'
        line == 'PAOS(local_port=1 admin_status=up oper_status=up)\n'
        field == '"up"\n'
        new JsonSlurper().parseText(raw).oper_status == 1
    }

    def "dev.ports prints one row per port"() {
        when:
        def rows = fwsh('--emulate', '-e', 'dev.ports').readLines()

        then:
        rows[0].split(/\s+/).toList() == ['local_port', 'label', 'protocol', 'netdev', 'state', 'speed', 'link_modes', 'mtu', 'module']
        rows.findAll { it =~ /^\s+[12]\s+\S+\s+eth\s+\S+\s+up\s+100G\s+\[100GAUI_2\]\s+1522\s+\[number:[01], type:QSFP28/ }.size() == 2
    }
}
