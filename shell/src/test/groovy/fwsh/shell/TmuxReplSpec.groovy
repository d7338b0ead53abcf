package fwsh.shell

import spock.lang.Requires
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/**
 * Drives the real REPL on a real terminal, as a person would: tmux runs fwsh (a fresh JVM on the test
 * class path, throwaway HOME and XDG directories), keys go in with send-keys, the screen comes back with
 * capture-pane. Every wait polls the screen against a deadline.
 */
@Requires(value = { TmuxReplSpec.tmuxMissing() == null }, reason = 'tmux is not installed (CI installs it first)')
class TmuxReplSpec extends Specification {
    static final long DEADLINE_MS = 30_000

    @TempDir
    @Shared
    Path home

    /** A server per feature: a new one on the socket the last feature's kill-server is still closing can fail. */
    String socket = "fwsh-spec-${ProcessHandle.current().pid()}-${System.nanoTime()}"

    static String tmuxMissing() {
        try {
            def p = new ProcessBuilder('tmux', '-V').redirectErrorStream(true).start()
            p.inputStream.text
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? null : 'tmux -V failed'
        } catch (IOException e) {
            System.err.println('TmuxReplSpec skipped: tmux is not installed (' + e.message + ')')
            return 'tmux not found'
        }
    }

    String tmux(String... args) {
        def p = new ProcessBuilder(['tmux', '-L', socket] + (args as List)).redirectErrorStream(true).start()
        String out = p.inputStream.text
        assert p.waitFor(10, TimeUnit.SECONDS)
        out
    }

    String screen() {
        tmux('capture-pane', '-p', '-t', 'repl')
    }

    /** Polls the screen until {@code check} holds; fails with the screen when the deadline passes. */
    String waitFor(String what, Closure<Boolean> check) {
        long end = System.currentTimeMillis() + DEADLINE_MS
        String s = screen()
        while (!check(s)) {
            if (System.currentTimeMillis() > end) throw new AssertionError("timed out waiting for $what; screen:\n$s")
            Thread.sleep(50)
            s = screen()
        }
        s
    }

    /** capture-pane drops trailing blanks, so an empty prompt reads 'fwsh>'. */
    static int prompts(String s) {
        s.readLines().count { it.startsWith('fwsh>') } as int
    }

    static String lastPrompt(String s) {
        s.readLines().findAll { it.startsWith('fwsh>') }.last().stripTrailing()
    }

    def cleanup() {
        tmux('kill-server')
    }

    /** Starts fwsh in tmux on the emulated ConnectX. */
    String start() {
        String cp = System.getProperty('surefire.test.class.path') ?: System.getProperty('java.class.path')
        String java = Path.of(System.getProperty('java.home'), 'bin', 'java').toString()
        def cmd = [java, '-cp', cp, 'fwsh.shell.Main', '--emulate'].collect { "'$it'" }.join(' ')
        tmux('new-session', '-d', '-s', 'repl', '-x', '120', '-y', '40',
                "stty -g > '$home/stty.before'; env HOME='$home' XDG_STATE_HOME='$home/state' XDG_CONFIG_HOME='$home/config' TERM=xterm-256color $cmd; " +
                        "echo FWSH-EXITED-\$?; stty -g > '$home/stty.after'; stty -a > '$home/stty.all'; sleep 30")
        waitFor('the prompt') { prompts(it) == 1 }
    }

