class RaiseSpec extends PackSpecification {
    def "the script raises to configuration, the pack's scope"() {
        when:
        def r = run('raise.groovy', 'configuration')

        then:
        r.out == 'raised configuration\n'
    }

    def "debug-write is above the pack's scope whatever the command line grants"() {
        when:
        run('raise.groovy', 'debug-write')

        then:
        def e = thrown(ScopeRefusedException)
        e.message.contains("above this session's ceiling")
    }

    def "a spec cannot raise it either"() {
        when:
        eval("withScope('debug-write') { 1 }")

        then:
        thrown(ScopeRefusedException)
    }
}
