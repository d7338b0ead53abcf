package fwsh.dsl.nv

import fwsh.channel.Scope
import fwsh.dsl.ScriptRunner
import fwsh.dsl.Session
import fwsh.dsl.SessionOptions
import fwsh.dsl.engine.ScopeRefusedException
import fwsh.nv.NvException
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

class NvSpec extends Specification {
    @TempDir Path tmp
    StringWriter out = new StringWriter()

    Session session(String emulate = 'cx6dx:fwctl', Scope ceiling = Scope.CONFIGURATION) {
        def s = Session.open(new SessionOptions().noHardware().ceiling(ceiling).journal(tmp.resolve('journal.jsonl')).emulate(emulate))
        s.binding().setVariable('out', out)
        s
    }

    Object run(Session s, String code) {
        new ScriptRunner(s).run(code, 'spec.groovy', [])
    }

    List<Map> journal(Session s) { s.journal().entries() }

    def "query lists the supported parameters with default, current, next boot and writer, as mlxconfig names them"() {
        given:
        def s = session()

        when:
        NvTable t = run(s, 'dev.nv.query()')

        then:
        t.row('SRIOV_EN').next().toString() == 'False(0)'
        t.row('NUM_OF_VFS').defaultValue() == 0
        t.row('NUM_OF_PF').next() == 2
        t.row('KEEP_ETH_LINK_UP_P1') != null && t.row('KEEP_ETH_LINK_UP_P2') != null
        t.row('LINK_TYPE_P1') == null                                    // cx6dx: Ethernet only, no nv_vpi_link_type
        t.row('IP_OVER_VXLAN_PORT') == null                              // its dependency (IP_OVER_VXLAN_EN) is off
        t.every { !it.modified }
        t.toString().contains('Configurations:')
        t.toString() =~ /(?m)^ {7}SRIOV_EN +False\(0\) +False\(0\) +False\(0\) +-$/
        run(s, "dev.nv.query('sriov*')")*.parameter == ['SRIOV_EN']
        t.row('SRIOV_EN').toMap() == [parameter: 'SRIOV_EN', default: 'False(0)', current: 'False(0)', next: 'False(0)', writer: '-', modified: false, read_only: false]

        cleanup:
        s.close()
    }

    def "set writes NEXT under the configuration scope, journals names, values and before-values, and says when it applies"() {
        given:
        def s = session()

        when:
        def changes = run(s, "withScope('configuration') { dev.nv.set(SRIOV_EN: true, NUM_OF_VFS: 8, LINK_TYPE: null) }")

        then:
        NvException e = thrown()
        e.message.startsWith("unknown NV parameter 'LINK_TYPE'")
        journal(s).isEmpty()

        when:
        changes = run(s, "withScope('configuration') { dev.nv.set(SRIOV_EN: 'True', NUM_OF_VFS: 8) }")
        def row = run(s, "dev.nv.param('NUM_OF_VFS')")
        def entry = journal(s).last()

        then:
        changes*.toString() == ['SRIOV_EN: False(0) -> True(1)', 'NUM_OF_VFS: 0 -> 8']
        run(s, 'dev.nv.SRIOV_EN') == true
        run(s, "dev.nv['NUM_OF_VFS']") == 8
        row.current() == 0 && row.next() == 8 && row.writer() == 'COMMAND_INTERFACE'
        journal(s).size() == 1                                           // one item, one MNVDA write
        entry.register == 'MNVDA'
        entry.fields.item == 'nv_global_pci_conf'
        entry.fields.parameters == [SRIOV_EN: 'True(1)', NUM_OF_VFS: '8']
        entry.before.NUM_OF_VFS == [default: '0', current: '0', next: '0', writer: '-']
        out.toString().contains('nv: set SRIOV_EN, NUM_OF_VFS on emu')
        out.toString().contains('this takes effect at the next reboot or firmware reset')
        run(s, 'dev.nv.query()').row('NUM_OF_VFS').modified

        cleanup:
        s.close()
    }

    def "under the default ceiling a set is refused with the usual scope message and nothing is sent or journaled"() {
        given:
        def s = session('cx6dx:fwctl', Scope.DEBUG_READ_ONLY)

        when:
        run(s, 'dev.nv.set(NUM_OF_VFS: 4)')

        then:
        ScopeRefusedException e = thrown()
        e.message == "ACCESS_REG MNVDA write needs scope 'configuration' but the scope in force is 'debug-read-only'; start fwsh with --scope configuration and wrap it in withScope('configuration') { ... }"
        journal(s).isEmpty()
        run(s, 'dev.nv.NUM_OF_VFS') == 0

        cleanup:
        s.close()
    }