    def "start, complete a register with Tab, read it, Ctrl-C a busy loop, evaluate again, /exit"() {
        when: 'fwsh starts in tmux'
        def s = start()

        then: 'the banner and the status line are there'
        s.contains('Type /help for commands')
        waitFor('the status line') { it.contains('device: emu0 EMULATED cx6dx  scope: debug-read-only') }

        when: 'Tab completes a register name, then an argument name'
        tmux('send-keys', '-t', 'repl', 'dev.reg.PA', 'Tab')
        waitFor('the register name') { lastPrompt(it) == 'fwsh> dev.reg.PAOS' }
        tmux('send-keys', '-t', 'repl', '.read(loc', 'Tab')
        waitFor('the argument name') { lastPrompt(it) == 'fwsh> dev.reg.PAOS.read(local_port:' }
        tmux('send-keys', '-t', 'repl', '1)', 'Enter')

        then: 'the register value prints as its one-liner'
        waitFor('the read') { it.readLines().any { l -> l.startsWith('PAOS(local_port=1 ') } && prompts(it) == 2 }

        when: 'a busy loop runs and Ctrl-C is pressed'
        tmux('send-keys', '-t', 'repl', 'while (true) { }', 'Enter')
        waitFor('the loop to start') { lastPrompt(it) == 'fwsh> while (true) { }' && !it.readLines().any { l -> l.startsWith('fwsh>') && l.stripTrailing() == 'fwsh>' } }
        tmux('send-keys', '-t', 'repl', 'C-c')

        then: 'the loop stops and the prompt is back'
        waitFor('the interrupt') { it.contains('interrupted') && prompts(it) == 3 }

        when: 'the REPL still evaluates'
        tmux('send-keys', '-t', 'repl', '6 * 7', 'Enter')

        then:
        waitFor('the result') { it.readLines().contains('42') && prompts(it) == 4 }

        when: 'Ctrl-C at the prompt clears the line'
        tmux('send-keys', '-t', 'repl', 'half typed', 'C-c')
        waitFor('a fresh prompt') { prompts(it) == 5 && lastPrompt(it) == 'fwsh>' }
        tmux('send-keys', '-t', 'repl', '/exit', 'Enter')

        then: 'fwsh exits with status 0 and left its history behind'
        waitFor('the exit') { it.contains('FWSH-EXITED-0') }
        home.resolve('state/fwsh/history').toFile().text.contains('6 * 7')
    }

    def "System.exit in REPL code ends that evaluation with a note; the REPL stays"() {
        given:
        start()

        when:
        tmux('send-keys', '-t', 'repl', 'try { System.exit(4) } finally { println "cleaned up" }', 'Enter')

        then:
        def s = waitFor('the note') { prompts(it) == 2 }
        s.readLines().contains('cleaned up')
        s.readLines().contains('exit(4): System.exit ends the evaluation, not fwsh (exit or /exit leaves)')

        when:
        tmux('send-keys', '-t', 'repl', '6 * 7', 'Enter')

        then:
        waitFor('the result') { it.readLines().contains('42') && prompts(it) == 3 }
    }

    def "help on a large layout fits the terminal's width and pages: --More--, Space for the next page, q back to the prompt"() {
        given:
        start()

        when:
        tmux('send-keys', '-t', 'repl', 'help(dev.reg.PPCNT)', 'Enter')

        then: 'a screenful fitted to 120 columns, then the pager prompt'
        def first = waitFor('the pager') { more(it) }
        first.readLines().every { it.length() <= 120 }
        first.readLines().any { it.startsWith('Field Name') }

        when:
        tmux('send-keys', '-t', 'repl', 'Space')

        then: 'the next page'
        waitFor('the second page') { more(it) && !it.readLines().any { l -> l.startsWith('Field Name') } }

        when:
        tmux('send-keys', '-t', 'repl', 'q')

        then: 'the prompt, and the REPL goes on'
        waitFor('the prompt') { lastPrompt(it) == 'fwsh>' && !it.contains('--More--') }
    }

    def "keys typed while an evaluation runs wait for the prompt, and a Ctrl-D typed then leaves after the result"() {
        given:
        start()

        when: 'a command runs for a few seconds and the next line and Ctrl-D are typed meanwhile'
        tmux('send-keys', '-t', 'repl', 'Thread.sleep(4000); 6 * 7', 'Enter')
        waitFor('the evaluation to start') { lastPrompt(it) == 'fwsh> Thread.sleep(4000); 6 * 7' }
        tmux('send-keys', '-t', 'repl', '1 + 1', 'Enter')
        tmux('send-keys', '-t', 'repl', 'C-d')
        def during = screen().readLines()

        then: 'nothing ran early; then the result, the typed line and its result, and the exit'
        !during.contains('42')
        def s = waitFor('the exit') { it.contains('FWSH-EXITED-0') }
        def lines = s.readLines()*.stripTrailing()
        lines.indexOf('42') < lines.indexOf('fwsh> 1 + 1')
        lines.indexOf('fwsh> 1 + 1') < lines.indexOf('2')
    }

