package fwsh.emu

import com.tngtech.archunit.base.DescribedPredicate
import com.tngtech.archunit.core.domain.JavaClass
import com.tngtech.archunit.core.importer.ClassFileImporter
import com.tngtech.archunit.core.importer.ImportOption
import fwsh.channel.Transport
import fwsh.wire.Catalog
import fwsh.wire.Field
import fwsh.wire.Layout
import spock.lang.Shared
import spock.lang.Specification

import java.lang.reflect.Modifier

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses
import static fwsh.emu.Mbox.*

/**
 * Rules over every register model the emulator answers (whatever registers are added later): each is built from
 * its register's catalog layout, reaches the mailboxes only through fields resolved there, and writes no bit of a
 * reply that its layout does not name.
 */
class RegisterModelsSpec extends Specification {
    @Shared def dev = Emulator.create('cx6dx', Transport.MLX5CTL, EmuClock.virtual(), 3)
    @Shared def catalog = Catalog.builtin()
    @Shared Collection<Register> models = dev.hca.firmware.registers()

    def "every register model is its register as the catalog defines it: id, name and data size"() {
        expect:
        models.size() == dev.hca.firmware.registerIds().size()
        models.size() > 20
        models.findAll { r ->
            def d = catalog.findRegister(r.name).orElse(null)
            !(d != null && r.layout.def.name() == d.name() && d.id() == r.id && r.minSize > 0 && r.minSize <= d.layout().sizeBytes())
        }.collect { "$it.name 0x${Integer.toHexString(it.id)} minSize $it.minSize" } == []
    }

    def "register models reach request and reply only through RegIo, and RegIo only by catalog field"() {
        given: "the register models and their helpers: every class with a method that takes a RegIo"
        def classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages('fwsh.emu')
        def models = DescribedPredicate.describe('handle a RegIo') { JavaClass c ->
            c.name != RegIo.name && c.methods.any { m -> m.rawParameterTypes.any { it.name == RegIo.name } }
        }

        when:
        noClasses().that(models)
                .should().accessField(Cmd, 'in').orShould().accessField(Cmd, 'out')
                .orShould().callMethod(Cmd, 'inField', int, int, int)
                .orShould().callMethod(Cmd, 'outField', int, int, int, long)
                .orShould().callMethod(Prm, 'get', byte[], int, int, int, int)
                .orShould().callMethod(Prm, 'set', byte[], int, int, int, int, long)
                .check(classes)

        then:
        noExceptionThrown()
        classes.count { models.test(it) } >= 15
        RegIo.declaredMethods.findAll { !Modifier.isPrivate(it.modifiers) && !it.synthetic }
                .every { m -> !(m.parameterTypes.length > 0 && m.parameterTypes[0] in [int, long] as List<Class>) }
    }

    def "no register model sets a reply bit that its catalog layout does not name"() {
        when: "each model is read with its required indexes 1 and each value of each enumerated index in turn"
        Map<String, Integer> answered = [:]
        Map<String, List<Integer>> stray = [:]
        for (Register r : models) {
            Layout l = catalog.register(r.name).layout()
            BitSet named = namedBits(l)
            for (Map<String, Object> index : requests(l)) {
                byte[] out = read(dev, r.id, l.sizeBytes(), index, l)
                if (status(out) != 0) continue
                answered[r.name] = (answered[r.name] ?: 0) + 1
                for (int bit = 0; bit < l.sizeBits(); bit++) {
                    if (Bits.isSet(out, bit) && !named.get(bit)) stray.computeIfAbsent(r.name) { [] } << bit
                }
            }
        }

        then: "the sweep reaches most models (the rest need set-up: tracer ownership, a buffer, a stored item)"
        answered.size() >= models.size() - 8
        answered.get('PPCNT') > 10
        stray.isEmpty()
    }

    /** Bits of a layout covered by a named field: leaves, every union member's, whole arrays, a tail to the end. */
    static BitSet namedBits(Layout l) {
        BitSet b = new BitSet(l.sizeBits())
        for (Field f : l.leaves()) {
            if (f.reserved) continue
            int end = f.tail ? l.sizeBits() : f.bitOffset() + f.bitWidth()
            b.set(f.bitOffset(), end)
        }
        b
    }

    /** The index maps to try: required INDEX fields 1, then each enum value of each other INDEX field. */
    static List<Map<String, Object>> requests(Layout l) {
        def index = l.leaves().findAll { it.access()?.name() == 'INDEX' }
        Map<String, Object> base = index.findAll { it.required() }.collectEntries { [(it.name()): 1L] }
        List<Map<String, Object>> out = [base]
        index.findAll { !it.required() && !it.enumValues().isEmpty() }.each { f ->
            f.enumValues().values().each { v -> out << (base + [(f.name()): v]) }
        }
        out
    }

    static byte[] read(EmulatedDevice dev, int id, int size, Map<String, Object> index, Layout l) {
        byte[] in = reg(id, false, size)
        byte[] data = l.encode(index)
        System.arraycopy(data, 0, in, DATA, Math.min(data.length, size))
        call(dev, in, DATA + size)
    }

    static final class Bits {
        static boolean isSet(byte[] out, int bit) {
            ((out[DATA + (bit >>> 3)] >> (7 - (bit & 7))) & 1) != 0
        }
    }
}
