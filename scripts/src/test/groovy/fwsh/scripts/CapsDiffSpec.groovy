package fwsh.scripts

import fwsh.dsl.FwshException

class CapsDiffSpec extends PackRun {
    def "current vs max of the general capability prints only the differing fields"() {
        given:
        def s = open()

        when:
        def r = run(s, 'device/caps-diff.groovy')
        def lines = r.out.readLines()

        then:
        lines[0] == "capability GENERAL of ${s.devices()[0].name}: current vs max"
        lines.contains('  log_max_qp  17 (0x11)  18 (0x12)')
        !lines.any { it.contains('log_max_cq') }           // equal fields are not printed
        lines.last() ==~ /\d+ of \d+ fields differ/
        r.result.log_max_qp == [17, 18]
        r.result.every { k, v -> v[0] != v[1] }

        cleanup:
        s.close()
    }

    def "the same capability of two identical devices has no differences"() {
        given:
        def s = open('cx6dx:mlx5ctl,cx6dx:fwctl')

        when:
        def r = run(s, 'device/caps-diff.groovy', ['--devices', '0', '1', '--type', 'debug'])

        then:
        r.out.readLines()[0] == "capability DEBUG: ${s.devices()[0].name} vs ${s.devices()[1].name} (current values)"
        r.out.readLines()[1] ==~ /no differences in \d+ fields/
        r.result.isEmpty()

        cleanup:
        s.close()
    }

    def "bad arguments are one clear line"() {
        given:
        def s = open()

        when:
        run(s, 'device/caps-diff.groovy', ['--devices', '0'])

        then:
        def e = thrown(FwshException)
        e.message == "device/caps-diff.groovy: bad argument '--devices'; usage: device/caps-diff.groovy [--type CAP] [--device SEL | --devices SEL_A SEL_B]"

        cleanup:
        s.close()
    }
}
