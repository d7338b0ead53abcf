package fwsh.wire

import spock.lang.Requires
import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Path

class WireImportSpec extends Specification {
    static String res(String n) { WireImportSpec.getResource('/wire/' + n).text }

    def "mlx5_ifc.h fixture: fields, arrays, nested, unions, anonymous structs, tails, halves, opcodes, skipped struct"() {
        when:
        def c = Mlx5IfcImporter.parse(res('fixture_ifc.h'), 'fixture_ifc.h')
        def q = c.layout('fix_query_in')
        then:
        c.opcode('FIX_QUERY') == 0x123
        c.command('FIX_QUERY').out().name() == 'fix_query_out'
        q.field('op_mod').bitOffset() == 0x30
        q.field('pkts').bitOffset() == 0x40 && q.field('pkts').bitWidth() == 64
        q.field('pkts_low').bitOffset() == 0x60
        q.field('lanes').count() == 4 && q.field('lanes[3]').bitOffset() == 0x80 + 24
        q.field('items').count() == 3                       // (2 + 1) from a multi-line #define
        q.field('items[2].id').bitOffset() == 0xa0 + 2 * 32 + 16
        c.layout('fix_choice').isUnion() && c.layout('fix_choice').sizeBits() == 64
        q.field('choice').bitOffset() == 0x100
        q.field('choice.id').bitOffset() == 0x110
        q.field('anon.b').bitOffset() == 0x150
        q.field('name').kind() == Field.Kind.BYTES
        q.field('tail').isTail()
        q.sizeBits() == 0x160 + 0x80
        c.layout('fix_query_out').field('entries').isTail()
        c.findLayout('fix_broken').isEmpty()
        c.notes().any { it.startsWith('fixture_ifc.h:54: skipped mlx5_ifc_fix_broken_bits') }
        c.layout('fix_after_broken').field('x').bitWidth() == 8
    }

    def "mlx5_ifc.h DECLARE_FLEX_ARRAY (recent kernels' rqtc): a union of variable-length tails, and the commands using it import"() {
        given: "the kernel's rqtc since the RQT vhca extension, and create_rqt_in around it"
        def header = '''
struct mlx5_ifc_rq_num_bits {
	u8         reserved_at_0[0x8];
	u8         rq_num[0x18];
};

struct mlx5_ifc_rq_vhca_bits {
	u8         reserved_at_0[0x8];
	u8         rq_num[0x18];
	u8         reserved_at_20[0x10];
	u8         rq_vhca_id[0x10];
};

struct mlx5_ifc_rqtc_bits {
	u8    reserved_at_0[0xa0];
	u8    reserved_at_a0[0x5];
	u8    list_q_type[0x3];
	u8    reserved_at_a8[0x8];
	u8    rqt_max_size[0x10];
	u8    rq_vhca_id_format[0x1];
	u8    reserved_at_c1[0xf];
	u8    rqt_actual_size[0x10];
	u8    reserved_at_e0[0x6a0];
	union {
		DECLARE_FLEX_ARRAY(struct mlx5_ifc_rq_num_bits, rq_num);
		DECLARE_FLEX_ARRAY(struct mlx5_ifc_rq_vhca_bits, rq_vhca);
	};
};

struct mlx5_ifc_create_rqt_in_bits {
	u8         opcode[0x10];
	u8         uid[0x10];
	u8         reserved_at_20[0x10];
	u8         op_mod[0x10];
	u8         reserved_at_40[0xc0];
	struct mlx5_ifc_rqtc_bits rqt_context;
};

struct mlx5_ifc_bytes_tail_bits {
	u8         len[0x20];
	DECLARE_FLEX_ARRAY(u8, data);
};

enum {
	MLX5_CMD_OP_CREATE_RQT = 0x916,
};
'''

        when:
        def c = Mlx5IfcImporter.parse(header, 'rqt_ifc.h')
        def rqtc = c.layout('rqtc')
        def flex = rqtc.fields().find { it.layout()?.isUnion() }

        then:
        c.notes().isEmpty()
        rqtc.sizeBits() == 0x780
        flex.bitOffset() == 0x780
        flex.layout().field('rq_num').isTail() && flex.layout().field('rq_num').elementBits() == 32
        flex.layout().field('rq_vhca').isTail() && flex.layout().field('rq_vhca').elementBits() == 64
        c.command('CREATE_RQT').in().field('rqt_context.rqt_actual_size').bitOffset() == 0x100 + 0xd0
        c.command('CREATE_RQT').in().sizeBits() == 0x100 + 0x780
        c.layout('bytes_tail').field('data').isTail() && c.layout('bytes_tail').field('data').elementBits() == 8
    }