    def "the terminal's settings (speed included) are the same after a session as before it"() {
        given: 'no stty files from an earlier feature (home is shared), so the wait below sees this session\'s'
        ['stty.before', 'stty.after', 'stty.all'].each { Files.deleteIfExists(home.resolve(it)) }
        start()

        when: 'an evaluation runs (the terminal goes raw meanwhile), then fwsh leaves'
        tmux('send-keys', '-t', 'repl', 'Thread.sleep(300); 6 * 7', 'Enter')
        waitFor('the result') { it.readLines().contains('42') }
        tmux('send-keys', '-t', 'repl', '/exit', 'Enter')
        waitFor('the exit') { it.contains('FWSH-EXITED-0') }
        def all = home.resolve('stty.all')
        long end = System.currentTimeMillis() + DEADLINE_MS
        while (!(all.toFile().exists() && all.toFile().text) && System.currentTimeMillis() < end) Thread.sleep(50)

        then: 'stty -g is unchanged; JLine 3.30 cleared the baud bits here (speed 0 baud)'
        home.resolve('stty.after').toFile().text == home.resolve('stty.before').toFile().text
        !all.toFile().text.contains('speed 0 baud')
    }

    def "a huge result prints as a screenful ending in '… N more'; Ctrl-C stops a rendering that does not end"() {
        given:
        start()

        when: 'a list of three million numbers is the result'
        tmux('send-keys', '-t', 'repl', '(1..3000000).toList()', 'Enter')

        then: 'a screenful comes back at once, with the count of what was left out'
        def s = waitFor('the cut list') { prompts(it) == 2 }
        def more = s.readLines().find { it.startsWith('… ') }
        more ==~ /… \d+ more/
        s.readLines().count { it ==~ /\s*\d+\s+\d+/ } + (more =~ /\d+/)[0].toInteger() == 3_000_000

        when: "a value whose text never ends is printed, and Ctrl-C is pressed"
        tmux('send-keys', '-t', 'repl', 'C-l')
        waitFor('a clear screen') { prompts(it) == 1 }
        tmux('send-keys', '-t', 'repl', 'class Endless { String toString() { while (true) { } } }', 'Enter')
        waitFor('the class') { prompts(it) == 2 }
        tmux('send-keys', '-t', 'repl', 'new Endless()', 'Enter')
        Thread.sleep(500)
        tmux('send-keys', '-t', 'repl', 'C-c')

        then: 'printing stops and the prompt is back'
        waitFor('the interrupt') { prompts(it) == 3 && it.readLines().contains('interrupted') }
    }

    def "a watch view redraws at the new bottom after the terminal is resized"() {
        given:
        start()
        tmux('send-keys', '-t', 'repl', "dev.counters.watch('temperature > 500', every: 100.ms, for: 60.s)", 'Enter')
        waitFor('the watch view') { it.readLines().any { l -> l.startsWith('temperature ') } }

        when: 'the terminal shrinks, then grows'
        tmux('resize-window', '-t', 'repl', '-x', '70', '-y', '20')
        def small = waitFor('the view redrawn at 70x20') { settledView(it, 20) }
        tmux('resize-window', '-t', 'repl', '-x', '140', '-y', '35')
        def large = waitFor('the view redrawn at 140x35') { settledView(it, 35) }

        then: 'one table right above the status line, nothing left of the old one'
        small.readLines().every { it.length() <= 70 }
        large.readLines().count { it.startsWith('name ') } == 1

        when: 'Ctrl-C ends the watch'
        tmux('send-keys', '-t', 'repl', 'C-c')

        then: 'the view is gone and the prompt is back'
        waitFor('the prompt') { lastPrompt(it) == 'fwsh>' && !it.readLines().any { l -> l.startsWith('name ') } }
    }

