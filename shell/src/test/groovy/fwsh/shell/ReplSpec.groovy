package fwsh.shell

import fwsh.channel.Scope
import fwsh.dsl.Session
import fwsh.dsl.SessionOptions
import org.jline.terminal.Terminal
import org.jline.terminal.impl.DumbTerminal
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.charset.StandardCharsets
import java.nio.file.Path
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit

/** The REPL loop on a dumb terminal fed from a string: commands, evaluation, errors, multi-line input. */
class ReplSpec extends Specification {
    @TempDir
    Path dir

    String repl(String input, Options options = new Options(), SessionOptions so = new SessionOptions().noHardware()) {
        def out = new ByteArrayOutputStream()
        def gate = new CountDownLatch(1)
        def done = new CountDownLatch(1)
        // Input ends with /exit and reports EOF only once the REPL is done (end of input would close the
        // terminal's reader early); it opens after echo is off.
        def data = new ByteArrayInputStream((input + '/exit\n').getBytes('UTF-8'))
        def stdin = new InputStream() {
            int read() {
                gate.await()
                int b = data.read()
                if (b < 0) done.await(10, TimeUnit.SECONDS)
                b
            }
        }
        // A plain dumb terminal writes straight to 'out' (the builder would put a pty and pump threads between).
        Terminal t = new DumbTerminal('test', Terminal.TYPE_DUMB, stdin, out, StandardCharsets.UTF_8)
        t.echo(false)
        gate.countDown()
        Session session = Session.open(so)
        try {
            assert new Repl(session, options, t, [XDG_STATE_HOME: dir.resolve('state').toString()]).loop() == 0
        } finally {
            done.countDown()
            session.close()
            t.close()
        }
        out.toString('UTF-8').replace('\r', '')
    }

    def "evaluates lines, keeps variables and _, prints results and leaves on /exit"() {
        when:
        def out = repl('def x = 20\nx * 2 + 2\n_ + 1\n/exit\nprintln "not" + " reached"\n')

        then:
        out.startsWith('fwsh ')
        out.contains('Type /help for commands')
        out.contains('fwsh> x * 2 + 2\n42\n')
        out.contains('fwsh> _ + 1\n43\n')
        !out.contains('not reached')
    }

    def "a summary the command printed is not echoed again; typing its variable later shows it"() {
        when:
        def out = repl('def s = dev.tracer.tail(for: 50.ms, grep: "no such message")\ns.ended\ns\n',
                new Options(), new SessionOptions().noHardware().emulate('cx6dx'))
        def lines = out.readLines()

        then: "once from the tail itself, once when asked for"
        lines.count { it.startsWith('trace: ') } == 2
        out.contains('fwsh> s.ended\nfor\n')
        out.contains('fwsh> s\ntrace: ')
    }

    def "an unclosed brace continues the input on the next line"() {
        expect:
        repl('if (true) {\n  "inside"\n}\n').contains('inside\n')
    }

    def "errors are one line; /trace shows the stack trace of the last one"() {
        when:
        def out = repl('/trace\nnull.size()\n/trace\n')

        then:
        out.contains('no error yet')
        out.contains('error: NullPointerException: Cannot invoke method size() on null object (line1.groovy:1)\n')
        out.contains('java.lang.NullPointerException: Cannot invoke method size() on null object')
    }

    def "/help lists every command; unknown commands get one line"() {
        when:
        def out = repl('/help\n/frob\n')

        then:
        ['/help', '/devices', '/load FILE', '/run FILE [ARGS...]', '/journal [N]', '/scope', '/history [N]', '/trace', '/exit']
                .every { out.contains(it) }
        out.contains('error: unknown command /frob; /help lists the commands\n')
    }

    def "help, exit and quit work as bare words, unless a variable has that name"() {
        when:
        def help = repl('help\n')
        def exit = repl('exit\n6 * 7\n')
        def quit = repl('quit\n6 * 7\n')
        def variable = repl('exit = 5\nexit + 1\n/exit\n')

        then:
        help.contains('Commands:') && help.contains('/run FILE')
        !exit.contains('42') && !quit.contains('42')
        variable.contains('fwsh> exit + 1\n6\n')
    }

    def "/load keeps the file's definitions; /run passes arguments and keeps its own"() {
        given:
        dir.resolve('lib.groovy').toFile().text = 'def sq(n) { n * n }\nloaded = true'
        dir.resolve('job.groovy').toFile().text = 'println "job ${args.toList()}"'

        when:
        def out = repl("/load ${dir.resolve('lib.groovy')}\nsq(9)\n/run ${dir.resolve('job.groovy')} a b\n/run nothere.groovy\n")

        then:
        out.contains('fwsh> sq(9)\n81\n')
        out.contains('job [a, b]\n')
        out.contains("error: no file 'nothere.groovy'")
    }

    def "/run NAME runs a standard-pack script as the command line does"() {
        when:
        def out = repl('/run link/health.groovy --port 1\n/run link/nosuch.groovy\n', new Options(),
                new SessionOptions().noHardware().emulate('cx6dx'))

        then:
        out.readLines().any { it.startsWith('link health: ') }
        out.contains("error: no file 'link/nosuch.groovy' (nor a pack script of that name; see fwsh --list-scripts)")
    }

    def "/scope shows the ceiling; /journal says where it is or that it is not set; /devices with none"() {
        given:
        def journal = dir.resolve('journal.jsonl')
        journal.toFile().text = (1..12).collect { /{"n":$it}/ }.join('\n') + '\n'

        when:
        def unset = repl('/journal\n/devices\n', new Options(), new SessionOptions().noHardware().journal(dir.resolve('none.jsonl')))
        def set = repl('/scope\n/journal 2\n', new Options(), new SessionOptions().noHardware().ceiling(Scope.DEBUG_WRITE).journal(journal))

        then:
        unset.contains('journal: not available yet') || unset.contains('(no entries yet)')
        // /devices lists the session's devices (the emulator when the DSL provides one), else the banner
        unset.substring(unset.indexOf('fwsh> /devices\n')).readLines()[1] ==~ /(\* )?\[0] .+|.*no (usable )?.*device.*/
        set.contains('scope ceiling: debug-write')
        set.contains('* 2 debug-write')
        set.contains("journal: $journal (12 entries)\n{\"n\":11}\n{\"n\":12}\n")
    }

    def "history persists in the XDG state directory and /history lists it"() {
        when:
        repl('1 + 1\n')
        def out = repl('/history\n')

        then:
        dir.resolve('state/fwsh/history').toFile().text.contains('1 + 1')
        out =~ /\d+  1 \+ 1/
    }

    def "--format json applies to REPL results"() {
        given:
        def o = new Options()
        o.format = Format.JSON

        expect:
        repl('[a: 1]\n', o).contains('{"a":1}\n')
    }
}
