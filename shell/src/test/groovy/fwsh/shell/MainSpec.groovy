package fwsh.shell

import fwsh.dsl.SessionOptions
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

/**
 * Every batch invocation form through Main.run, as the launcher would call it. Discovery looks at an empty
 * fake tree (a machine without hardware, whatever the build machine has); runs that need a device say --emulate.
 */
class MainSpec extends Specification {
    @TempDir
    Path dir

    Map fwsh(List<String> argv, String stdin = '') {
        def out = new ByteArrayOutputStream()
        def err = new ByteArrayOutputStream()
        def noHardware = new SessionOptions(sysfsRoot: dir.resolve('sys'), devRoot: dir.resolve('dev'))
        int status = Main.run(argv as String[], new ByteArrayInputStream(stdin.getBytes('UTF-8')),
                new PrintStream(out, true, 'UTF-8'), new PrintStream(err, true, 'UTF-8'), noHardware)
        [status: status, out: out.toString('UTF-8'), err: err.toString('UTF-8'), code: status]
    }

    def "a script file runs with its arguments and prints only its own output"() {
        given:
        def script = dir.resolve('hello.groovy')
        script.toFile().text = 'println "args=${args.toList()}"\n42'

        when:
        def r = fwsh(['--emulate', script.toString(), 'a', '--port', '1'])

        then:
        r.status == 0
        r.out == 'args=[a, --port, 1]\n'   // the final value of a file script is not printed
        r.err == ''
    }

    def "-e evaluates code and prints its non-null result"() {
        expect:
        fwsh(['--emulate', '-e', 'println 1']) == [status: 0, out: '1\n', err: '', code: 0]
        fwsh(['--emulate', '-e', '[a: 1, bb: 2]']).out == 'a   1\nbb  2\n'
        fwsh(['--emulate', '-e', 'args.join("+")', 'x', 'y']).out == 'x+y\n'
        fwsh(['--emulate', '--eval=args.join("+")', 'x']).out == 'x\n'
    }

    def "a tail's summary line is printed once, by the tail; --format json gets the result as JSON and the line on stderr"() {
        when:
        def text = fwsh(['--emulate', '-e', 'dev.tracer.tail(for: 100.ms, grep: "no such message")'])
        def json = fwsh(['--emulate', '--format', 'json', '-e', 'dev.tracer.tail(for: 100.ms, grep: "no such message")'])

        then:
        text.status == 0
        text.out.readLines().count { it.startsWith('trace: ') } == 1
        text.out.readLines().last().startsWith('trace: ')
        json.err.readLines().count { it.startsWith('trace: ') } == 1     // for people: stderr, stdout is JSON
        json.out.readLines().last().startsWith('{"events":')
    }

    def "code on stdin runs in batch; results follow --format"() {
        expect:
        fwsh(['--emulate'], 'def x = 20\nx + 1') == [status: 0, out: '21\n', err: '', code: 0]
        fwsh(['--emulate', '--format', 'json'], '[[port: 1, up: true]]').out == '[{"port":1,"up":true}]\n'
        fwsh(['--emulate', '--format=csv'], '[[port: 1, name: "a,b"]]').out == 'port,name\n1,"a,b"\n'
    }

    def "--help and --version print to stdout and exit 0"() {
        when:
        def help = fwsh(['--help'])
        def version = fwsh(['--version'])

        then:
        help.status == 0 && help.out.startsWith('Usage: fwsh [OPTIONS]') && help.out.contains('Exit status:\n  0 success')
        help.out.contains('Commands:\n  test  ') && help.out.contains('\n  pack  ')
        version.status == 0 && version.out ==~ /fwsh \S+ \(Groovy 5\.\S+, Java \S+\)\n/
    }

    def "a bad option or value is one line plus a hint, exit 2"() {
        when:
        def r = fwsh(argv)

        then:
        r.status == 2
        r.out == ''
        r.err == "fwsh: $message\nTry 'fwsh --help' for more information.\n"

        where:
        argv                                             | message
        ['--frobnicate']                                 | "unknown option '--frobnicate'"
        ['--emulat', '-e', '1']                          | "unknown option '--emulat'; did you mean '--emulate'?"
        ['--verbsoe']                                    | "unknown option '--verbsoe'; did you mean '--verbose' or '--version'?"
        ['--format', 'yaml', '-e', '1']                  | "--format: unknown format 'yaml'; use table, json or csv"
        ['missing.groovy']                               | "no script file 'missing.groovy' (nor a pack script of that name; see --list-scripts)"
        ['tset', 'x']                                    | "no script file 'tset' (nor a pack script of that name; see --list-scripts); did you mean 'config/set.groovy' or 'test'?" // config/set.groovy: 'set' is one letter from 'tset' too
        ['helth.groovy']                                 | "no script file 'helth.groovy' (nor a pack script of that name; see --list-scripts); did you mean 'link/health.groovy'?"
        ['--scope', 'debug-write', 'test', '--standard'] | "'test' is a subcommand and comes first, with its own options after it: fwsh test [OPTIONS] (fwsh test --help)"
        ['--emulate', 'pack', 'new', 'x']                | "'pack' is a subcommand and comes first, with its own options after it: fwsh pack [OPTIONS] (fwsh pack --help)"
    }