    /** The screen has {@code rows} lines: the status line last, the watch table right above it, shown once. */
    static boolean settledView(String screen, int rows) {
        def lines = screen.readLines()
        lines.size() == rows && lines[-1].startsWith(' fwsh  device:') && lines[-2].startsWith('temperature ')
                && lines[-3].startsWith('name ') && lines[-4].startsWith('watch: 1 rule')
                && lines.count { it.startsWith('name ') } == 1 && lines.count { it.startsWith('watch: 1 rule') } == 1
    }

    def "Ctrl-Z suspends fwsh with the screen handed back clean, at the prompt and during an evaluation; fg restores it"() {
        given: 'fwsh started from an interactive shell, as a job, through a launcher that execs java as bin/fwsh does'
        def launcher = home.resolve('fwsh.sh')
        String cp = System.getProperty('surefire.test.class.path') ?: System.getProperty('java.class.path')
        String java = Path.of(System.getProperty('java.home'), 'bin', 'java').toString()
        launcher.toFile().text = "#!/bin/sh\nexec '$java' -cp '$cp' fwsh.shell.Main --emulate\n"
        launcher.toFile().setExecutable(true)
        tmux('new-session', '-d', '-s', 'repl', '-x', '120', '-y', '30',
                "env HOME='$home' XDG_STATE_HOME='$home/state' TERM=xterm-256color PS1='sh\$ ' bash --norc --noprofile -i")
        waitFor('the shell') { it.contains('sh$') }
        tmux('send-keys', '-t', 'repl', "'$launcher'", 'Enter')
        waitFor('the prompt') { prompts(it) == 1 && statusShown(it) }

        when: 'Ctrl-Z with a line half typed'
        tmux('send-keys', '-t', 'repl', '6 * 7')
        waitFor('the typing') { lastPrompt(it) == 'fwsh> 6 * 7' }
        tmux('send-keys', '-t', 'repl', 'C-z')

        then: 'the shell has the terminal: job stopped, no status line left behind'
        waitFor('the stop') { it.contains('Stopped') && lastLine(it).startsWith('sh$') && !statusShown(it) }

        when: 'fg'
        tmux('send-keys', '-t', 'repl', 'fg', 'Enter')

        then: 'the status line and the half-typed line are back'
        waitFor('the resume') { statusShown(it) && lastPrompt(it) == 'fwsh> 6 * 7' }

        when: 'the line is finished'
        tmux('send-keys', '-t', 'repl', 'Enter')

        then: 'it still works'
        waitFor('the result') { it.readLines().contains('42') && lastPrompt(it) == 'fwsh>' }

        when: 'Ctrl-Z while an evaluation runs, then fg'
        tmux('send-keys', '-t', 'repl', 'C-l')
        waitFor('a clear screen') { prompts(it) == 1 }
        tmux('send-keys', '-t', 'repl', 'Thread.sleep(2000); 6 * 8', 'Enter')
        waitFor('the evaluation') { lastPrompt(it) == 'fwsh> Thread.sleep(2000); 6 * 8' }
        tmux('send-keys', '-t', 'repl', 'C-z')
        waitFor('the stop') { lastLine(it).startsWith('sh$') && !statusShown(it) }
        tmux('send-keys', '-t', 'repl', 'fg', 'Enter')

        then: 'the evaluation finishes, then the prompt and the status line'
        waitFor('the result') { it.readLines().contains('48') && lastPrompt(it) == 'fwsh>' && statusShown(it) }

        when:
        tmux('send-keys', '-t', 'repl', '/exit', 'Enter')

        then:
        waitFor('the shell') { lastLine(it).startsWith('sh$') }
    }

    static boolean more(String screen) {
        screen.readLines().any { it.startsWith('--More--') }
    }

    static String lastLine(String screen) {
        screen.readLines().findAll { it.trim() }.last()
    }

    static boolean statusShown(String screen) {
        screen.readLines().last().startsWith(' fwsh  device: emu0')
    }
}
