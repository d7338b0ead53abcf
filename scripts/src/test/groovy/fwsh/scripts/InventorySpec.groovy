package fwsh.scripts

import fwsh.channel.Scope
import fwsh.dsl.FwshException

class InventorySpec extends PackRun {
    def "inventory prints one table per device with identity, firmware, ports, module, temperature and caps"() {
        given:
        def s = open()

        when:
        def r = run(s, 'device/inventory.groovy')
        def lines = r.out.readLines()

        then:
        lines[0].startsWith("== ${s.devices()[0].name} ==")
        lines[1] ==~ /  device +emu\d+  0000:[0-9a-f]{2}:00\.0/
        lines.contains('  transport    emulated (mlx5ctl), profile cx6dx')
        lines.contains('  firmware     22.39.1002   PSID MT_0000000359   device id 0x101d')
        lines.any { it ==~ /  caps +log_max_qp 17  log_max_cq 24  log_max_mkey 24  num_ports 1  port_type eth  debug 1  diag counters \d+/ }
        lines.any { it ==~ /  temperature +ASIC \d+\.\d C \(max \d+\.\d C, threshold 105\.0 C\)/ }
        lines.contains('  port 1       up (admin up)  100G (100GAUI_2)  MTU 1522 (admin 1522, max 9978)  FEC rs_fec_528_514')
        lines.any { it ==~ /  module 1 +NVIDIA MCP1600-C001E30N SN MT2231VS01234, qsfp28 passive_copper_cable, \d+\.\d C/ }
        r.result[0].psid == 'MT_0000000359'
        r.result[0].ports*.port == [1, 2]

        cleanup:
        s.close()
    }

    def "a changed port shows up: admin down and a new MTU"() {
        given:
        def s = open('cx6dx:mlx5ctl', Scope.CONFIGURATION)
        eval(s, "withScope('configuration') { dev.reg.PAOS.write([local_port: 2, admin_status: 2, ase: 1]); dev.reg.PMTU.modify(local_port: 1) { admin_mtu = 4000 } }")

        when:
        def lines = run(s, 'device/inventory.groovy').out.readLines()

        then:
        lines.find { it.startsWith('  port 1') }.contains('MTU 4000 (admin 4000, max 9978)')
        lines.find { it.startsWith('  port 2') }.startsWith('  port 2       down (admin down)  no link')

        cleanup:
        s.close()
    }

    def "several devices get several tables; --device picks one; bad arguments give the usage line"() {
        given:
        def s = open('cx6dx:mlx5ctl,cx6dx:fwctl')

        expect:
        run(s, 'device/inventory.groovy').out.readLines().count { it.startsWith('== ') } == 2
        run(s, 'device/inventory.groovy', ['--device', '1']).out.readLines().findAll { it.startsWith('== ') } == ["== ${s.devices()[1].name} " + '=' * (72 - s.devices()[1].name.length())]

        when:
        run(s, 'device/inventory.groovy', ['--port'])

        then:
        def e = thrown(FwshException)
        e.message == "device/inventory.groovy: unexpected argument '--port'; usage: device/inventory.groovy [--device SEL]"

        cleanup:
        s.close()
    }
}
