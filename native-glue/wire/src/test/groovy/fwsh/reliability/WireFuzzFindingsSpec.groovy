package fwsh.reliability

import fwsh.wire.AdbImporter
import fwsh.wire.Mlx5IfcImporter
import spock.lang.Specification

/** What each fuzz finding does now (the inputs are also in the fuzz corpora, replayed by the *FuzzTest classes). */
class WireFuzzFindingsSpec extends Specification {

    static byte[] corpus(String path) {
        WireFuzzFindingsSpec.getResourceAsStream('/fwsh/fuzz/' + path).bytes
    }

    def "a header that ends inside a struct member is skipped with a note, not an IndexOutOfBounds"() {
        when:
        def c = Mlx5IfcImporter.parse("struct mlx5_ifc_cut_bits {\n\tu8 ")

        then:
        c.layoutNames().every { it != 'cut' }
        c.notes().any { it =~ /mlx5_ifc\.h:2: skipped mlx5_ifc_cut_bits: unexpected end of file/ }

        when: "the fuzzer's input"
        Mlx5IfcImporter.parse(new String(corpus('Mlx5IfcImporterFuzzTestInputs/parse/regression-ends-inside-struct'), 'ISO-8859-1'))

        then:
        noExceptionThrown()
    }

    def "an ADB node without a name is skipped with a note, not a NullPointerException"() {
        when:
        def c = AdbImporter.parse('<NodesDefinition><node size="0x4.0"><field name="a" offset="0x0.0" size="0x0.8"/></node>' +
                '<node name="ok" size="0x4.0"><field name="b" offset="0x0.0" size="0x0.8"/></node></NodesDefinition>', 'x.adb')

        then:
        c.layoutNames().contains('ok')
        c.notes().any { it == 'x.adb:1: skipped a node without a name attribute' }

        when:
        AdbImporter.parse(new String(corpus('AdbImporterFuzzTestInputs/parse/regression-node-without-name'), 'UTF-8'), 'f.adb')

        then:
        noExceptionThrown()
    }

    def "an array of elements wider than 64 bits decodes to byte strings, not a NullPointerException"() {
        given:
        def l = fwsh.wire.Catalog.parse("layout wide size=0x28\n  96[3] x\nend\n", 'w.prm').layout('wide')
        byte[] b = (0..<0x28).collect { it as byte } as byte[]

        when:
        def copy = l.decode(b)
        def view = l.view(b, 0)

        then:
        copy.get('x')*.toList() == [(0..<12), (12..<24), (24..<36)].collect { r -> r.collect { it as byte } }
        view.get('x')*.toList() == copy.get('x')*.toList()
        copy.show().contains('x[1]   0x0c0d0e0f1011121314151617')

        when: "the fuzzer's ADB input, where such an array came from a mutated node"
        def c = AdbImporter.parse(new String(corpus('AdbImporterFuzzTestInputs/parse/regression-array-of-wide-elements'), 'UTF-8'), 'f.adb')
        c.layoutNames().each { n -> try { c.layout(n).decode(new byte[c.layout(n).sizeBytes()]).show() } catch (fwsh.wire.WireException ignored) { } }

        then:
        noExceptionThrown()
    }
}
