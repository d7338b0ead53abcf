package fwsh.scripts

import spock.lang.Specification

class HeaderSpec extends Specification {
    static final List<String> KEYS = ['Purpose', 'Arguments', 'Scope', 'Example']

    def "#name starts with a header naming its purpose, arguments, scope and an example"() {
        given:
        def text = PackCompilesSpec.source(name)
        def header = text.readLines().takeWhile { it.startsWith('//') }
        def keys = header.findResults { (it =~ /^\/\/ (\w+): \S/).with { m -> m.find() ? m.group(1) : null } }

        expect:
        header.size() >= 4
        header[0] ==~ /\/\/ Purpose: \S.*/
        keys.containsAll(KEYS)
        keys.findAll { it in KEYS } == KEYS                 // in this order
        header.find { it.startsWith('// Example: ') }.contains(name.replace('.groovy', ''))

        where:
        name << PackCompilesSpec.scripts()
    }

    def "the pack manifest names the pack, its version and the scope it needs"() {
        given:
        def p = new Properties()
        HeaderSpec.getResourceAsStream('/fwsh-pack/pack.properties').withCloseable { p.load(it) }

        expect:
        p.name == 'standard'
        p.version ==~ /\d+\.\d+\.\d+/
        p.description
        p.scope == highestScriptScope()
    }

    /** The highest scope named first on any script's "// Scope:" line, in the order of privilege. */
    static String highestScriptScope() {
        def order = ['none', 'debug-read-only', 'configuration', 'debug-write', 'debug-write-full']
        def named = PackCompilesSpec.scripts().collect { name ->
            def line = PackCompilesSpec.source(name).readLines().find { it.startsWith('// Scope:') }
            line.substring('// Scope:'.length()).trim().split(/[\s(,;]/)[0]
        }
        assert named.every { it in order }
        named.max { order.indexOf(it) }
    }
}
