package fwsh.scripts

import fwsh.dsl.ScriptExit
import fwsh.dsl.ScriptRunner
import fwsh.dsl.Session
import fwsh.dsl.SessionOptions
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

/**
 * Every standard script parses its arguments with parseArgs (CliBuilder): --help prints its header, and a bad
 * argument ends it with the status its header's "// Exit:" line states for a bad argument, and one line.
 */
class ScriptArgumentsSpec extends Specification {
    @Shared @AutoCleanup Session session = Session.open(new SessionOptions().noHardware())
    @Shared ScriptRunner runner = new ScriptRunner(session)

    /** The status the header states for a bad argument: "// Exit: ...; 2 for a bad argument ...". */
    static Integer statedUsageExit(String name) {
        def exit = PackCompilesSpec.source(name).readLines().takeWhile { it.startsWith('//') }.find { it.startsWith('// Exit: ') }
        def m = exit =~ /(\d+) for a bad argument/
        m.find() ? m.group(1) as int : null
    }

    ScriptExit end(String name, String... args) {
        try {
            runner.run(PackCompilesSpec.source(name), name, args as List)
            null
        } catch (ScriptExit e) {
            e
        }
    }

    def "#name states its exit codes, and a bad argument exits with the one it states, naming the argument"() {
        when:
        def e = end(name, '--no-such-option')

        then:
        statedUsageExit(name) == 2
        e != null
        e.status() == statedUsageExit(name)
        e.usage() == "$name: unknown option '--no-such-option'; try $name --help"

        where:
        name << PackCompilesSpec.scripts()
    }

    def "#name --help prints its header and options and exits 0"() {
        given:
        def out = new StringWriter()
        session.binding().setVariable('out', new PrintWriter(out, true))

        when:
        def e = end(name, '--help')

        then:
        e != null
        e.status() == 0
        out.toString().startsWith('Purpose: ')
        out.toString().contains("\nExit: ")
        out.toString().contains('-h, --help')

        cleanup:
        session.binding().variables.remove('out')

        where:
        name << PackCompilesSpec.scripts()
    }

    def "the README's script table and PACKS.md say how scripts take arguments and what a bad one gives"() {
        given:
        def root = new File(PackCompilesSpec.getResource('/fwsh-pack').toURI()).toPath()
        while (root != null && !root.resolve('README.md').toFile().isFile()) root = root.parent
        def readme = root.resolve('README.md').toFile().text
        def packs = root.resolve('scripts/PACKS.md').toFile().text

        expect:
        [readme, packs].every { it.contains('parseArgs') && it.contains('try NAME --help') && it.contains('// Exit:') }
    }
}
