package fwsh.dsl

import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

class ScriptArgumentsSpec extends Specification {
    static final String SCRIPT = '''// Purpose: prints a port.
// Arguments: [--port N] [--all]
// Scope: none
// Example: fwsh x/port.groovy --port 2
// Exit: 0; 2 for a bad argument.
def opts = parseArgs(positional: 1) {
    _(longOpt: 'port', args: 1, type: Integer, defaultValue: '1', argName: 'N', 'local port')
    _(longOpt: 'all', 'every port')
}
if (opts.port < 1) usageError("--port ${opts.port}: ports start at 1")
[port: opts.port, all: opts.all, words: opts.arguments()]
'''

    @Shared @AutoCleanup Session session = Session.open(new SessionOptions().noHardware())
    @Shared ScriptRunner runner = new ScriptRunner(session)
    String usage

    /** The script's result, or its exit status when it ended through ScriptExit (its line in usage). */
    def run(String... args) {
        try {
            runner.run(SCRIPT, 'x/port.groovy', args as List)
        } catch (ScriptExit e) {
            usage = e.usage()
            e.status()
        }
    }

    def "declared options parse with CliBuilder: typed values, defaults, flags and positional words"() {
        expect:
        run() == [port: 1, all: false, words: []]
        run('--port', '3', '--all', 'w') == [port: 3, all: true, words: ['w']]
        run('--port=4') == [port: 4, all: false, words: []]
    }

    def "a bad argument is one line naming it and --help, and exit status 2"() {
        expect:
        run(args as String[]) == 2
        usage == line

        where:
        args                 | line
        ['--bogus']          | "x/port.groovy: unknown option '--bogus'; try x/port.groovy --help"
        ['--port', 'x']      | "x/port.groovy: Invalid value for option '--port': 'x' is not an int; try x/port.groovy --help"
        ['--port']           | "x/port.groovy: Missing required parameter for option '--port' (<N>); try x/port.groovy --help"
        ['a', 'b']           | "x/port.groovy: unexpected argument 'b'; try x/port.groovy --help"
        ['--port', '0']      | "x/port.groovy: --port 0: ports start at 1; try x/port.groovy --help"
    }

    def "--help prints the header and the options and ends the script with status 0"() {
        given:
        def out = new StringWriter()
        session.binding().setVariable('out', new PrintWriter(out, true))

        when:
        def status = run('--help')

        then:
        status == 0
        usage == null
        out.toString().startsWith('Purpose: prints a port.\nArguments: [--port N] [--all]\n')
        out.toString().contains('--port=<N>')
        out.toString().contains('every port')

        cleanup:
        session.binding().variables.remove('out')
    }

    def "include: traceOptions() declares the tracer's options; traceOptions(cli) hands what was given to the tracer"() {
        given:
        def trace = """// Purpose: follows the tracer.
def cli = parseArgs(include: traceOptions()) { _(longOpt: 'out', args: 1, argName: 'FILE', 'a file') }
[opts: traceOptions(cli), out: cli.out]
"""
        def out = new StringWriter()
        session.binding().setVariable('out', new PrintWriter(out, true))

        expect:
        runner.run(trace, 't.groovy', []) == [opts: [:], out: false]
        runner.run(trace, 't.groovy', ['--for', '1s', '--count', '3', '--grep', 'x', '--events', '0xb0', '--wait', '2s',
                                       '--every', '5ms', '--json', '--real-ts', '--out', 'f']) ==
                [opts: [for: '1s', count: '3', grep: 'x', events: '0xb0', wait: '2s', every: '5ms', json: true, realTs: true], out: 'f']

        when:
        runner.run(trace, 't.groovy', ['--help'])

        then:
        thrown(ScriptExit)
        ['--for=<DURATION>', '--count=<N>', '--grep=<REGEX>', '--events=<IDS>', '--json', '--real-ts', '--wait=<DURATION>',
         '--every=<DURATION>', '--out=<FILE>'].every { out.toString().contains(it) }

        cleanup:
        session.binding().variables.remove('out')
    }

    def "include: takes a shared option set; anything else is one clear line"() {
        when:
        runner.run("parseArgs(include: 'for') { }", 'i.groovy', [])

        then:
        def e = thrown(fwsh.base.ArgumentException)
        e.message == 'parseArgs include: takes a shared option set such as traceOptions(), not for'
    }
}
