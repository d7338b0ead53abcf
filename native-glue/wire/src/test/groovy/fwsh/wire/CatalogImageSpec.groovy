package fwsh.wire

import spock.lang.Specification

import java.lang.reflect.Modifier
import java.nio.file.Path

class CatalogImageSpec extends Specification {

    /** Every field of every definition, by reflection: a field added to LayoutDef or FieldDef is compared too. */
    static Object canon(Object o) {
        if (o == null || o instanceof String || o instanceof Number || o instanceof Boolean || o instanceof Enum || o instanceof Record) return o
        if (o instanceof Map) return o.collectEntries { k, v -> [(k): canon(v)] }.with { [keys: o.keySet() as List, values: it] }
        if (o instanceof List) return o.collect { canon(it) }
        o.class.declaredFields.findAll { !Modifier.isStatic(it.modifiers) && !it.synthetic }.collectEntries { f ->
            f.accessible = true
            [(f.name): canon(f.get(o))]
        }
    }

    def "the built-in catalog fwsh loads is its precompiled image, and the image equals the parsed .prm files"() {
        given:
        byte[] image = Catalog.classLoader.getResourceAsStream(Catalog.IMAGE).withCloseable { it.readAllBytes() }

        expect: 'the build wrote an image that is current for these .prm files'
        CatalogImage.read(image, Catalog.builtinStamp()) != null

        and: 'what it holds is what parsing gives, field by field'
        canon(CatalogImage.read(image, Catalog.builtinStamp())) == canon(Catalog.parseBuiltin().source())
        canon(Catalog.builtin().source()) == canon(Catalog.parseBuiltin().source())
        Catalog.builtin().register('PAOS').layout().fields()*.name == Catalog.parseBuiltin().register('PAOS').layout().fields()*.name
    }

    def "imported and merged catalogs come back whole: notes, unresolved layouts, enums, unions, split counters"() {
        given:
        def adb = AdbImporter.parse(Path.of(getClass().getResource('/wire/fixture.adb').toURI()))
        def ifc = Mlx5IfcImporter.parse(Path.of(getClass().getResource('/wire/fixture_ifc.h').toURI()))
        def merged = Catalog.builtin().mergeMissing(adb).merge(ifc).merge(Catalog.parse('''
layout paos_reg size=0x10 "mine"
  @0x00[23:16] local_port INDEX
  @0x00[11:8] admin_status RW enum(up=1, down=2)
end
            ''', 'mine.prm'))

        expect:
        !merged.notes().isEmpty()
        [adb, ifc, merged].every { c ->
            canon(CatalogImage.read(CatalogImage.write(c.source(), 'x'), 'x')) == canon(c.source())
        }
    }

    def "an image made from something else, or damaged, is not used"() {
        given:
        byte[] image = CatalogImage.write(Catalog.builtin().source(), 'stamp A')

        expect:
        CatalogImage.read(image, 'stamp A') != null
        CatalogImage.read(image, 'stamp B') == null
        CatalogImage.read(Arrays.copyOf(image, image.length - 1), 'stamp A') == null
        CatalogImage.read(Arrays.copyOf(image, image.length + 1), 'stamp A') == null
        CatalogImage.read(new byte[0], 'stamp A') == null
        CatalogImage.read(Arrays.copyOf(image, image.length).tap { it[0] ^= 1 }, 'stamp A') == null
    }
}
