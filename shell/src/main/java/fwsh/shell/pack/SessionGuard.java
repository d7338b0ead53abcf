package fwsh.shell.pack;

import org.codehaus.groovy.ast.ClassCodeVisitorSupport;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.expr.ConstructorCallExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.StaticMethodCallExpression;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;

import java.util.Set;

/**
 * Keeps specs on the sessions fwsh test gives them: a spec that builds SessionOptions or a ScopeGuard, or
 * calls Session.open, could choose its own scope ceiling (or reach hardware), so it does not compile.
 * A guard against mistakes, not a sandbox: spec code is trusted code running in the fwsh process.
 */
final class SessionGuard extends CompilationCustomizer {
    private static final Set<String> NO_NEW = Set.of("SessionOptions", "ScopeGuard");
    static final String MESSAGE = "a spec cannot open its own session or set a scope ceiling; use PackSpecification's session "
            + "(fwsh test grants the lower of the pack's scope and --scope)";

    SessionGuard() {
        // Before Spock rewrites conditions (a call in an expect: block becomes a call by name), so names are
        // matched as written: Session, SessionOptions, ScopeGuard, with or without their package.
        super(CompilePhase.CONVERSION);
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        new ClassCodeVisitorSupport() {
            @Override
            protected SourceUnit getSourceUnit() {
                return source;
            }

            @Override
            public void visitConstructorCallExpression(ConstructorCallExpression call) {
                if (NO_NEW.contains(call.getType().getNameWithoutPackage())) addError(MESSAGE, call);
                super.visitConstructorCallExpression(call);
            }

            @Override
            public void visitMethodCallExpression(MethodCallExpression call) {
                Expression target = call.getObjectExpression();
                String text = target.getText();
                if ((text.equals("Session") || text.endsWith(".Session")) && "open".equals(call.getMethodAsString())) {
                    addError(MESSAGE, call);
                }
                super.visitMethodCallExpression(call);
            }

            @Override
            public void visitStaticMethodCallExpression(StaticMethodCallExpression call) {
                if (call.getOwnerType().getNameWithoutPackage().equals("Session") && call.getMethod().equals("open")) addError(MESSAGE, call);
                super.visitStaticMethodCallExpression(call);
            }
        }.visitClass(classNode);
    }
}
