package fwsh.dsl;

import org.codehaus.groovy.ast.ClassHelper;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.expr.ClassExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.ExpressionTransformer;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.StaticMethodCallExpression;

/**
 * Compiles {@code System.exit(n)} in script code into {@link ScriptExit#exit(int)}: the JVM is not halted under
 * the session (which would leave the tracer armed and umem registered), the script unwinds instead. Runs after
 * names are resolved, so {@code System} is known to be java.lang.System (also through a static import).
 */
public final class SystemExitCustomizer extends ExpressionRewriter {
    private static final ClassNode SYSTEM = ClassHelper.make(System.class);
    private static final ClassNode SCRIPT_EXIT = ClassHelper.make(ScriptExit.class);

    @Override
    protected Expression rewrite(Expression e, ExpressionTransformer all) {
        Expression t = e.transformExpression(all);
        if (!isSystemExit(t)) return t;
        Expression args = t instanceof MethodCallExpression m ? m.getArguments() : ((StaticMethodCallExpression) t).getArguments();
        StaticMethodCallExpression call = new StaticMethodCallExpression(SCRIPT_EXIT, "exit", args);
        call.setSourcePosition(t);
        return call;
    }

    private static boolean isSystemExit(Expression e) {
        if (e instanceof MethodCallExpression m) {
            return "exit".equals(m.getMethodAsString()) && m.getObjectExpression() instanceof ClassExpression c
                    && c.getType().getName().equals(SYSTEM.getName());
        }
        return e instanceof StaticMethodCallExpression s && s.getMethod().equals("exit")
                && s.getOwnerType().getName().equals(SYSTEM.getName());
    }
}
