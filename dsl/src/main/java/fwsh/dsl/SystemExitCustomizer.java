package fwsh.dsl;

import org.codehaus.groovy.ast.ClassCodeExpressionTransformer;
import org.codehaus.groovy.ast.ClassHelper;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.expr.ClassExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.StaticMethodCallExpression;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;

/**
 * Compiles {@code System.exit(n)} in script code into {@link ScriptExit#exit(int)}: the JVM is not halted under
 * the session (which would leave the tracer armed and umem registered), the script unwinds instead. Runs after
 * names are resolved, so {@code System} is known to be java.lang.System (also through a static import).
 */
public final class SystemExitCustomizer extends CompilationCustomizer {
    private static final ClassNode SYSTEM = ClassHelper.make(System.class);
    private static final ClassNode SCRIPT_EXIT = ClassHelper.make(ScriptExit.class);

    public SystemExitCustomizer() {
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
                Expression t = e == null ? null : e.transformExpression(this);
                if (isSystemExit(t)) {
                    Expression args = t instanceof MethodCallExpression m ? m.getArguments() : ((StaticMethodCallExpression) t).getArguments();
                    StaticMethodCallExpression call = new StaticMethodCallExpression(SCRIPT_EXIT, "exit", args);
                    call.setSourcePosition(t);
                    return call;
                }
                return t;
            }
        }.visitClass(classNode);
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
