package fwsh.scripts

import org.codehaus.groovy.ast.ClassCodeVisitorSupport
import org.codehaus.groovy.ast.ClassNode
import org.codehaus.groovy.ast.expr.CastExpression
import org.codehaus.groovy.ast.expr.ClassExpression
import org.codehaus.groovy.ast.expr.ConstructorCallExpression
import org.codehaus.groovy.ast.expr.DeclarationExpression
import org.codehaus.groovy.ast.expr.VariableExpression
import org.codehaus.groovy.ast.stmt.CatchStatement
import org.codehaus.groovy.classgen.GeneratorContext
import org.codehaus.groovy.control.CompilePhase
import org.codehaus.groovy.control.SourceUnit
import org.codehaus.groovy.control.customizers.CompilationCustomizer

/** Collects the names of the classes a source refers to, after names are resolved (imports included). */
class ClassNamesCollector extends CompilationCustomizer {
    final Set<String> found

    ClassNamesCollector(Set<String> found) {
        super(CompilePhase.SEMANTIC_ANALYSIS)
        this.found = found
    }

    @Override
    void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        def module = source.AST
        module.imports.each { add(it.type) }
        module.staticImports.values().each { add(it.type) }
        module.staticStarImports.values().each { add(it.type) }
        module.starImports.each { found << it.packageName + '*' }
        def visitor = new ClassCodeVisitorSupport() {
            protected SourceUnit getSourceUnit() { source }

            void visitClassExpression(ClassExpression e) { add(e.type); super.visitClassExpression(e) }

            void visitConstructorCallExpression(ConstructorCallExpression e) { add(e.type); super.visitConstructorCallExpression(e) }

            void visitCastExpression(CastExpression e) { add(e.type); super.visitCastExpression(e) }

            void visitDeclarationExpression(DeclarationExpression e) {
                if (e.leftExpression instanceof VariableExpression) add(((VariableExpression) e.leftExpression).originType)
                super.visitDeclarationExpression(e)
            }

            void visitCatchStatement(CatchStatement s) { add(s.exceptionType); super.visitCatchStatement(s) }
        }
        visitor.visitClass(classNode)
    }

    private void add(ClassNode type) {
        if (type == null) return
        def t = type.isArray() ? type.componentType : type
        found << t.name
        t.genericsTypes?.each { add(it.type) }
    }
}
