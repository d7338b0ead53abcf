package fwsh.shell.pack

/** The ceiling is the lower of the manifest's scope and --scope; neither a script nor a spec can raise it. */
class PackScopeSpec extends PackCli {
    def "with --scope at or above the pack's scope the script reaches the pack's scope and no further"() {
        given:
        def p = pack('scoped')

        when:
        def r = fwsh(['test', p.toString(), '--scope', granted, '--junit-xml', dir.resolve('x').toString()])

        then:
        r.status == 0
        r.out.readLines().first().endsWith("scope ceiling configuration (pack configuration, --scope $granted)")
        r.out.readLines().last() == '3 passed, 0 failed'

        where:
        granted << ['configuration', 'debug-write', 'debug-write-full']
    }

    def "without --scope the command line grants debug-read-only, so the pack's configuration write is refused"() {
        given:
        def p = pack('scoped')

        when:
        def r = fwsh(['test', p.toString(), '--junit-xml', dir.resolve('x').toString()])
        def lines = r.out.readLines()

        then:
        r.status == 1
        lines.first().endsWith('scope ceiling debug-read-only (pack configuration, --scope debug-read-only)')
        lines.any { it.startsWith("FAILED RaiseSpec > the script raises to configuration, the pack's scope (specs/RaiseSpec.groovy:4)") }
        lines.any { it.contains("fwsh.dsl.engine.ScopeRefusedException: withScope('configuration') is above this session's ceiling 'debug-read-only'") }
        lines.contains("    (fwsh test grants the lower of the pack's scope, configuration, and --scope, debug-read-only: debug-read-only)")
        lines.last() == '2 passed, 1 failed'
    }

    def "a pack script calling withScope above the ceiling is refused, even with the highest --scope"() {
        given:
        def p = pack('scoped')
        p.resolve('specs/RaiseSpec.groovy').toFile().text = '''
            class RaiseSpec extends PackSpecification {
                def "debug-write-full from a script"() {
                    expect:
                    run('raise.groovy', 'debug-write-full').out == 'raised debug-write-full\\n'
                }
            }
            '''.stripIndent()

        when:
        def r = fwsh(['test', p.toString(), '--scope', 'debug-write-full', '--junit-xml', dir.resolve('x').toString()])

        then:
        r.status == 1
        r.out.contains("fwsh.dsl.engine.ScopeRefusedException: withScope('debug-write-full') is above this session's ceiling 'configuration'")
        r.out.readLines().last() == '0 passed, 1 failed'
    }

    def "a spec cannot open its own session to pick a ceiling: it does not compile"() {
        given:
        def p = pack('scoped')
        p.resolve('specs/OwnSessionSpec.groovy').toFile().text = code

        when:
        def r = fwsh(['test', p.toString(), '--junit-xml', dir.resolve('x').toString()])

        then:
        r.status == 2
        r.err.readLines()[0] == 'fwsh test: pack specs do not compile:'
        r.err.readLines()[1].startsWith("  specs/OwnSessionSpec.groovy:$line:")
        r.err.readLines()[1].endsWith(SessionGuard.MESSAGE)

        where:
        code                                                                                                          | line
        'class OwnSessionSpec extends PackSpecification {\n  def "x"() {\n    def o = new SessionOptions()\n    expect: o\n  }\n}\n' | 3
        'class OwnSessionSpec extends PackSpecification {\n  def "x"() {\n    expect: Session.open(null)\n  }\n}\n'                      | 3
        'import fwsh.dsl.*\nclass OwnSessionSpec extends spock.lang.Specification {\n  def "x"() {\n    expect: new ScopeGuard(Scope.DEBUG_WRITE)\n  }\n}\n' | 4
    }
}
