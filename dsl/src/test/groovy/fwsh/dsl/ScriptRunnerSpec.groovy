package fwsh.dsl

import spock.lang.Specification

class ScriptRunnerSpec extends Specification {

    def "scripts run on the shared configuration, see their arguments and the session"() {
        given:
        def session = Session.open(new SessionOptions().noHardware())
        def runner = new ScriptRunner(session)

        expect:
        runner.run('args.size() + (session == null ? 100 : 0)', 'a.groovy', ['x', 'y']) == 2
        runner.run('help(null)', 'b.groovy', []) == 'null'

        cleanup:
        session.close()
    }

    def "a busy loop stops when its thread is interrupted"() {
        given:
        def session = Session.open(new SessionOptions().noHardware())
        def runner = new ScriptRunner(session)
        Throwable caught = null
        def t = Thread.start { try { runner.run('while (true) { }', 'loop.groovy', []) } catch (Throwable e) { caught = e } }

        when:
        Thread.sleep(100)
        t.interrupt()
        t.join(5000)

        then:
        !t.alive
        caught instanceof InterruptedException

        cleanup:
        session.close()
    }
}
