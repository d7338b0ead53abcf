package fwsh.shell

import spock.lang.Requires
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

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

    @Shared
    String socket = "fwsh-spec-${ProcessHandle.current().pid()}"

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

    /** Starts fwsh in tmux with an init script that puts a fake device with registers in the session. */
    String start() {
        def init = home.resolve('init.groovy')
        init.toFile().text = 'dev = new fwsh.shell.FakeDevice()\n'
        String cp = System.getProperty('surefire.test.class.path') ?: System.getProperty('java.class.path')
        String java = Path.of(System.getProperty('java.home'), 'bin', 'java').toString()
        def cmd = [java, '-cp', cp, 'fwsh.shell.Main', '--emulate', '--init', init.toString()].collect { "'$it'" }.join(' ')
        tmux('new-session', '-d', '-s', 'repl', '-x', '120', '-y', '40',
                "env HOME='$home' XDG_STATE_HOME='$home/state' XDG_CONFIG_HOME='$home/config' TERM=xterm-256color $cmd; echo FWSH-EXITED-\$?; sleep 30")
        waitFor('the prompt') { prompts(it) == 1 }
    }

    def "start, complete a register with Tab, read it, Ctrl-C a busy loop, evaluate again, /exit"() {
        when: 'fwsh starts in tmux'
        def s = start()

        then: 'the banner and the status line are there'
        s.contains('Type /help for commands')
        waitFor('the status line') { it.contains('device: mlx5_0  scope: debug-read-only') }

        when: 'Tab completes a register name, then an argument name'
        tmux('send-keys', '-t', 'repl', 'dev.reg.PA', 'Tab')
        waitFor('the register name') { lastPrompt(it) == 'fwsh> dev.reg.PAOS' }
        tmux('send-keys', '-t', 'repl', '.read(loc', 'Tab')
        waitFor('the argument name') { lastPrompt(it) == 'fwsh> dev.reg.PAOS.read(local_port:' }
        tmux('send-keys', '-t', 'repl', '1)', 'Enter')

        then: 'the register value prints as its one-liner'
        waitFor('the read') { it.contains('PAOS(local_port=1 admin_status=up)') && prompts(it) == 2 }

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
}
