package fwsh.arch

import org.codehaus.groovy.ast.ClassNode
import org.codehaus.groovy.ast.MethodNode
import org.codehaus.groovy.ast.expr.BinaryExpression
import org.codehaus.groovy.ast.expr.BooleanExpression
import org.codehaus.groovy.ast.expr.Expression
import org.codehaus.groovy.ast.expr.NotExpression
import org.codehaus.groovy.ast.stmt.BlockStatement
import org.codehaus.groovy.ast.stmt.ExpressionStatement
import org.codehaus.groovy.ast.stmt.Statement
import org.codehaus.groovy.control.CompilationUnit
import org.codehaus.groovy.control.Phases
import org.codehaus.groovy.syntax.Types
import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Path

/**
 * Spock checks conditions only in then: and expect: blocks; a comparison left in a given:, setup: or cleanup:
 * block, or in a setup()/cleanup() method, is evaluated and thrown away, so it can never fail. This spec reads every
 * spec in the repository (as the Groovy parser sees it) and names any such statement. (where: blocks are data
 * tables, whose || and | are column separators.)
 */
class SpecConditionsSpec extends Specification {
    static final Path ROOT = Path.of(System.getProperty('user.dir')).resolve('..').normalize()
    static final Set<String> UNCHECKED = ['given', 'setup', 'cleanup'] as Set
    static final Set<String> FIXTURES = ['setup', 'setupSpec', 'cleanup', 'cleanupSpec'] as Set
    static final Set<Integer> COMPARISONS = [Types.COMPARE_EQUAL, Types.COMPARE_NOT_EQUAL, Types.COMPARE_LESS_THAN,
                                             Types.COMPARE_LESS_THAN_EQUAL, Types.COMPARE_GREATER_THAN,
                                             Types.COMPARE_GREATER_THAN_EQUAL, Types.COMPARE_IDENTICAL,
                                             Types.COMPARE_NOT_IDENTICAL, Types.KEYWORD_INSTANCEOF, Types.LOGICAL_AND,
                                             Types.LOGICAL_OR, Types.KEYWORD_IN] as Set

    def "no condition sits where Spock does not check it"() {
        given:
        List<Path> specs = ['dsl', 'shell', 'scripts', 'native-glue'].collectMany { module ->
            Files.walk(ROOT.resolve(module)).withCloseable { s ->
                s.filter { it.toString().endsWith('Spec.groovy') && !it.toString().contains('/target/') }.toList()
            }
        }

        when:
        List<String> found = specs.collectMany { unchecked(it) }

        then:
        specs.size() > 40
        found == []
    }

    def "the check finds a condition in a given: block and in setup()"() {
        given:
        Path spec = Files.createTempFile('ProbeSpec', '.groovy')
        Files.writeString(spec, '''
            class ProbeSpec extends spock.lang.Specification {
                def setup() { 1 == 2 }
                def "f"() {
                    given:
                    def a = 1
                    a == 2
                    when:
                    a++
                    then:
                    a == 2
                }
            }''')

        expect:
        unchecked(spec)*.replaceAll('.*:', '') == ['3', '7']

        cleanup:
        Files.delete(spec)
    }

    /** "file:line" for each bare comparison in an unchecked block or fixture method. */
    static List<String> unchecked(Path file) {
        def unit = new CompilationUnit()
        unit.addSource(file.toFile())
        unit.compile(Phases.CONVERSION)
        List<String> out = []
        unit.AST.modules*.classes.flatten().each { ClassNode c ->
            c.methods.each { MethodNode m ->
                if (!(m.code instanceof BlockStatement)) return
                String block = FIXTURES.contains(m.name) ? 'setup' : null
                for (Statement st : ((BlockStatement) m.code).statements) {
                    if (st.statementLabels) block = st.statementLabels[0]
                    if (block in UNCHECKED && st instanceof ExpressionStatement && isCondition(st.expression)) {
                        out << "${ROOT.relativize(file.toAbsolutePath().normalize())}:${st.lineNumber}".toString()
                    }
                }
            }
        }
        out
    }

    static boolean isCondition(Expression e) {
        if (e instanceof NotExpression || e instanceof BooleanExpression) return true
        e instanceof BinaryExpression && COMPARISONS.contains(e.operation.type)
    }
}