    def "a script error is one line on stderr and exit 1; --verbose adds the stack trace"() {
        given:
        def script = dir.resolve('bad.groovy')
        script.toFile().text = 'println "before"\nthrow new IllegalStateException("port 9 does not exist")\n'

        when:
        def plain = fwsh(['--emulate', script.toString()])
        def verbose = fwsh(['--emulate', '--verbose', script.toString()])

        then:
        plain.status == 1
        plain.out == 'before\n'
        plain.err == 'error: IllegalStateException: port 9 does not exist (bad.groovy:2)\n'
        verbose.status == 1
        verbose.err.readLines().contains('error: IllegalStateException: port 9 does not exist (bad.groovy:2)')
        verbose.err.readLines()[0].startsWith('fwsh: ')   // --verbose: the banner goes to stderr
        verbose.err.contains('java.lang.IllegalStateException: port 9 does not exist')
        verbose.err.contains('at bad.run(bad.groovy:2)')
    }

    def "compile errors and missing names are one line too"() {
        expect:
        with(fwsh(['--emulate', '-e', 'def f('])) {
            status == 1 && err.readLines().size() == 1 && err.startsWith("error: Unexpected input: '<EOF>' (e.groovy:1:")
        }
        fwsh(['--emulate', '-e', 'nosuch + 1']) == [status: 1, out: '', err: "error: no variable or property 'nosuch' (e.groovy:1)\n", code: 1]
        fwsh(['--emulate'], 'null.foo()').err == 'error: NullPointerException: Cannot invoke method foo() on null object (stdin.groovy:1)\n'
    }

    def "--init runs first in the same session"() {
        given:
        def init = dir.resolve('init.groovy')
        init.toFile().text = 'greeting = "hi"'

        expect:
        fwsh(['--emulate', '--init', init.toString(), '-e', 'greeting + "!"']).out == 'hi!\n'
    }

    def "the session's variables are there for batch code"() {
        expect:
        fwsh(['--emulate', '-e', 'session != null && devices != null']).out == 'true\n'
    }

    def "pack scripts run by name, --list-scripts lists them with their purpose"() {
        when:
        def list = fwsh(['--list-scripts'])
        then:
        list.code == 0
        list.out.readLines().any { it ==~ /link\/health\.groovy\s+link health of one port.*/ }
        list.out.readLines().any { it.startsWith('device/inventory.groovy') }

        when:
        def inv = fwsh(['--emulate', 'device/inventory.groovy'])
        then:
        inv.code == 0
        inv.out.contains('PSID MT_0000000359')
    }

    def "a check script's exitCode becomes the exit status"() {
        when:
        def r = fwsh(['--emulate', '-e', 'exitCode = 3; null'])
        then:
        r.code == 3
    }

    def "--device selects dev; an unknown one is an error naming the devices"() {
        when:
        def ok = fwsh(['--emulate=cx6dx,cx7:fwctl', '--device', '1', '-e', 'dev.info.profile'])
        def bad = fwsh(['--emulate', '--device', 'nope', '-e', '1'])
        then:
        ok.code == 0
        ok.out.trim() == 'cx7'
        bad.code == 1
        bad.err.contains("no device 'nope'")
    }

    def "--record writes every RPC and --replay serves it back with the same answers"() {
        given:
        def file = File.createTempFile('fwsh-rec', '.jsonl')
        file.deleteOnExit()

        when:
        def rec = fwsh(['--emulate', '--record', file.path, '-e', 'dev.reg.PAOS.read(local_port: 1).toString()'])
        def rep = fwsh(['--replay', file.path, '-e', 'dev.reg.PAOS.read(local_port: 1).toString()'])
        def miss = fwsh(['--replay', file.path, '-e', 'dev.reg.PMTU.read(local_port: 1)'])

        then:
        rec.code == 0
        file.readLines()[0].contains('fwsh-rpc-recording')
        rep.code == 0
        rep.out == rec.out
        miss.code == 1
        miss.err.contains('replay: no recorded answer for ACCESS_REG')
    }
}