    def "refusals before anything is sent: bad enum, out of range, unsupported, read-only, unmet dependency, above the database's maximum"() {
        given:
        def s = Session.open(new SessionOptions().noHardware().ceiling(Scope.CONFIGURATION).journal(tmp.resolve('j.jsonl')).emulate('cx7:fwctl'))
        s.binding().setVariable('out', out)
        def set = { String args -> run(s, "withScope('configuration') { dev.nv.set($args) }") }

        when:
        set("LINK_TYPE_P1: 'FC'")
        then:
        NvException e = thrown()
        e.message == "LINK_TYPE_P1: 'FC' is not one of IB(1), ETH(2); nothing was sent"

        when:
        set("NUM_OF_VFS: 70000, CQE_COMPRESSION: 'FAST'")
        then:
        e = thrown()
        e.message == "NUM_OF_VFS: 70000 does not fit in 16 bits (0..65535)\nCQE_COMPRESSION: 'FAST' is not one of BALANCED(0), AGGRESSIVE(1)\nnothing was sent"

        when: 'the database caps NUM_OF_VFS at max_vfs_per_pf (255 on this cx7)'
        set('SRIOV_EN: true, NUM_OF_VFS: 300')
        then:
        e = thrown()
        e.message.startsWith('NUM_OF_VFS: 300 is above the maximum 255 ($nv_global_pci_cap.max_vfs_per_pf_valid==1 ? $nv_global_pci_cap.max_vfs_per_pf : 0)')

        when: 'IP_OVER_VXLAN_PORT depends on IP_OVER_VXLAN_EN'
        set('IP_OVER_VXLAN_PORT: 4789')
        then:
        e = thrown()
        e.message == 'IP_OVER_VXLAN_PORT: unmet dependency ($nv_sw_offload_cap.ip_over_vxlan_supported!=0)&&($nv_sw_offload_conf.ip_over_vxlan_en!=0) (nv_sw_offload_cap.ip_over_vxlan_supported = 1, nv_sw_offload_conf.ip_over_vxlan_en = 0); nothing was sent'

        when: 'set together with what it depends on, it is accepted'
        set('IP_OVER_VXLAN_EN: true, IP_OVER_VXLAN_PORT: 4789')
        then:
        run(s, 'dev.nv.IP_OVER_VXLAN_PORT') == 4789

        when: 'an item the device does not have (ECPF: not a BlueField)'
        set("ECPF_ESWITCH_MANAGER: 'ECPF'")
        then:
        e = thrown()
        e.message == 'ECPF_ESWITCH_MANAGER: not supported by this device (MNVQC: nv_ecpf_conf cannot be read); nothing was sent'

        and:
        journal(s).size() == 1

        cleanup:
        s.close()
    }

    def "a read-only item (MNVQC support_wr 0) is refused by name"() {
        given:
        def s = Session.open(new SessionOptions().noHardware().ceiling(Scope.CONFIGURATION).journal(tmp.resolve('j.jsonl')))
        s.attach(fwsh.emu.Emulator.builder('cx6dx').set('nv.readOnly', 'nv_wol_conf').build())
        s.binding().setVariable('out', out)

        when:
        run(s, "withScope('configuration') { devices.last().nv.set(WOL_MAGIC_EN: true) }")

        then:
        NvException e = thrown()
        e.message == 'WOL_MAGIC_EN: the device does not let it be written (MNVQC: nv_wol_conf is read-only); nothing was sent'
        run(s, "devices.last().nv.query('WOL*')")[0].readOnly()

        cleanup:
        s.close()
    }

    def "dry run shows exactly what would change and sends nothing"() {
        given:
        def s = session()

        when:
        NvChanges c = run(s, "dev.nv.set(SRIOV_EN: true, NUM_OF_VFS: 8, NUM_OF_PF: 2, dryRun: true)")

        then:
        c.dryRun
        c*.toString() == ['SRIOV_EN: False(0) -> True(1)', 'NUM_OF_VFS: 0 -> 8']
        out.toString().contains('nv: NUM_OF_PF is already 2 for the next boot')
        out.toString().contains('nv: would set NUM_OF_VFS: 0 -> 8 (current 0, default 0)')
        out.toString().contains('nv: dry run, nothing sent')
        journal(s).isEmpty()
        run(s, 'dev.nv.NUM_OF_VFS') == 0

        cleanup:
        s.close()
    }

