package fwsh.scripts

import fwsh.dsl.ScriptRunner
import fwsh.dsl.Session
import fwsh.dsl.SessionOptions
import spock.lang.Shared
import spock.lang.Specification

/**
 * The standard pack as a whole, from the build's class path: a pack folder (manifest, scripts/, specs/) whose
 * scripts compile. Its specs (fwsh-pack/specs) are run by fwsh test; the shell module's StandardPackSpec does so.
 */
class PackCompilesSpec extends Specification {
    static final String PACK = '/fwsh-pack'

    @Shared Session session = Session.open(new SessionOptions().noHardware())
    @Shared ScriptRunner runner = new ScriptRunner(session)

    /** Files under fwsh-pack/SUB ending in SUFFIX, relative to that folder, sorted. */
    static List<String> files(String sub, String suffix) {
        def dir = new File(PackCompilesSpec.getResource("$PACK/$sub").toURI())
        def found = []
        dir.eachFileRecurse { if (it.name.endsWith(suffix)) found << dir.toPath().relativize(it.toPath()).toString() }
        found.sort()
    }

    /** Script names as users type them (fwsh device/list.groovy): relative to scripts/. */
    static List<String> scripts() {
        files('scripts', '.groovy')
    }

    static String source(String name) {
        def url = PackCompilesSpec.getResource("$PACK/scripts/$name")
        assert url != null: "no pack script $name"
        url.text
    }

    def "the pack has scripts and specs, and nothing but the manifest, scripts/ and specs/ at its top"() {
        expect:
        scripts().contains('device/list.groovy')
        files('specs', 'Spec.groovy').contains('HealthSpec.groovy')
        new File(getClass().getResource(PACK).toURI()).list().sort() == ['pack.properties', 'scripts', 'specs']
    }

    def "#name compiles with the shared configuration"() {
        expect:
        runner.shell().parse(source(name), name) != null

        where:
        name << scripts()
    }

    /** Every class a compiled script names, with the scripts' configuration. */
    static Set<String> referencedClasses(String text, String name) {
        ClassNamesCollector.referencedClasses(text, name, fwsh.dsl.FwshCompiler.configuration(), PackCompilesSpec.classLoader)
    }

    def "#name names only classes of the DSL and its documented imports"() {
        when:
        def outside = ClassNamesCollector.outside(referencedClasses(source(name), name), ClassNamesCollector.SCRIPT_ALLOWED)

        then:
        outside.isEmpty()

        where:
        name << scripts()
    }

    def "the check sees a class outside the DSL, imported or named in full"() {
        expect:
        referencedClasses('import fwsh.wire.LinkModes\nLinkModes.names(1, 0)', 'a.groovy').contains('fwsh.wire.LinkModes')
        referencedClasses('new fwsh.emu.Faults()', 'b.groovy').contains('fwsh.emu.Faults')
        !referencedClasses('dev.ports', 'c.groovy').any { it.startsWith('fwsh.wire') }
    }

    def "every spec extends PackSpecification, so fwsh test runs it"() {
        expect:
        files('specs', '.groovy').every { f ->
            def text = getClass().getResource("$PACK/specs/$f").text
            f.endsWith('Spec.groovy') && text =~ /class ${f - '.groovy'} extends PackSpecification\b/
        }
    }

    def cleanupSpec() {
        session.close()
    }
}
