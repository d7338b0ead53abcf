class EchoSpec extends PackSpecification {
    def "echo prints its words"() {
        when:
        def r = run('echo.groovy', 'a', 'b')

        then:
        r.out == 'a b\n'
        r.exitCode == 2
    }

    def "a wrong expectation fails"() {
        when:
        def r = run('echo', 'x')

        then:
        r.out.trim() == 'y'
    }
}