    def "ADB fixture: LSB-based offsets converted, enums, access, halves, arrays, subnodes, union selected by grp, register ids"() {
        when:
        def c = AdbImporter.parse(res('fixture.adb'), 'fixture.adb')
        def paos = c.register('FIX_PAOS')
        then:
        paos.id() == 0x5006
        paos.layout().field('swid').bitOffset() == 0            // offset 0x0.24 size 8 is PRM bits 31:24
        paos.layout().field('local_port').bitOffset() == 8
        paos.layout().field('admin_status').bitOffset() == 20
        paos.layout().field('oper_status').bitOffset() == 28
        paos.layout().field('ase').bitOffset() == 32
        paos.layout().field('e').bitOffset() == 62
        paos.layout().field('admin_status').access() == Access.RW
        paos.layout().field('admin_status').enumValues() == [up: 1L, down_by_configuration: 2L]
        paos.layout().field('frames').bitWidth() == 64
        paos.layout().field('frames_low').bitOffset() == 0x60
        c.findRegister('NOT_PRESENT').isEmpty()
        when:
        def cnt = c.register('FIX_CNT').layout()
        byte[] b = cnt.encode([grp: 'GROUP_B', lanes: [1, 2, 3, 4], counter_set: [fix_grp_b: [count_b: 9]]])
        def v = cnt.decode(b, 0)
        then:
        b[3] == 0x10
        b[4] == 1 && b[7] == 4
        cnt.field('param[1].count_b').bitOffset() == (0x8 + 8 + 4) * 8
        v.getLong('counter_set.count_b') == 9
        v.get('counter_set').fields()*.name() == ['fix_grp_b']
        v.toString() == 'FIX_CNT(grp=GROUP_B lanes=[1, 2, 3, 4] counter_set={fix_grp_b{count_b=9}})'
    }

    def "a user layout replaces a built-in one, keeps its annotations, and the merge notes say so"() {
        given:
        def user = Catalog.parse('''
layout paos_reg size=0x10
  8 swid
  8 local_port
  4 -
  4 admin_status
  4 -
  4 oper_status
  1 ase
  1 ee
  28 -
  2 e
  1 fd
end
registers
  PAOS 0x5006 paos_reg
  MYREG 0x9999 paos_reg "mine"
end
''', 'user.prm')
        when:
        def c = Catalog.builtin().merge(user)
        then:
        c.notes().any { it.startsWith('layout paos_reg from user.prm replaces the one from registers.prm') && it.contains('kept annotations') }
        c.register('PAOS').layout().field('admin_status').enumValues().up == 1L
        c.register('PAOS').layout().field('fd').bitOffset() == 0x40
        c.register('MYREG').id() == 0x9999
        Catalog.builtin().register('PAOS').layout().findField('fd').isEmpty()
    }

    def "layout language errors name file:line"() {
        when:
        Catalog.parse(text, 'x.prm').layout('a')
        then:
        def e = thrown(LayoutSyntaxException)
        e.message.startsWith(msg)
        where:
        text                                        | msg
        'layout a\n  8 f badattr\nend'              | "x.prm:2: unknown attribute 'badattr'"
        'layout a\n  8 f\n'                         | 'x.prm:3: end of file inside a layout block'
        'layout a\n  @0x04[7:0] f\n  @0x04[15:8] g\nend' | 'x.prm:3: a.g at byte 0x4 bit 15'
        'layout a size=2\n  32 f\nend'              | 'x.prm:1: a: fields end at'
        'layout a\n  nosuch f\nend'                 | "x.prm:2: a.f: no layout 'nosuch'"
    }

    def "catalog loader finds files on FWSH_CATALOG_PATH"() {
        given:
        Path dir = Files.createTempDirectory('fwshcat')
        Files.writeString(dir.resolve('extra.prm'), 'layout my_thing\n  32 x\nend\nregisters\n  MYTHING 0x1234 my_thing\nend\n')
        System.setProperty(CatalogLoader.PROP_NO_SYSTEM, 'true')
        when:
        def c = new CatalogLoader([(CatalogLoader.ENV_PATH): dir.toString()]).load()
        then:
        c.register('MYTHING').layout().field('x').bitWidth() == 32
        c.register('PAOS') != null
        when: "an entry that does not exist is a note; the others still load"
        def c2 = new CatalogLoader([(CatalogLoader.ENV_PATH): dir.resolve('missing').toString() + File.pathSeparator + dir]).load()
        then:
        c2.register('MYTHING') != null
        c2.notes().contains("FWSH_CATALOG_PATH/fwsh.catalog.path names ${dir.resolve('missing')}, which does not exist; skipped".toString())
        cleanup:
        System.clearProperty(CatalogLoader.PROP_NO_SYSTEM)
    }

