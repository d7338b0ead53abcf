class PcieSpec extends PackSpecification {
    def "a healthy Gen4 x16 link: link, functions, payload, power, no recovery events, OK"() {
        when:
        def r = run('device/pcie.groovy')

        then:
        r.lines[0] == "pcie of ${device.name} (${device.source}; ${device.info.pci})".toString()
        r.lines[0].contains('(emulated ')   // never taken for hardware
        r.lines.contains('  link       Gen4 x16 (16 GT/s), capable Gen4 x16, peer up to Gen4')
        r.lines.contains('  payload    256 B (max read request 512 B)')
        r.lines.contains('  power      25 W reported, sufficient')
        r.lines.any { it ==~ /  functions  2 PF, 0 VF; function 0 at [0-9a-f]{2}:[0-9a-f]{2}\.[0-7]/ }
        r.lines.contains('  errors     rx_pci_signal_integrity 0 (crc tlp 0, crc dllp 0, framing 0), tx_pci_signal_integrity 0 (eieos 0, ts 0), buffer overflow 0 since the last clear')
        r.lines.last() == 'pcie: OK'
        r.exitCode == 0
    }

    def "a link trained down to Gen3 x8 with signal-integrity errors is DEGRADED with exit code 3"() {
        given:
        addDevice('cx6dx:fwctl', clock: 'virtual', 'pcie.widthActive': '3', 'pcie.speedActive': '0x4',
                'pcie.rxErrorsPerHour': '120', 'pcie.txErrorsPerHour': '60')
        advance(Duration.ofHours(1))

        when:
        def r = run('device/pcie.groovy', '--device', '1')

        then:
        r.lines.contains('  link       Gen3 x8 (8 GT/s), capable Gen4 x16, peer up to Gen4')
        r.lines.contains('  errors     rx_pci_signal_integrity 120 (crc tlp 60, crc dllp 60, framing 0), tx_pci_signal_integrity 60 (eieos 30, ts 30), buffer overflow 0 since the last clear')
        r.lines.last() == 'pcie: DEGRADED (width x8 of x16; speed Gen3 below Gen4 that both ends support; 180 signal-integrity recovery events since the last clear)'
        r.exitCode == 3
    }

    def "--over counts only the events of the interval"() {
        given:
        addDevice('cx6dx:fwctl', 'pcie.rxErrorsPerHour': '36000000')

        def rx = { result -> (result.lines.find { it.startsWith('  errors') } =~ /rx_pci_signal_integrity (\d+)/)[0][1] as long }

        when:
        def r = run('device/pcie.groovy', '--device', '1', '--over', '0.1')
        def total = run('device/pcie.groovy', '--device', '1')

        then: "10,000 events a second: some in the interval, fewer than the device counted since it started"
        rx(r) > 0
        rx(r) < rx(total)
        r.lines.last().endsWith('signal-integrity recovery events in 0.1 s)')
        total.lines.last().endsWith('signal-integrity recovery events since the last clear)')
        r.exitCode == 3
    }

    def "a bad argument is one line naming it and --help, and exit status 2"() {
        when:
        def r = run('device/pcie.groovy', args)

        then:
        r.exitCode == 2
        r.err == "device/pcie.groovy: $text; try device/pcie.groovy --help\n"
        r.out == ''

        where:
        args                 | text
        ['--over', '0']      | "--over 0: give a positive number of seconds"
        ['--port', '1']      | "unknown option '--port'"
    }
}
