package fwsh.scripts

import org.codehaus.groovy.ast.ClassCodeVisitorSupport
import org.codehaus.groovy.ast.ClassNode
import org.codehaus.groovy.ast.FieldNode
import org.codehaus.groovy.ast.MethodNode
import org.codehaus.groovy.ast.expr.CastExpression
import org.codehaus.groovy.ast.expr.ClassExpression
import org.codehaus.groovy.ast.expr.ClosureExpression
import org.codehaus.groovy.ast.expr.ConstructorCallExpression
import org.codehaus.groovy.ast.expr.DeclarationExpression
import org.codehaus.groovy.ast.expr.VariableExpression
import org.codehaus.groovy.ast.stmt.CatchStatement
import org.codehaus.groovy.classgen.GeneratorContext
import org.codehaus.groovy.control.CompilePhase
import org.codehaus.groovy.control.CompilerConfiguration
import org.codehaus.groovy.control.SourceUnit
import org.codehaus.groovy.control.customizers.CompilationCustomizer

/**
 * Collects the names of the classes a source refers to, after names are resolved (imports included). The standard
 * pack's scripts (PackCompilesSpec) and specs (the shell module's PackSpecsDslOnlySpec) are checked with it.
 */
class ClassNamesCollector extends CompilationCustomizer {
    /**
     * What pack scripts may name: the DSL and what it documents as default imports (README, PACKS.md), plus the
     * JDK and Groovy. The codec, channel internals, the emulator and replay are not a script's business.
     */
    static final List<String> SCRIPT_ALLOWED = ['fwsh.dsl.', 'fwsh.counters.', 'fwsh.base.', 'fwsh.channel.Scope', 'fwsh.channel.Transport',
                                                'java.', 'groovy.', 'org.apache.groovy.', 'org.codehaus.groovy.']

    final Set<String> found

    /** Every class TEXT names when compiled with CONFIG (imports, declarations, constructor calls, casts, class literals). */
    static Set<String> referencedClasses(String text, String name, CompilerConfiguration config, ClassLoader loader) {
        def found = new TreeSet<String>()
        config.addCompilationCustomizers(new ClassNamesCollector(found))
        new GroovyShell(loader, new Binding(), config).parse(text, name)
        found
    }

    /** The names in FOUND that start with none of ALLOWED (class names in the default package are the source's own). */
    static List<String> outside(Set<String> found, List<String> allowed) {
        found.findAll { c -> !allowed.any { c.startsWith(it) } && c.contains('.') } as List
    }

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
        add(classNode.superClass)
        classNode.interfaces.each { add(it) }
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

            void visitField(FieldNode f) { add(f.type); super.visitField(f) }

            protected void visitConstructorOrMethod(MethodNode m, boolean isConstructor) {
                add(m.returnType)
                m.parameters.each { add(it.type) }
                super.visitConstructorOrMethod(m, isConstructor)
            }

            void visitClosureExpression(ClosureExpression e) {
                e.parameters?.each { add(it.type) }
                super.visitClosureExpression(e)
            }
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