    static Path realHeader() {
        def p = System.getenv('FWSH_TEST_MLX5_IFC') ? Path.of(System.getenv('FWSH_TEST_MLX5_IFC')) : CatalogLoader.kernelHeader()
        if (p == null || !Files.isRegularFile(p)) println 'skipping the real mlx5_ifc.h import: install linux-headers-*-common (e.g. linux-headers-6.1.0-55-common) or set FWSH_TEST_MLX5_IFC'
        p
    }

    @Requires({ WireImportSpec.realHeader() != null && Files.isRegularFile(WireImportSpec.realHeader()) })
    def "the real kernel mlx5_ifc.h imports completely with MLX5_SET/GET offsets"() {
        when:
        def c = Mlx5IfcImporter.parse(realHeader())
        int resolved = c.layoutNames().count { tryResolve(c, it) }
        then:
        c.layoutNames().size() > 600
        resolved >= c.layoutNames().size() - 10          // the rest need mlx5_ifc_fpga.h (noted)
        c.notes().every { it.contains('cannot be resolved yet') || it.contains('skipped') }
        c.opcodes().size() > 150
        c.opcode('ACCESS_REG') == 0x805
        c.layout('paos_reg').field('admin_status').bitOffset() == Bits.prmOffset(0, 11)
        c.layout('mtrc_cap').field('log_max_trace_buffer_size').bitOffset() == Bits.prmOffset(8, 7)
        c.layout('cmd_hca_cap').field('log_max_qp').bitOffset() == 0x9b
        c.layout('cmd_hca_cap').field('debug').bitOffset() == 0x183
        c.layout('cmd_hca_cap').sizeBits() == 0x800
        c.layout('ppcnt_reg').field('counter_set.a_frame_check_sequence_errors').bitOffset() == 0x18 * 8
        c.layout('resource_dump').field('inline_data').bitOffset() == 0x30 * 8
        c.command('QUERY_ISSI').out().field('current_issi').bitOffset() == 0x50
    }

    @Requires({ WireImportSpec.realHeader() != null && Files.isRegularFile(WireImportSpec.realHeader()) })
    def "capability types get the kernel's layouts once mlx5_ifc.h is added; built in they read raw"() {
        when:
        def merged = Catalog.builtin().mergeMissing(Mlx5IfcImporter.parse(realHeader()))

        then:
        Catalog.builtin().capability('ROCE').layout() == null
        merged.capability('ROCE').layout().field('roce_version') != null
        merged.capability('ETHERNET_OFFLOADS').layout().field('lro_cap') != null
        merged.capability('QOS').layout().name() == 'qos_cap'
        merged.capability('GENERAL').layout().field('log_max_qp').bitOffset() == 0x9b
        merged.capabilities().count { it.layout() != null } >= 15
    }

    static boolean tryResolve(Catalog c, String n) {
        try { c.layout(n); true } catch (WireException e) { false }
    }

    @Requires({ Files.isRegularFile(CatalogLoader.MSTFLINT_ADB) })
    def "mstflint's installed register_access_table.adb imports and agrees with the built-in offsets"() {
        when:
        def c = AdbImporter.parse(CatalogLoader.MSTFLINT_ADB)
        def builtin = Catalog.builtin()
        then:
        c.registers().size() > 100
        c.register('PAOS').id() == 0x5006
        ['swid', 'local_port', 'admin_status', 'oper_status', 'ase', 'ee', 'e'].every {
            c.register('PAOS').layout().field(it).bitOffset() == builtin.register('PAOS').layout().field(it).bitOffset()
        }
        ['trace_owner', 'trc_ver', 'num_string_trace', 'log_max_trace_buffer_size'].every {
            c.register('MTRC_CAP').layout().field(it).bitOffset() == builtin.register('MTRC_CAP').layout().field(it).bitOffset()
        }
        c.register('PPCNT').layout().field('counter_set.a_frame_check_sequence_errors').bitOffset() ==
                builtin.register('PPCNT').layout().field('counter_set.a_frame_check_sequence_errors').bitOffset()
    }
}
