package fwsh.shell

import fwsh.dsl.Session
import fwsh.dsl.SessionOptions
import spock.lang.AutoCleanup
import spock.lang.Specification

class EvaluatorSpec extends Specification {
    @AutoCleanup
    Session session = Session.open(new SessionOptions().noHardware())
    Evaluator eval = new Evaluator(session)

    def "variables persist between inputs, with or without def, typed or as tuples"() {
        when:
        eval.evaluate('def a = 40')
        eval.evaluate('b = 2')
        eval.evaluate('int c = "7".toInteger()')
        eval.evaluate('def (d, e) = [3, 4]')
        eval.evaluate('def f')

        then:
        eval.evaluate('a + b') == 42
        eval.evaluate('c') == 7
        eval.evaluate('[d, e, f]') == [3, 4, null]
        session.binding().getVariable('a') == 40
    }

    def "declarations inside blocks and closures stay local"() {
        when:
        eval.evaluate('if (true) { def inner = 1 }; [1].each { def y = it }')

        then:
        !session.binding().hasVariable('inner')
        !session.binding().hasVariable('y')
    }

    def "methods persist as callable names, recursion included; defining one prints nothing"() {
        expect:
        eval.evaluate('def fact(n) { n <= 1 ? 1 : n * fact(n - 1) }') == null
        eval.evaluate('fact(5)') == 120
        eval.evaluate('def twice(x, k = 2) { x * k }\ntwice(4)') == 8
        eval.evaluate('twice(1, 3)') == 3
    }

    def "imports persist without shifting line numbers"() {
        when:
        eval.evaluate('import java.util.concurrent.atomic.AtomicInteger')
        def n = eval.evaluate('new AtomicInteger(3)')
        eval.evaluate('\nthrow new IllegalStateException("x")', 'probe.groovy')

        then:
        n.get() == 3
        def e = thrown(IllegalStateException)
        e.stackTrace.find { it.fileName == 'probe.groovy' }.lineNumber == 2
    }

    def "a line that only declares a class defines it for later lines and prints nothing"() {
        expect:
        eval.evaluate('class Port { int n; String toString() { "port $n" } }') == null
        eval.evaluate('new Port(n: 2)').toString() == 'port 2'
    }

    def "_ holds the last non-null result"() {
        when:
        eval.evaluate('6 * 7')
        eval.evaluate('println "x"')

        then:
        eval.evaluate('_') == 42
    }

    def "the shared configuration is in force: base script and default imports"() {
        expect:
        eval.evaluate('TraceFiles.simpleName') == 'TraceFiles'
        eval.evaluate('Scope.DEBUG_WRITE.label') == 'debug-write'
    }
}
