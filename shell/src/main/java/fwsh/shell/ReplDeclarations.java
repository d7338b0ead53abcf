package fwsh.shell;

import org.codehaus.groovy.ast.ClassHelper;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.Parameter;
import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.CastExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.DeclarationExpression;
import org.codehaus.groovy.ast.expr.EmptyExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.ast.stmt.BlockStatement;
import org.codehaus.groovy.ast.stmt.ExpressionStatement;
import org.codehaus.groovy.ast.stmt.Statement;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;
import org.codehaus.groovy.syntax.Token;
import org.codehaus.groovy.syntax.Types;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes a REPL line's definitions outlive the line, as users of groovysh and ipython expect: top-level
 * {@code def x = ...} (and typed or tuple declarations) become assignments to session variables, and
 * top-level methods become closures stored in session variables (a script calls a closure variable like a
 * method). Runs before variable scoping, so the rewritten names resolve to the binding.
 */
final class ReplDeclarations extends CompilationCustomizer {

    ReplDeclarations() {
        super(CompilePhase.CONVERSION);
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        if (!classNode.isScript()) return;
        MethodNode run = classNode.getMethod("run", Parameter.EMPTY_ARRAY);
        if (run == null || !(run.getCode() instanceof BlockStatement block)) return;
        List<Statement> statements = block.getStatements();
        boolean onlyDefinitions = statements.isEmpty();
        for (int i = 0; i < statements.size(); i++) {
            if (statements.get(i) instanceof ExpressionStatement es
                    && es.getExpression() instanceof DeclarationExpression de && de.getAnnotations().isEmpty()) {
                ExpressionStatement replaced = new ExpressionStatement(assignment(de));
                replaced.setSourcePosition(es);
                statements.set(i, replaced);
            }
        }
        List<Statement> methods = new ArrayList<>();
        for (MethodNode m : new ArrayList<>(classNode.getMethods())) {
            if (m == run || m.getName().equals("main") || m.getLineNumber() < 1 || m.isSynthetic()) continue;
            ClosureExpression closure = new ClosureExpression(m.getParameters(), m.getCode());
            closure.setSourcePosition(m);
            ExpressionStatement def = new ExpressionStatement(assign(new VariableExpression(m.getName()), closure));
            def.setSourcePosition(m);
            methods.add(def);
            classNode.removeMethod(m);
        }
        statements.addAll(0, methods);
        // A line that only defines methods has no value worth printing.
        if (onlyDefinitions && !methods.isEmpty()) statements.add(new ExpressionStatement(ConstantExpression.NULL));
    }

    private static Expression assignment(DeclarationExpression de) {
        Expression right = de.getRightExpression();
        if (right instanceof EmptyExpression) right = ConstantExpression.NULL;
        if (de.isMultipleAssignmentDeclaration()) {
            TupleExpression targets = new TupleExpression();
            for (Expression e : de.getTupleExpression().getExpressions()) {
                targets.addExpression(new VariableExpression(((VariableExpression) e).getName()));
            }
            return assign(targets, right);
        }
        VariableExpression declared = de.getVariableExpression();
        ClassNode type = declared.getOriginType();
        if (type != null && !type.equals(ClassHelper.dynamicType()) && !ClassHelper.isObjectType(type) && right != ConstantExpression.NULL) {
            right = new CastExpression(type, right);
        }
        return assign(new VariableExpression(declared.getName()), right);
    }

    private static BinaryExpression assign(Expression left, Expression right) {
        BinaryExpression b = new BinaryExpression(left, Token.newSymbol(Types.ASSIGN, -1, -1), right);
        b.setSourcePosition(right);
        return b;
    }
}
