package fwsh.shell

import spock.lang.Requires
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/**
 * The REPL on a machine without hardware (an empty fake discovery tree, whatever the build machine has), in
 * tmux as a person would see it: it runs on the emulated ConnectX, and the banner and the status line say
 * so for the whole session.
 */
@Requires(value = { TmuxReplSpec.tmuxMissing() == null }, reason = 'tmux is not installed (CI installs it first)')
class ReplEmulatedSpec extends Specification {
    @TempDir
    Path home

    String socket = "fwsh-emu-spec-${ProcessHandle.current().pid()}"

    String tmux(String... args) {
        def p = new ProcessBuilder(['tmux', '-L', socket] + (args as List)).redirectErrorStream(true).start()
        String out = p.inputStream.text
        assert p.waitFor(10, TimeUnit.SECONDS)
        out
    }

    String waitFor(String what, Closure<Boolean> check) {
        long end = System.currentTimeMillis() + 30_000
        String s = tmux('capture-pane', '-p', '-t', 'repl')
        while (!check(s)) {
            if (System.currentTimeMillis() > end) throw new AssertionError("timed out waiting for $what; screen:\n$s")
            Thread.sleep(50)
            s = tmux('capture-pane', '-p', '-t', 'repl')
        }
        s
    }

    def cleanup() {
        tmux('kill-server')
    }

    def "with no usable device the REPL runs on the emulator and says so in the banner and the status line"() {
        given:
        Path noHardware = Files.createDirectories(home.resolve('machine'))
        String cp = System.getProperty('surefire.test.class.path') ?: System.getProperty('java.class.path')
        String java = Path.of(System.getProperty('java.home'), 'bin', 'java').toString()
        def cmd = [java, "-D${Main.DISCOVERY_ROOT_PROPERTY}=$noHardware", '-cp', cp, 'fwsh.shell.Main'].collect { "'$it'" }.join(' ')

        when:
        tmux('new-session', '-d', '-s', 'repl', '-x', '120', '-y', '30',
                "env HOME='$home' XDG_STATE_HOME='$home/state' TERM=xterm-256color $cmd; echo FWSH-EXITED-\$?; sleep 30")
        def s = waitFor('the prompt') { it.readLines().any { l -> l.startsWith('fwsh>') } }

        then:
        s.contains('EMULATED: no usable fwctl or mlx5ctl device, so this session runs on the emulated ConnectX, not on hardware')
        s.contains('no fwctl or mlx5ctl device found')
        waitFor('the status line') { it =~ /device: emu\d+ EMULATED cx6dx  scope: debug-read-only/ }

        when: 'the session goes on'
        tmux('send-keys', '-t', 'repl', 'dev.reg.PAOS.read(local_port: 1)', 'Enter')

        then: 'the status line still says it'
        waitFor('the read') { it.contains('PAOS(local_port=1 admin_status=up oper_status=up)') && it =~ /device: emu\d+ EMULATED cx6dx/ }

        when:
        tmux('send-keys', '-t', 'repl', '/exit', 'Enter')

        then:
        waitFor('the exit') { it.contains('FWSH-EXITED-0') }
    }
}
