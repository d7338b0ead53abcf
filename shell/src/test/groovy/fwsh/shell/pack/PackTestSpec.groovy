package fwsh.shell.pack

import javax.xml.parsers.DocumentBuilderFactory
import java.nio.file.Files

class PackTestSpec extends PackCli {
    def "one failing feature: exit 1, a FAILED line with file:line and the condition, summary 1 passed, 1 failed"() {
        given:
        def p = pack('failing')

        when:
        def r = fwsh(['test', p.toString(), '--junit-xml', dir.resolve('xml').toString()])
        def lines = r.out.readLines()

        then:
        r.status == 1
        lines.last() == '1 passed, 1 failed'
        lines.count { it.startsWith('FAILED') } == 1
        lines.contains('FAILED EchoSpec > a wrong expectation fails (specs/EchoSpec.groovy:16)')
        def at = lines.indexOf('FAILED EchoSpec > a wrong expectation fails (specs/EchoSpec.groovy:16)')
        lines[at + 1] == '    Condition not satisfied:'
        lines.subList(at + 2, at + 5).contains("    r.out.trim() == 'y'")
    }

    def "JUnit XML: one parseable testsuite per spec with the failure and its message"() {
        given:
        def p = pack('failing')
        def xml = dir.resolve('reports')

        when:
        def r = fwsh(['test', p.toString(), "--junit-xml=$xml".toString()])
        def doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.resolve('TEST-EchoSpec.xml').toFile())
        def suite = doc.documentElement
        def cases = suite.getElementsByTagName('testcase')
        def failures = suite.getElementsByTagName('failure')

