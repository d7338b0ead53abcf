package fwsh.reliability

import fwsh.dsl.Session
import fwsh.dsl.SessionOptions
import fwsh.shell.Options
import fwsh.shell.cli.UsageException
import org.jline.terminal.Terminal
import org.jline.terminal.impl.DumbTerminal
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path

/**
 * A seeded random property test of the REPL's '/' commands (not a Jazzer target: a command can load and run
 * files, so arguments come from a fixed vocabulary of hostile-looking but harmless words). Every line either
 * works or fails with one UsageException line; nothing else escapes and the REPL keeps its state.
 */
class ReplCommandPropertySpec extends Specification {
    static final long SEED = 20261121L
    static final int LINES = 3000

    @TempDir Path dir

    def "3000 random '/' lines: each works or is one UsageException line"() {
        given:
        def out = new ByteArrayOutputStream()
        Terminal t = new DumbTerminal('test', Terminal.TYPE_DUMB, new ByteArrayInputStream(new byte[0]), out, StandardCharsets.UTF_8)
        Session session = Session.open(new SessionOptions().noHardware().emulate('cx6dx:fwctl').journal(dir.resolve('j.jsonl')))
        def repl = new fwsh.shell.Repl(session, new Options(), t, [XDG_STATE_HOME: dir.resolve('state').toString()])
        def commands = repl.@commands
        Path script = dir.resolve('ok.groovy')
        Files.writeString(script, 'def answer = 6 * 7\nanswer\n')
        Path bad = dir.resolve('bad.groovy')
        Files.writeString(bad, 'this is not ( groovy')
        def names = commands.names() + ['/', '//', '/HELP', '/hel', '/quit', '/exit2', '/ journal', '/\u0000']
        def words = ['', '0', '-1', '3', '99999999999999999999', '0x10', 'abc', '../../etc/passwd', '~/nope', '$(id)',
                     '`id`', '; rm -rf /', '\t', 'ü', dir.toString(), script.toString(), bad.toString(),
                     dir.resolve('missing.groovy').toString(), '--', '%n%s%s%s']
        def rnd = new Random(SEED)
        def unexpected = []
        int usage = 0, ok = 0

        when:
        LINES.times {
            String line = names[rnd.nextInt(names.size())]
            int n = rnd.nextInt(4)
            n.times { line += ' ' + words[rnd.nextInt(words.size())] }
            try {
                commands.execute(line)
                ok++
            } catch (UsageException e) {
                usage++
                if (e.message == null || e.message.isBlank() || e.message.count('\n') > line.count('\n'))
                    unexpected << "${line.inspect()}: not one line: ${e.message}"
            } catch (Throwable e) {
                unexpected << "${line.inspect()}: ${e.class.name}: ${e.message}"
            }
        }
        println "REPL COMMANDS: ok=$ok usage=$usage unexpected=${unexpected.size()}"

        then:
        unexpected.isEmpty()
        ok > 0 && usage > 0
        session.binding().hasVariable('dev')

        cleanup:
        session?.close()
        t?.close()
    }
}
