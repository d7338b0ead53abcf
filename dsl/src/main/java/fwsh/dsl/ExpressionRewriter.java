package fwsh.dsl;

import org.codehaus.groovy.ast.ClassCodeExpressionTransformer;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.ExpressionTransformer;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;

/**
 * A compiler step that rewrites expressions of a script, closure bodies included, once names are resolved. A
 * subclass says what one expression becomes; walking the classes, methods and closures is done here.
 */
abstract class ExpressionRewriter extends CompilationCustomizer {
    ExpressionRewriter() {
        super(CompilePhase.CANONICALIZATION);
    }

    /**
     * What {@code e} becomes, or null to keep it (its subexpressions are then rewritten); {@code all} rewrites a
     * subexpression the same way, e.g. {@code e.transformExpression(all)} for all of them.
     */
    protected abstract Expression rewrite(Expression e, ExpressionTransformer all);

    @Override
    public final void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        new ClassCodeExpressionTransformer() {
            @Override
            protected SourceUnit getSourceUnit() {
                return source;
            }

            @Override
            public Expression transform(Expression e) {
                if (e == null) return null;
                if (e instanceof ClosureExpression c) { // its body is a statement block: visit it in place
                    c.getCode().visit(this);
                    return c;
                }
                Expression r = rewrite(e, this);
                return r != null ? r : e.transformExpression(this);
            }
        }.visitClass(classNode);
    }
}
