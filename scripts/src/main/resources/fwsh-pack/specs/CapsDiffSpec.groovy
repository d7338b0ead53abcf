class CapsDiffSpec extends PackSpecification {
    def "current vs max of the general capability prints only the differing fields"() {
        when:
        def r = run('device/caps-diff.groovy')
        def lines = r.lines

        then:
        lines[0] == "capability GENERAL of ${session.devices()[0].name} (${session.devices()[0].source}): current vs max"
        lines.contains('  log_max_qp  17 (0x11)  18 (0x12)')
        !lines.any { it.contains('log_max_cq') }           // equal fields are not printed
        lines.last() ==~ /\d+ of \d+ fields differ/
        r.result.log_max_qp == [17, 18]
        r.result.every { k, v -> v[0] != v[1] }
    }

    def "the same capability of two identical devices has no differences"() {
        given: "a second device: the same ConnectX-6 Dx behind fwctl"
        addDevice('cx6dx:fwctl')

        when:
        def r = run('device/caps-diff.groovy', '--devices', '0', '1', '--type', 'debug')

        then:
        r.lines[0] == "capability DEBUG: ${session.devices()[0].name} vs ${session.devices()[1].name} (current values)"
        r.lines[1] ==~ /no differences in \d+ fields/
        r.result.isEmpty()
    }

    def "bad arguments are one clear line and exit status 2"() {
        when:
        def r = run('device/caps-diff.groovy', '--devices', '0')

        then:
        r.exitCode == 2
        r.err.startsWith("device/caps-diff.groovy: option '--devices' at index 0 (<SEL>) requires at least 2 values")
        r.err.endsWith("; try device/caps-diff.groovy --help\n")
    }
}
