class HealthSpec extends PackSpecification {
    def "a healthy emulated port: state, speed from eth_proto_oper bits, MTU, PHY state, FEC, counters and OK"() {
        when:
        def r = run('link/health.groovy', '--port', '1')
        def lines = r.lines

        then:
        lines.contains('  state        up (admin up)')
        lines.contains('  speed        100G (100GAUI_2), data rate 100 Gb/s')
        lines.contains('  mtu          1522 (admin 1522, max 9978)')
        lines.contains('  phy state    active')
        lines.contains('  fec          rs_fec_528_514')
        lines.any { it ==~ /  counters     symbol_errors 0, fec corrected \d+, fec uncorrectable 0, link_down_events 0, .*/ }
        lines.any { it ==~ /  module temp  \d+\.\d C \(module 0, threshold 105\.0 C\)/ }
        lines.last() == 'link health: OK'
        r.result == 0
        session.binding().getVariable('exitCode') == 0       // set by the script, not defaulted
        r.exitCode == 0
    }

    @Requires({ PackSpecification.granted('configuration') })
    def "PAOS admin down after a write makes the verdict DOWN with exit code 4"() {
        given:
        eval("withScope('configuration') { dev.reg.PAOS.write([local_port: 1, admin_status: 2, ase: 1]) }")

        when:
        def r = run('link/health.groovy')

        then:
        r.lines.contains('  state        down (admin down)')
        r.lines.contains('  reason       Port is closed by command (see PAOS) (monitor opcode 1)')
        r.lines.last() == 'link health: DOWN (oper_status down, admin_status down; link_down_events 1)'
        r.result == 4
        session.binding().getVariable('exitCode') == 4
        r.exitCode == 4
    }

    def "an MTU that did not take effect is DEGRADED with exit code 3"() {
        given:
        // Only the health check's view changes: PMTU answers with oper_mtu below admin_mtu.
        overrideAnswer('PMTU', oper_mtu: 1500)

        when:
        def r = run('link/health.groovy', '--device', '1')

        then:
        r.lines.last() == 'link health: DEGRADED (oper_mtu 1500 != admin_mtu 1522)'
        r.result == 3
        r.exitCode == 3
    }

    def "a bad argument is one line naming it and --help, and exit status 2"() {
        when:
        def r = run('link/health.groovy', args)

        then:
        r.exitCode == 2
        r.err == "link/health.groovy: $text; try link/health.groovy --help\n"
        r.out == ''

        where:
        args                 | text
        ['--port']           | "Missing required parameter for option '--port' (<N>)"
        ['--port', 'x']      | "Invalid value for option '--port': 'x' is not an int"
        ['--port', '0']      | "--port 0: ports start at 1"
        ['--speed']          | "unknown option '--speed'"
    }

    def "a missing port is one clear line"() {
        when:
        run('link/health.groovy', '--port', '9')

        then:
        def e = thrown(FwshException)
        e.message.startsWith("link/health.groovy: ${device.name} has no port 9")
    }

    def "an InfiniBand port: speed and width from ib_proto_oper and ib_link_width_oper, IB port counters, no autoneg, OK"() {
        given: "a ConnectX-7 in InfiniBand mode next to the default Ethernet device"
        addDevice('cx7ib:fwctl')

        when:
        def r = run('link/health.groovy', '--device', '1')

        then:
        r.lines.contains('  state        up (admin up)')
        r.lines.contains('  speed        NDR 4x (400 Gb/s)')
        !r.lines.any { it.startsWith('  autoneg') }
        r.lines.contains('  mtu          4096 (admin 4096, max 4096)')
        r.lines.contains('  phy state    active')
        r.lines.contains('  counters     symbol_error 0, link_error_recovery 0, link_downed 0, port_rcv_errors 0, port_xmit_discards 0')
        r.lines.any { it ==~ /  fec blocks   corrected \d+, uncorrectable 0 \(over \d+ ms\)/ }
        r.lines.last() == 'link health: OK'
        r.result == 0
    }

    def "IB symbol errors, receive errors and transmit discards make an InfiniBand port DEGRADED with exit code 3"() {
        given: "one second of NDR traffic on a virtual clock with error rates raised"
        def ib = addDevice('cx7ib:fwctl', clock: 'virtual', seed: 2, 'traffic.symbolErrorRate': '1e-9',
                'traffic.fcsErrorRate': '1e-5', 'traffic.xmitDiscardRate': '1e-6')
        advance(Duration.ofSeconds(1))
        def t = ib.emu.traffic(1)

        when:
        def r = run('link/health.groovy', '--device', '1')

        then:
        t.symbol_errors == 400 && t.fcs_errors > 0 && t.xmit_discards > 0
        r.lines.contains("  counters     symbol_error 400, link_error_recovery 0, link_downed 0, port_rcv_errors ${t.fcs_errors}, port_xmit_discards ${t.xmit_discards}".toString())
        r.lines.last() == "link health: DEGRADED (symbol_error 400; port_rcv_errors ${t.fcs_errors}; port_xmit_discards ${t.xmit_discards})".toString()
        r.result == 3
        r.exitCode == 3
    }
}
