class InventorySpec extends PackSpecification {
    def "inventory prints one table per device with identity, firmware, ports, module, temperature and caps"() {
        when:
        def r = run('device/inventory.groovy')
        def lines = r.lines

        then:
        lines[0].startsWith("== ${session.devices()[0].name} ==")
        lines[1] ==~ /  device +emu\d+  0000:[0-9a-f]{2}:00\.0  \(emulated cx6dx\)/
        lines.contains('  transport    emulated (mlx5ctl), profile cx6dx')
        lines.contains('  firmware     22.39.1002   PSID MT_0000000359   device id 0x101d')
        lines.any { it ==~ /  caps +log_max_qp 17  log_max_cq 24  log_max_mkey 24  num_ports 2  port_type eth  debug 1  diag counters \d+/ }
        lines.any { it ==~ /  temperature +ASIC \d+\.\d C \(max \d+\.\d C, threshold 105\.0 C\)/ }
        lines.contains('  pcie         Gen4 x16 (capable Gen4 x16)')
        lines.contains('  port 1       up (admin up)  100G (100GAUI_2)  MTU 1522 (admin 1522, max 9978)  FEC rs_fec_528_514')
        lines.any { it ==~ /  module 1 +NVIDIA MCP1600-C001E30N SN MT2231VS01234, qsfp28 passive_copper_cable, \d+\.\d C/ }
        r.result[0].psid == 'MT_0000000359'
        r.result[0].pcie == [speed: 'Gen4', width: 'x16', capable_speed: 'Gen4', capable_width: 'x16']
        r.result[0].ports*.port == [1, 2]
        r.result[0].ports*.label == device.ports*.label          // the ports dev.ports lists, not a guess
        r.result[0].source == 'emulated'
        r.result[0].profile == 'cx6dx'
    }

    @Requires({ PackSpecification.granted('configuration') })
    def "a changed port shows up: admin down and a new MTU"() {
        given:
        eval("withScope('configuration') { dev.reg.PAOS.write([local_port: 2, admin_status: 2, ase: 1]); dev.reg.PMTU.modify(local_port: 1) { admin_mtu = 4000 } }")

        when:
        def lines = run('device/inventory.groovy').lines

        then:
        lines.find { it.startsWith('  port 1') }.contains('MTU 4000 (admin 4000, max 9978)')
        lines.find { it.startsWith('  port 2') }.startsWith('  port 2       down (admin down)  no link')
    }

    def "several devices get several tables; --device picks one; bad arguments give the usage line"() {
        given: "a second device: the same ConnectX-6 Dx behind fwctl"
        addDevice('cx6dx:fwctl')

        expect:
        run('device/inventory.groovy').lines.count { it.startsWith('== ') } == 2
        run('device/inventory.groovy', '--device', '1').lines.findAll { it.startsWith('== ') } == ["== ${session.devices()[1].name} " + '=' * (72 - session.devices()[1].name.length())]

        when:
        def bad = run('device/inventory.groovy', '--port')

        then:
        bad.exitCode == 2
        bad.err == "device/inventory.groovy: unknown option '--port'; try device/inventory.groovy --help\n"
    }

    def "an InfiniBand device: port_type ib in the caps and the port's speed as NDR 4x (400 Gb/s)"() {
        given:
        addDevice('cx7ib:fwctl')

        when:
        def r = run('device/inventory.groovy', '--device', '1')

        then:
        r.lines.contains('  transport    emulated (fwctl), profile cx7ib')
        r.lines.any { it ==~ /  caps +log_max_qp 18  .*  port_type ib  .*/ }
        r.lines.contains('  port 1       up (admin up)  NDR 4x (400 Gb/s)  MTU 4096 (admin 4096, max 4096)  FEC rs_fec_544_514')
        r.result[0].ports*.speed == ['NDR 4x (400 Gb/s)']
        r.result[0].caps.port_type == 0
    }
}
