package fwsh.dsl;

import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.ExpressionTransformer;
import org.codehaus.groovy.syntax.Types;

/**
 * Compiles {@code 'up' == r.oper_status} as {@code r.oper_status == 'up'}. Groovy decides {@code ==} by its left
 * side, and a String on the left compares as a String, so an enum field's value ({@code EnumValue}, equal to its
 * name) would compare false there. Only a string literal on the left of {@code ==} or {@code !=} is moved: it has
 * no side effects, so the order of evaluation does not matter, and for every other right side the two orders
 * give the same answer.
 */
final class NameOnTheRight extends ExpressionRewriter {
    @Override
    protected Expression rewrite(Expression e, ExpressionTransformer all) {
        if (e instanceof BinaryExpression b && isEquality(b) && b.getLeftExpression() instanceof ConstantExpression c
                && c.getValue() instanceof String && !(b.getRightExpression() instanceof ConstantExpression)) {
            BinaryExpression swapped = new BinaryExpression(all.transform(b.getRightExpression()), b.getOperation(), c);
            swapped.setSourcePosition(b);
            return swapped;
        }
        return null;
    }

    private static boolean isEquality(BinaryExpression b) {
        int op = b.getOperation().getType();
        return op == Types.COMPARE_EQUAL || op == Types.COMPARE_NOT_EQUAL;
    }
}
