package fwsh.shell

import fwsh.channel.Scope
import fwsh.channel.Transport
import fwsh.dsl.SessionOptions
import fwsh.shell.cli.Streams
import fwsh.shell.pack.TestCommand
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/** How fwsh's command line is read (picocli): option forms, the script's own words, and every usage error. */
class CommandLineSpec extends Specification {
    @TempDir
    Path dir

    /** Parses as fwsh would, without running anything; the parsed options. */
    static Options parse(List<String> argv) {
        def io = new Streams(new ByteArrayInputStream(new byte[0]), System.out, System.err)
        def cl = Main.commandLine(io, new SessionOptions(), { true })
        cl.parseArgs(argv as String[])
        (cl.command as FwshCommand).options
    }

    Map fwsh(List<String> argv) {
        def out = new ByteArrayOutputStream()
        def err = new ByteArrayOutputStream()
        def noHardware = new SessionOptions(sysfsRoot: dir.resolve('sys'), devRoot: dir.resolve('dev'))
        int status = Main.run(argv as String[], new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, 'UTF-8'), new PrintStream(err, true, 'UTF-8'), noHardware)
        [status: status, out: out.toString('UTF-8'), err: err.toString('UTF-8')]
    }

    def "every option is read, in both --opt VALUE and --opt=VALUE forms"() {
        when:
        def o = parse(['--device', '0000:3b:00.0', '--transport=mlx5ctl', '--scope', 'debug-write', '--journal=/tmp/j.jsonl',
                       '--format', 'json', '--no-color', '--verbose', '--init', 'i.groovy', '--record=r.jsonl',
                       '--replay', 'p.jsonl', '--replay-mode=ordered', '--list-scripts'])

        then:
        o.device == '0000:3b:00.0'
        o.transport == Transport.MLX5CTL
        o.ceiling == Scope.DEBUG_WRITE
        o.journal == Path.of('/tmp/j.jsonl')
        o.format == Format.JSON
        o.noColor && o.verbose && o.listScripts
        o.init == Path.of('i.groovy')
        o.record == Path.of('r.jsonl')
        o.source.replay == Path.of('p.jsonl')
        o.source.replayMode == 'ordered'
        !o.source.emulate
        o.script == null && o.code == null && o.args.isEmpty()
    }

    def "--emulate takes a SPEC only with '=', so a following file stays the script"() {
        expect:
        with(parse(['--emulate', 'x.groovy', 'a'])) {
            source.emulate && source.emulateProfile == null && script == Path.of('x.groovy') && args == ['a']
        }
        with(parse(['--emulate=cx6dx:fwctl,cx7'])) {
            source.emulate && source.emulateProfile == 'cx6dx:fwctl,cx7'
        }
        with(parse(['--emulate'])) {
            source.emulate && source.emulateProfile == null
        }
    }

    def "the words after the script name are the script's, untouched, even ones that look like options or subcommands"() {
        when:
        def o = parse(['--verbose', 'link/health.groovy', '--port', '1', '--help', 'test', '@args.txt', '--', '-e', 'x'])

        then:
        o.verbose
        !o.help
        o.script == Path.of('link/health.groovy')
        o.args == ['--port', '1', '--help', 'test', '@args.txt', '--', '-e', 'x']
    }

    def "-e CODE: every word after CODE is the code's, options and subcommand names included"() {
        expect:
        with(parse(['--emulate', '-e', 'println args', '--port', '1', 'test', '--emulate=cx7', '--'])) {
            code == 'println args' && script == null && args == ['--port', '1', 'test', '--emulate=cx7', '--']
            source.emulate && source.emulateProfile == null
        }
        with(parse(['--eval=1 + 1'])) {
            code == '1 + 1' && args.isEmpty()
        }
        with(parse(['--', '--odd-name.groovy', '-v'])) {
            script == Path.of('--odd-name.groovy') && args == ['-v'] && !verbose
        }
    }

    def "a script runs with its arguments as given, one that looks like one of fwsh's options included"() {
        given:
        def script = dir.resolve('echo.groovy')
        script.toFile().text = 'println args.toList()'

        expect:
        fwsh(['--emulate', script.toString(), '--port', '1', '--emulate=cx7', '--help']).out == '[--port, 1, --emulate=cx7, --help]\n'
        fwsh(['--emulate', '-e', 'println args.toList()', '--scope', 'x', 'pack']).out == '[--scope, x, pack]\n'
    }

    def "a malformed or conflicting option is one line plus the hint, exit 2, and nothing runs: #argv"() {
        given:
        def marker = dir.resolve('ran')
        def code = "new File('${marker}').text = 'ran'".toString()

        when:
        def r = fwsh(argv + ['-e', code])

        then:
        r.status == 2
        r.out == ''
        r.err == "fwsh: $message\nTry 'fwsh --help' for more information.\n"
        !Files.exists(marker)

        where:
        argv                                           | message
        ['--device=']                                  | '--device: needs a non-empty value'
        ['--device']                                   | '--device needs a value (DEV)'
        ['--emulate=bogus']                            | "--emulate: unknown emulator profile 'bogus'; profiles: cx6dx, cx7, cx7ib"
        ['--emulate=cx7:bogus']                        | "--emulate: unknown emulated personality 'bogus' in 'cx7:bogus'; use fwctl or mlx5ctl"
        ['--emulate=cx6dx,cx8']                        | "--emulate: unknown emulator profile 'cx8'; profiles: cx6dx, cx7, cx7ib"
        ['--emulate=']                                 | '--emulate= needs a SPEC, such as --emulate=cx7 (or plain --emulate)'
        ['--transport', 'usb']                         | "--transport: unknown transport 'usb'; use fwctl or mlx5ctl"
        ['--scope=root']                               | "--scope: unknown scope 'root'; use configuration, debug-read-only, debug-write or debug-write-full"
        ['--journal=']                                 | '--journal: needs a non-empty value'
        ['--record', ' ']                              | '--record: needs a non-empty value'
        ['--replay=']                                  | '--replay: needs a non-empty value'
        ['--replay-mode', 'random']                    | "--replay-mode: unknown replay mode 'random'; use ordered or matched"
        ['--format', 'yaml']                           | "--format: unknown format 'yaml'; use table, json or csv"
        ['--init=']                                    | '--init: needs a non-empty value'
        ['--no-color=yes']                             | '--no-color takes no value'
        ['--verbose=yes']                              | '--verbose takes no value'
        ['--list-scripts=1']                           | '--list-scripts takes no value'
        ['--replay', 'a.jsonl', '--replay', 'b.jsonl'] | '--replay is given more than once; give it once'
        ['--emulate', '--replay', 'a.jsonl']           | '--emulate and --replay both name the device; use one'
        ['--replay-mode', 'ordered']                   | '--replay-mode needs --replay FILE'
        ['--bogus']                                    | "unknown option '--bogus'"
        ['--devcie', 'x']                              | "unknown option '--devcie'; did you mean '--device'?"
        ['--emulate=cx7', '--scpoe=debug-write']       | "unknown option '--scpoe'; did you mean '--scope'?"
    }

    def "-e without CODE is a usage error"() {
        expect:
        fwsh(['-e']) == [status: 2, out: '', err: "fwsh: -e/--eval needs a value (CODE)\nTry 'fwsh --help' for more information.\n"]
    }

    def "fwsh test checks its values before compiling or running anything"() {
        when:
        def r = fwsh(['test', '--standard', '--emulate=bogus'])

        then:
        r.status == 2
        r.out == ''
        r.err.readLines() == ["fwsh test: --emulate: unknown emulator profile 'bogus'; profiles: cx6dx, cx7, cx7ib",
                              "Try 'fwsh test --help' for more information."]
    }

    def "fwsh test reads its options in any order, with the same --emulate rule"() {
        when:
        def io = new Streams(new ByteArrayInputStream(new byte[0]), System.out, System.err)
        def cl = Main.commandLine(io, new SessionOptions(), { true })
        def parsed = cl.parseArgs('test', '--emulate', 'mypack', '--scope=configuration', '--junit-xml', 'out')
        def t = parsed.subcommand().commandSpec().userObject() as TestCommand

        then:
        t.packDir == Path.of('mypack')
        t.source.emulate && t.source.emulateProfile == null
        t.ceiling.scope == Scope.CONFIGURATION
        t.junitXml == Path.of('out')
    }
}