    /** The emulator, with the n-th MNVDA write answered BAD_PARAM by the "firmware". */
    static class FailingNvWrite implements fwsh.channel.Channel {
        @Delegate(excludes = ['rpc']) final fwsh.channel.Channel inner
        final int failOn
        int writes

        FailingNvWrite(fwsh.channel.Channel inner, int failOn) { this.inner = inner; this.failOn = failOn }

        @Override
        byte[] rpc(Scope scope, byte[] input, int outLen) {
            boolean nvWrite = fwsh.channel.Mailbox.opcode(input) == 0x805 && fwsh.channel.Mailbox.opMod(input) == 0 &&
                    (((input[10] & 0xff) << 8) | (input[11] & 0xff)) == 0x9024
            if (nvWrite && ++writes == failOn) {
                byte[] out = new byte[outLen]
                fwsh.channel.Mailbox.setStatus(out, 3, 0x1234)
                return out
            }
            inner.rpc(scope, input, outLen)
        }
    }

    def "a partial failure says which were written and which were not, and the journal matches"() {
        given:
        def s = Session.open(new SessionOptions().noHardware().ceiling(Scope.CONFIGURATION).journal(tmp.resolve('j.jsonl')))
        s.attach(new FailingNvWrite(fwsh.emu.Emulator.create('cx6dx', fwsh.channel.Transport.FWCTL), 2))
        s.binding().setVariable('out', out)

        when:
        run(s, "withScope('configuration') { devices.last().nv.set(SRIOV_EN: true, CQE_COMPRESSION: 'AGGRESSIVE') }")

        then:
        NvException e = thrown()
        e.message.startsWith('nv: wrote SRIOV_EN; NOT written: CQE_COMPRESSION (nv_sw_offload_conf: ACCESS_REG MNVDA write: firmware status BAD_PARAM')
        run(s, 'devices.last().nv.SRIOV_EN') == true
        run(s, 'devices.last().nv.CQE_COMPRESSION') == 'BALANCED'
        def j = journal(s)
        j.size() == 3
        j[0].fields.parameters == [SRIOV_EN: 'True(1)']
        j[1].fields.parameters == [CQE_COMPRESSION: 'AGGRESSIVE(1)']
        j[2].command == 'NV set outcome' && j[2].written == ['SRIOV_EN'] && j[2].not_written == ['CQE_COMPRESSION']

        cleanup:
        s.close()
    }

    def "reset puts a parameter back to its default for the next boot; resetAll every item"() {
        given:
        def s = session()
        run(s, "withScope('configuration') { dev.nv.set(NUM_OF_VFS: 8, SRIOV_EN: true, CQE_COMPRESSION: 1) }")

        when:
        run(s, "withScope('configuration') { dev.nv.reset('NUM_OF_VFS') }")

        then:
        run(s, 'dev.nv.NUM_OF_VFS') == 0
        run(s, 'dev.nv.SRIOV_EN') == true                                // the rest of the item stays
        journal(s).last().fields.reset == [NUM_OF_VFS: '0']

        when:
        run(s, "withScope('configuration') { dev.nv.reset('SRIOV_EN') }")

        then: 'nothing else set in the item: it is invalidated (MNVDI), the writer is cleared'
        journal(s).last().register == 'MNVDI'
        run(s, "dev.nv.param('SRIOV_EN')").writer() == '-'

        when:
        def all = run(s, "withScope('configuration') { dev.nv.resetAll() }")

        then:
        all*.parameter == ['CQE_COMPRESSION']
        journal(s).last().register == 'MNVIA'
        run(s, 'dev.nv.query()').every { !it.modified }

        cleanup:
        s.close()
    }

