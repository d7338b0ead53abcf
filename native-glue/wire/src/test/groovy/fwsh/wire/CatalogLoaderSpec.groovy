package fwsh.wire

import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/** Loading the user's catalog files: a bad file costs only itself, and layouts may use other files' layouts. */
class CatalogLoaderSpec extends Specification {
    @TempDir Path dir

    def setup() {
        System.setProperty(CatalogLoader.PROP_NO_SYSTEM, 'true')
    }

    def cleanup() {
        System.clearProperty(CatalogLoader.PROP_NO_SYSTEM)
    }

    Catalog load() {
        new CatalogLoader([(CatalogLoader.ENV_PATH): dir.toString()]).load()
    }

    def "a bad user file is skipped with every error in it (file:line); the files before and after it still load"() {
        given:
        Files.writeString(dir.resolve('a_good.prm'), 'layout thing_a\n  32 x\nend\nregisters\n  THING_A 0x9001 thing_a\nend\n')
        Files.writeString(dir.resolve('b_bad.prm'), '''layout bad_one
  8 f badattr
  8 g
end
layuot typo
  8 x
end
layout bad_two
  @0x00[7:0] p
  @0x00[15:8] q
end
registers
  BAD 0x9002
end
''')
        Files.writeString(dir.resolve('c_good.h'), 'struct mlx5_ifc_thing_c_bits {\n\tu8 y[0x20];\n};\n')

        when:
        def c = load()
        def notes = c.notes()

        then: "the good files are in"
        c.register('THING_A').layout().field('x').bitWidth() == 32
        c.layout('thing_c').field('y').bitWidth() == 32

        and: "nothing of the bad one is, and every one of its errors is a note naming file:line"
        c.findLayout('bad_one').isEmpty() && c.findLayout('bad_two').isEmpty() && c.findRegister('BAD').isEmpty()
        notes.contains("${dir.resolve('b_bad.prm')} skipped: 4 errors in the file; the other catalog files are loaded".toString())
        notes.contains("b_bad.prm:2: unknown attribute 'badattr' (expected RO/RW/WO/INDEX/OP, enum(...), enum=NAME, unit=, alias=, select=, when=, ascii, required, split, \"description\")")
        notes.contains("b_bad.prm:5: unknown statement 'layuot' (expected layout, union, enum, registers, commands, opcodes, statuses, capabilities)")
        notes.contains('b_bad.prm:13: register entry is NAME ID LAYOUT ["description"]')
        notes.any { it.startsWith('b_bad.prm:10: bad_two.q at byte 0x0 bit 15') && it.contains('overlaps p') }
        notes.count { it.contains('b_bad.prm') } == 5
    }

    def "the layout language reports every error of a file, not only the first"() {
        when:
        Catalog.parse('layout a\n  8 f bogus\n  8 g\nend\nnonsense here\nenum e\n  x = notanumber\nend\n', 'x.prm')

        then:
        def e = thrown(CatalogFileException)
        e.errors().size() == 3
        e.errors()*.takeWhile { it != ' ' } == ['x.prm:2:', 'x.prm:5:', 'x.prm:7:']
        e.message.startsWith("x.prm:2: unknown attribute 'bogus'")
        e.message.endsWith('(and 2 more errors in the file)')
    }

    def "a layout that uses one from another loaded file resolves, with no start-up note; one no file defines is noted once"() {
        given: "like mlx5_ifc.h, whose hca_cap_union uses mlx5_ifc_fpga.h's fpga_cap"
        Files.writeString(dir.resolve('main_ifc.h'), '''
struct mlx5_ifc_uses_other_bits {
\tu8         a[0x20];
\tstruct mlx5_ifc_other_cap_bits other;
};
struct mlx5_ifc_uses_nothing_known_bits {
\tstruct mlx5_ifc_nowhere_bits n;
};
''')
        Files.writeString(dir.resolve('main_ifc_other.h'), 'struct mlx5_ifc_other_cap_bits {\n\tu8 cap_bit[0x20];\n};\n')

        when:
        def alone = Mlx5IfcImporter.parse(Files.readString(dir.resolve('main_ifc.h')), 'main_ifc.h')
        def c = load()

        then: "alone the header cannot resolve it"
        alone.notes().any { it.contains('uses_other cannot be resolved yet') }

        and: "loaded with the other file it resolves, and only the layout nothing defines is noted"
        c.layout('uses_other').field('other.cap_bit').bitOffset() == 0x20
        c.notes().findAll { it.contains('cannot be resolved') } ==
                ["main_ifc.h:6: uses_nothing_known cannot be resolved yet: main_ifc.h:7: uses_nothing_known.n: no layout 'nowhere'"]
    }

    def "a layout-language file may use layouts of a file loaded after it; a register whose layout nobody defines is dropped with a note"() {
        given:
        Files.writeString(dir.resolve('a.prm'), 'layout outer\n  32 x\n  inner i\nend\nregisters\n  OUTER 0x9003 outer\n  ORPHAN 0x9004 nobody\nend\n')
        Files.writeString(dir.resolve('b.prm'), 'layout inner\n  16 y\n  16 z\nend\n')

        when:
        def c = load()

        then:
        c.register('OUTER').layout().field('i.z').bitOffset() == 48
        c.findRegister('ORPHAN').isEmpty()
        c.notes() == ['a.prm:7: skipped register ORPHAN: no catalog file defines its layout nobody']
        c.registers()*.name().contains('OUTER')
    }
}
