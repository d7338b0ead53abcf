package fwsh.shell.pack

import fwsh.scripts.ClassNamesCollector
import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Path

/**
 * The standard pack's specs, like its scripts (the scripts module's PackCompilesSpec), name only what a third-party
 * pack's author has: the DSL and its documented imports, Spock, and PackSpecification with its hooks. What they set
 * up on the emulator goes through the hooks (addDevice, advance, overrideAnswer, failAnswer, dev.emu), not fwsh.emu.
 */
class PackSpecsDslOnlySpec extends Specification {
    static final Path SPECS = Path.of(System.getProperty('user.dir')).resolve('../scripts/src/main/resources/fwsh-pack/specs').normalize()

    /** A spec may name the scripts' classes, Spock, and of fwsh test's own package only what PACKS.md documents. */
    static final List<String> SPEC_ALLOWED = ClassNamesCollector.SCRIPT_ALLOWED +
            ['spock.', 'org.spockframework.', 'fwsh.shell.pack.*', 'fwsh.shell.pack.PackSpecification', 'fwsh.shell.pack.ScriptResult']

    /** Classes a spec source names that are not allowed, compiled as fwsh test compiles specs. */
    static List<String> outside(String text, String name) {
        ClassNamesCollector.outside(
                ClassNamesCollector.referencedClasses(text, name, PackCompiler.specConfiguration(), PackSpecsDslOnlySpec.classLoader),
                SPEC_ALLOWED)
    }

    static List<String> specs() {
        Files.list(SPECS).withCloseable { s -> s.findAll { it.toString().endsWith('.groovy') }.collect { it.fileName.toString() }.sort() }
    }

    def "#name names only the DSL, its documented imports, Spock and PackSpecification"() {
        expect:
        outside(Files.readString(SPECS.resolve(name)), name) == []

        where:
        name << specs()
    }

    def "the standard pack has specs to check"() {
        expect:
        specs().containsAll(['HealthSpec.groovy', 'CountersScriptsSpec.groovy', 'TraceScriptsSpec.groovy'])
    }

    def "the check sees a spec that reaches past the DSL: the emulator, a channel wrapper, the codec, fwsh test's internals"() {
        expect:
        outside(spec(code), 'XSpec.groovy') == [named]

        where:
        code                                                                         | named
        "import fwsh.emu.Emulator\ndef f() { Emulator.create('cx6dx', Transport.FWCTL) }" | 'fwsh.emu.Emulator'
        "def f() { new fwsh.emu.Faults(null) }"                                      | 'fwsh.emu.Faults'
        "def f(fwsh.channel.Channel c) { c.info() }"                                 | 'fwsh.channel.Channel'
        "def f() { fwsh.wire.Bits.get(new byte[4], 0, 0, 8) }"                       | 'fwsh.wire.Bits'
        "def f() { PackContext.current() }"                                          | 'fwsh.shell.pack.PackContext'
        "def 'f'() { when: run('x')\n then: thrown(fwsh.nv.NvException) }"          | 'fwsh.nv.NvException'
        "static abstract class Tap implements fwsh.channel.Channel {}"              | 'fwsh.channel.Channel'
        "fwsh.emu.VirtualClock clock"                                                | 'fwsh.emu.VirtualClock'
        "def f() { [1].each { fwsh.wire.Layout l -> l } }"                           | 'fwsh.wire.Layout'
    }

    def "a spec that uses only the hooks passes the check"() {
        expect:
        outside(spec('''def "f"() {
            given: def d = useDevice(addDevice('cx7ib:fwctl', clock: 'virtual', seed: 2))
            advance(Duration.ofSeconds(1))
            overrideAnswer('PMTU', oper_mtu: 1500)
            expect: d.emu.traffic(1).rx_frames > 0
            ScriptResult r = run('x')
        }'''), 'XSpec.groovy') == []
    }

    /** A spec class around BODY; BODY's import lines go before it. */
    static String spec(String body) {
        def (imports, members) = body.readLines().split { it.startsWith('import ') }
        (imports + ['class XSpec extends PackSpecification {'] + members + ['}']).join('\n')
    }
}
