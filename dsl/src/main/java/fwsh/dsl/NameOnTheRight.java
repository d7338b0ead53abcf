package fwsh.dsl;

import org.codehaus.groovy.ast.ClassCodeExpressionTransformer;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;
import org.codehaus.groovy.syntax.Types;

/**
 * Compiles {@code 'up' == r.oper_status} as {@code r.oper_status == 'up'}. Groovy decides {@code ==} by its left
 * side, and a String on the left compares as a String, so an enum field's value ({@code EnumValue}, equal to its
 * name) would compare false there. Only a string literal on the left of {@code ==} or {@code !=} is moved: it has
 * no side effects, so the order of evaluation does not matter, and for every other right side the two orders
 * give the same answer.
 */
final class NameOnTheRight extends CompilationCustomizer {
    NameOnTheRight() {
        super(CompilePhase.CANONICALIZATION);
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        new ClassCodeExpressionTransformer() {
            @Override
            protected SourceUnit getSourceUnit() {
                return source;
            }

            @Override
            public Expression transform(Expression e) {
                if (e instanceof ClosureExpression c) {
                    c.getCode().visit(this);
                    return c;
                }
                if (e instanceof BinaryExpression b && isEquality(b) && b.getLeftExpression() instanceof ConstantExpression c
                        && c.getValue() instanceof String && !(b.getRightExpression() instanceof ConstantExpression)) {
                    BinaryExpression swapped = new BinaryExpression(transform(b.getRightExpression()), b.getOperation(), c);
                    swapped.setSourcePosition(b);
                    return swapped;
                }
                return e == null ? null : e.transformExpression(this);
            }
        }.visitClass(classNode);
    }

    private static boolean isEquality(BinaryExpression b) {
        int op = b.getOperation().getType();
        return op == Types.COMPARE_EQUAL || op == Types.COMPARE_NOT_EQUAL;
    }
}