        then:
        r.status == 1
        suite.tagName == 'testsuite'
        suite.getAttribute('name') == 'EchoSpec'
        suite.getAttribute('tests') == '2'
        suite.getAttribute('failures') == '1'
        suite.getAttribute('errors') == '0'
        cases.length == 2
        (0..<2).collect { cases.item(it).getAttribute('name') } == ['echo prints its words', 'a wrong expectation fails']
        failures.length == 1
        failures.item(0).parentNode.getAttribute('name') == 'a wrong expectation fails'
        failures.item(0).getAttribute('message').contains("r.out.trim() == 'y'")
        failures.item(0).getAttribute('type').startsWith('org.spockframework.runtime.')   // an AssertionError
        failures.item(0).textContent.contains('EchoSpec.groovy:16')
    }

    def "without --junit-xml the XML goes to PACK_DIR/test-results"() {
        given:
        def p = pack('failing')

        when:
        fwsh(['test', p.toString()])

        then:
        Files.isRegularFile(p.resolve('test-results/TEST-EchoSpec.xml'))
    }

    def "skipped features are counted; errors that are not assertions are one line"() {
        given:
        def p = pack('failing')
        p.resolve('specs/MoreSpec.groovy').toFile().text = '''
            class MoreSpec extends PackSpecification {
                @Ignore
                def "not yet"() { expect: false }
                def "a missing script"() { expect: run('nothing.groovy').exitCode == 0 }
                def "iterations count one by one: #x"() { expect: x > 0; where: x << [1, 2, 0] }
            }
            '''.stripIndent()

        when:
        def r = fwsh(['test', p.toString(), '--junit-xml', dir.resolve('x').toString()])
        def lines = r.out.readLines()

        then:
        r.status == 1
        lines.last() == '3 passed, 3 failed, 1 skipped'
        lines.any { it.startsWith('FAILED MoreSpec > a missing script (specs/MoreSpec.groovy:5)') }
        lines.any { it.contains("fwsh.base.FwshException: no script 'nothing.groovy' in ") && it.endsWith('scripts: echo.groovy') }
        lines.any { it.startsWith('FAILED MoreSpec > iterations count one by one: 0 (specs/MoreSpec.groovy:6)') }
    }

    def "usage errors exit 2 with one line naming the problem"() {
        given:
        pack('failing')
        Files.createDirectories(dir.resolve('empty'))
        def badScope = pack('scoped')
        badScope.resolve('pack.properties').toFile().text = 'name=x\nversion=1\ndescription=d\nscope=root\n'
        Files.createDirectories(dir.resolve('nover')).resolve('pack.properties').toFile().text = 'name=x\ndescription=d\nscope=debug-read-only\n'

        expect:
        def expected = message.replace('@D', dir.toString())
        with(fwsh(['test'] + argv.collect { it.replace('@D', dir.toString()) })) {
            status == 2
            out == ''
            err.readLines() == [expected, "Try 'fwsh test --help' for more information."]
        }

        where:
        argv                                 || message
        ['@D/nope']                         || "fwsh test: no pack folder '@D/nope'"
        ['@D/empty']                        || "fwsh test: no pack.properties in '@D/empty'; a pack needs one (create a pack with 'fwsh pack new NAME')"
        ['@D/scoped']                       || "fwsh test: @D/scoped/pack.properties: scope: unknown scope 'root'; use configuration, debug-read-only, debug-write or debug-write-full"
        ['@D/nover']                        || "fwsh test: @D/nover/pack.properties has no 'version'; a manifest needs name, version, description and scope"
        []                                   || 'fwsh test: fwsh test needs a PACK_DIR (or --standard for the pack shipped with fwsh)'
        ['@D/failing', '--bogus']           || "fwsh test: unknown option '--bogus'"
        ['@D/failing', '--standart']        || "fwsh test: unknown option '--standart'; did you mean '--standard'?"
        ['@D/failing', '--scope', 'x']      || "fwsh test: --scope: unknown scope 'x'; use configuration, debug-read-only, debug-write or debug-write-full"
        ['@D/failing', '--replay', '@D/n'] || "fwsh test: no recording '@D/n'"
        ['@D/failing', '@D/scoped']        || "fwsh test: unexpected argument '@D/scoped' (it takes PACK_DIR)"
        ['@D/failing', '--emulate=bogus']  || "fwsh test: --emulate: unknown emulator profile 'bogus'; profiles: cx6dx, cx7, cx7ib"
        ['@D/failing', '--emulate=cx7:x']  || "fwsh test: --emulate: unknown emulated personality 'x' in 'cx7:x'; use fwctl or mlx5ctl"
        ['@D/failing', '--replay-mode=x']  || "fwsh test: --replay-mode: unknown replay mode 'x'; use ordered or matched"
        ['@D/failing', '--emulate', '--replay', '@D/n'] || "fwsh test: --emulate and --replay both name the device; use one"
        ['@D/failing', '--replay', '@D/n', '--replay', '@D/m'] || "fwsh test: --replay is given more than once; give it once"
    }

    def "a spec that does not compile is a usage error naming file:line:column"() {
        given:
        def p = pack('failing')
        p.resolve('specs/BrokenSpec.groovy').toFile().text = 'class BrokenSpec extends PackSpecification {\n    def "x"() {\n        expect:\n        1 +\n    }\n}\n'

        when:
        def r = fwsh(['test', p.toString()])
        def lines = r.err.readLines()

        then:
        r.status == 2
        lines[0] == 'fwsh test: pack specs do not compile:'
        lines[1] ==~ /  specs\/BrokenSpec\.groovy:5:5: .*/
        !Files.exists(p.resolve('test-results'))
    }

    def "a script that does not compile is a usage error naming file:line:column"() {
        given:
        def p = pack('failing')
        p.resolve('scripts/bad.groovy').toFile().text = '// Purpose: x\n// Arguments: none\n// Scope: debug-read-only\n// Example: x\ndef x = (\n'

        when:
        def r = fwsh(['test', p.toString()])

        then:
        r.status == 2
        r.err.readLines()[0] == 'fwsh test: pack scripts do not compile:'
        r.err.readLines()[1] ==~ /  scripts\/bad\.groovy:\d+:\d+: .*/
    }

    def "a script without the standard header is a warning, not a failure"() {
        given:
        def p = pack('failing')
        p.resolve('scripts/plain.groovy').toFile().text = '// Purpose: x\nprintln 1\n'

        when:
        def r = fwsh(['test', p.toString()])

        then:
        r.status == 1    // the pack's own failing feature
        r.err.readLines() == ["fwsh test: warning: scripts/plain.groovy has no '// Arguments:' header line",
                              "fwsh test: warning: scripts/plain.groovy has no '// Scope:' header line",
                              "fwsh test: warning: scripts/plain.groovy has no '// Example:' header line"]
    }

    def "a script whose header needs more than the pack's scope is a warning"() {
        given:
        def p = pack('failing')
        p.resolve('scripts/w.groovy').toFile().text = '// Purpose: x\n// Arguments: none\n// Scope: debug-write (for the set-up)\n// Example: x\n'
        p.resolve('scripts/n.groovy').toFile().text = '// Purpose: x\n// Arguments: none\n// Scope: none (no RPC)\n// Example: x\n'

        when:
        def r = fwsh(['test', p.toString()])

        then:
        r.err.readLines() == ["fwsh test: warning: scripts/w.groovy needs scope debug-write, above the pack's scope debug-read-only; raise scope in pack.properties"]
    }

    def "fwsh test --help prints the usage"() {
        when:
        def r = fwsh(['test', '--help'])

        then:
        r.status == 0
        r.out.startsWith('Usage: fwsh test PACK_DIR [OPTIONS]')
    }
}