    def "cx7: LINK_TYPE_P1 = IB takes effect at dev.emu.reboot(): the port becomes InfiniBand; NUM_OF_VFS shows in MPEIN"() {
        given:
        def s = session('cx7:mlx5ctl')

        when:
        run(s, "withScope('configuration') { dev.nv.set(LINK_TYPE_P1: 'IB', SRIOV_EN: true, NUM_OF_VFS: 16) }")

        then:
        run(s, "dev.cap.general.port_type") == 1
        run(s, "dev.reg.MPEIN.read().num_of_vfs") == 0
        run(s, "dev.nv.param('LINK_TYPE_P1')").current() == 'ETH'

        when:
        def said = run(s, 'dev.emu.reboot()')

        then:
        said == "${s.devices()[0].name} rebooted: NV configuration for the next boot is now in use"
        run(s, "dev.cap.general.port_type") == 0
        run(s, "dev.reg.PTYS.read(local_port: 1, proto_mask: 'ib').ib_proto_capability") != 0
        run(s, "dev.reg.MPEIN.read().num_of_vfs") == 16
        run(s, "dev.nv.param('LINK_TYPE_P1')").current() == 'IB'
        run(s, "dev.nv.query()").every { !(it.parameter in ['LINK_TYPE_P1', 'NUM_OF_VFS']) || it.current() == it.next() }

        cleanup:
        s.close()
    }

    def "dev.emu exists only on emulated devices and says so elsewhere"() {
        given:
        def s = Session.open(new SessionOptions().noHardware().journal(tmp.resolve('j.jsonl')))
        def rec = tmp.resolve('r.jsonl')
        def rs = Session.open(new SessionOptions().noHardware().emulate('cx6dx').journal(tmp.resolve('j2.jsonl')).with { record = rec; it })
        rs.close()
        def replay = Session.open(new SessionOptions().noHardware().journal(tmp.resolve('j3.jsonl')).with { it.replay = rec; it })

        when:
        run(replay, 'dev.emu')

        then:
        fwsh.base.FwshException e = thrown()
        e.message.contains('is not an emulated device')
        e.message.contains('exists only on --emulate devices')

        cleanup:
        s?.close()
        replay?.close()
    }

    def "backup, diff and restore: a baseline file, the drift against it with who configured it, and restoring it"() {
        given:
        def s = session()
        def file = tmp.resolve('site.json').toString()
        run(s, "withScope('configuration') { dev.nv.set(SRIOV_EN: true, NUM_OF_VFS: 8) }")

        when:
        run(s, "dev.nv.backup('$file')")
        def json = new groovy.json.JsonSlurper().parse(new File(file))

        then:
        json.format == 'fwsh-nv-baseline'
        json.parameters.SRIOV_EN == 'True(1)'
        json.parameters.NUM_OF_VFS == '8'
        json.device.psid == 'MT_0000000359'
        run(s, "dev.nv.diff('$file')").size() == 2                       // CURRENT still differs until the reboot
        run(s, "dev.nv.diff(CQE_COMPRESSION: 'AGGRESSIVE')")*.toString() == ['CQE_COMPRESSION: expected AGGRESSIVE, actual BALANCED(0), configured by nobody (writer unspecified)']
        run(s, "dev.nv.diff(NO_SUCH_PARAM: 5)")*.toString() == ['NO_SUCH_PARAM: expected 5, actual N/A (not on this device)']

        when:
        run(s, 'dev.emu.reboot()')
        run(s, "withScope('configuration') { dev.nv.set(NUM_OF_VFS: 4, CQE_COMPRESSION: 'AGGRESSIVE') }")
        NvDiff d = run(s, "dev.nv.diff('$file')")

        then:
        d*.parameter == ['NUM_OF_VFS', 'CQE_COMPRESSION']
        d.find { it.parameter == 'NUM_OF_VFS' }.toString() == "NUM_OF_VFS: expected 8, actual 4 (in use 8 until the next reboot), configured by COMMAND_INTERFACE"
        d.toString().endsWith('2 of ' + json.parameters.size() + ' parameter(s) differ from the baseline')

        when: 'restore under the default ceiling is refused'
        def ro = Session.open(new SessionOptions().noHardware().journal(tmp.resolve('ro.jsonl')))
        ro.attach(s.devices()[0].rawChannel().openHandle())
        ro.binding().setVariable('out', new StringWriter())
        run(ro, "dev.nv.restore('$file')")

        then:
        thrown(ScopeRefusedException)

        when:
        def restored = run(s, "withScope('configuration') { dev.nv.restore('$file') }")

        then:
        restored*.toString() == ['NUM_OF_VFS: 4 -> 8', 'CQE_COMPRESSION: AGGRESSIVE(1) -> BALANCED(0)']
        out.toString().contains("expected 8, actual 4")
        run(s, "dev.nv.diff('$file')").isEmpty()

        cleanup:
        ro?.close()
        s.close()
    }
}
