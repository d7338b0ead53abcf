import java.nio.file.Files

class HelpersSpec extends PackSpecification {
    @Shared List<String> sessions = []
    String fromSetup

    def setup() {
        fromSetup = 'set'
    }

    def cleanup() {
        // the base class closes the session after this
        assert !session.closed
    }

    def "device, session, packDir and a script's out, lines, result and exitCode"() {
        when:
        def r = run('name')
        sessions << session.toString()

        then:
        fromSetup == 'set'
        device.is(session.devices()[0])
        Files.isRegularFile(packDir.resolve('pack.properties'))
        r.out == device.name + '\n'
        r.lines == [device.name]
        r.result == device.name
        r.exitCode == 3
    }

    def "eval runs DSL code in the same session; configuration is within this pack's ceiling"() {
        when:
        eval("withScope('configuration') { dev.reg.PAOS.write([local_port: 1, admin_status: 2, ase: 1]) }")
        sessions << session.toString()

        then:
        device.reg.PAOS.read(local_port: 1).admin_status == 2
    }

    def "each feature has a fresh session: the port is up again"() {
        when:
        sessions << session.toString()

        then:
        device.reg.PAOS.read(local_port: 1).admin_status == 1
        sessions.unique(false).size() == 3
    }
}
