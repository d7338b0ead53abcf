package fwsh.dsl

import spock.lang.Specification

class ScriptRunnerSpec extends Specification {

    def "scripts run on the shared configuration, see their arguments and the session"() {
        given:
        def session = Session.open(new SessionOptions().noHardware())
        def runner = new ScriptRunner(session)

        expect:
        runner.run('args.size() + (session == null ? 100 : 0)', 'a.groovy', ['x', 'y']) == 2
        runner.run('TraceFiles.simpleName', 'b.groovy', []) == 'TraceFiles'

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

    def "help(x) and show() print where the script prints, in scripts as in the REPL; describe() and showText() return the text"() {
        given:
        def session = Session.open(new SessionOptions().emulate('cx6dx'))
        def out = new StringWriter()
        session.binding().setVariable('out', new PrintWriter(out, true))
        def runner = new ScriptRunner(session)
        def paos = session.devices()[0].reg.PAOS

        when:
        def results = [runner.run('help(dev.reg.PAOS)', 'h.groovy', []),
                       runner.run('dev.reg.PAOS.read(local_port: 1).show()', 's.groovy', []),
                       runner.run('help(dev.cap.general)', 'c.groovy', [])]
        def text = out.toString()

        then: 'printed, not returned (a script prints it; the REPL does not echo it a second time)'
        results == [null, null, null]
        text.startsWith(paos.describe())
        text.contains(paos.read(local_port: 1).showText())
        text.contains(session.devices()[0].cap.general.describe())

        cleanup:
        session.close()
    }

    def "help() lists the names a script starts from"() {
        given:
        def session = Session.open(new SessionOptions().noHardware())
        def out = new StringWriter()
        session.binding().setVariable('out', new PrintWriter(out, true))

        when:
        new ScriptRunner(session).run('help()', 'h.groovy', [])
        def names = out.toString().readLines().drop(1).collect { it.trim().split(/\s+/)[0] }

        then:
        names.containsAll(['dev', 'devices,', 'session', 'journal', 'withScope(s)', 'TraceFiles', 'ResourceDump', 'FwshException'])
        // each of those names resolves in a script
        new ScriptRunner(session).run('[devices, session, journal, TraceFiles, ResourceDump, FwshException, Scope, Transport].every { it != null }', 'n.groovy', [])

        cleanup:
        session.close()
    }

    def "help on a large layout fits the console's width: descriptions wrapped, enum values whole"() {
        given:
        def session = Session.open(new SessionOptions().emulate('cx6dx'))
        def out = new StringWriter()
        def writer = new PrintWriter(out, true)
        session.setConsole(new fwsh.dsl.engine.Console() {
            void print(String text) { writer.print(text) }
            int width() { 90 }
        })

        when:
        new ScriptRunner(session).run('help(dev.reg.PTYS)', 'h.groovy', [])
        def lines = out.toString().readLines()

        then: 'the field table (after the two title lines) fits 90 columns'
        lines.size() > 20
        lines.drop(3).every { it.length() <= 90 }
        !out.toString().contains('...')

        cleanup:
        session.close()
    }
}
