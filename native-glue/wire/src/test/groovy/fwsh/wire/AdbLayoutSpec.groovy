package fwsh.wire

import spock.lang.Specification

/** Where the ADB importer puts arrays and narrow nodes, and what it does with layouts it cannot place. */
class AdbLayoutSpec extends Specification {
    static String adb(String nodes, boolean bigEndianArrays = true) {
        """<NodesDefinition>
${bigEndianArrays ? '<config big_endian_arr="1" />' : ''}
$nodes
<node name="access_reg_summary_ctrl_ext" descr="" attr_is_union="1" size="0x4.0" >
	<field name="id" descr="" enum="FIX_INFO=0x9001,FIX_LANES=0x9002" offset="0x0.0" size="0x0.16" />
</node>
<node name="access_reg_summary_ext" descr="" attr_is_union="1" size="0x20.0" >
	<field name="fix_info" descr="" subnode="fix_info_ext" offset="0x0.0" selected_by="FIX_INFO" size="0x20.0" />
	<field name="fix_lanes" descr="" subnode="fix_lanes_ext" offset="0x0.0" selected_by="FIX_LANES" size="0x10.0" />
</node>
</NodesDefinition>
"""
    }

    // As mstflint writes MGIR's psid and MQIS's info_string: the offset is element 0's, in the dword's top byte.
    static final String NODES = '''
<node name="fix_info_ext" descr="" size="0x20.0" >
	<field name="info_type" descr="" access="INDEX" offset="0x0.24" size="0x0.8" />
	<field name="info_string" descr="" access="RO" high_bound="7" low_bound="0" offset="0x4.24" size="0x8.0" />
	<field name="psid" descr="" access="RO" high_bound="15" low_bound="0" offset="0x10.24" size="0x10.0" />
</node>
<node name="fix_pair_ext" descr="" size="0x2.0" >
	<field name="hi" descr="" offset="0x0.8" size="0x0.8" />
	<field name="lo" descr="" offset="0x0.0" size="0x0.8" />
</node>
<node name="fix_lanes_ext" descr="" size="0x10.0" >
	<field name="lane_speed" descr="" access="RO" high_bound="3" low_bound="0" offset="0x0.16" size="0x8.0" />
	<field name="grade" descr="" access="RO" high_bound="7" low_bound="0" offset="0x8.28" size="0x4.0" />
	<field name="pairs" descr="" subnode="fix_pair_ext" access="RO" high_bound="1" low_bound="0" offset="0xC.16" size="0x4.0" />
</node>
'''

    def "narrow array elements sit MSB-first from the array's offset, as mstflint's big_endian_arr rule places them"() {
        when:
        def c = AdbImporter.parse(adb(NODES), 'fix.adb')
        def info = c.register('FIX_INFO').layout()
        def lanes = c.register('FIX_LANES').layout()
        byte[] b = new byte[0x20]
        'ABCDEFGH'.bytes.eachWithIndex { x, i -> b[4 + i] = x }
        'MT_0000000123'.bytes.eachWithIndex { x, i -> b[0x10 + i] = x }

        then: "element 0 in the top byte of its dword, as gcc places psid[0] and info_string[0] in mlx5_ifc.h"
        info.field('info_string').bitOffset() == 0x4 * 8
        info.field('psid').bitOffset() == 0x10 * 8
        info.field('psid').count() == 16 && info.field('psid').elementBits() == 8
        info.decode(b).get('info_string') == 'ABCDEFGH'.bytes.collect { it as long }
        new String(info.decode(b).get('psid').findAll { it != 0 }.collect { it as byte } as byte[]) == 'MT_0000000123'

        and: "16-bit, 4-bit and narrow-node elements follow the same rule"
        lanes.field('lane_speed[0]').bitOffset() == 0
        lanes.field('lane_speed[3]').bitOffset() == 0x30
        lanes.field('grade[0]').bitOffset() == 0x40
        lanes.field('grade[7]').bitOffset() == 0x40 + 28
        lanes.field('pairs[0].hi').bitOffset() == 0x60
        lanes.field('pairs[0].lo').bitOffset() == 0x68
        lanes.field('pairs[1].lo').bitOffset() == 0x78
        c.notes().isEmpty()
    }

    def "a node narrower than a dword counts its bits from its own MSB"() {
        expect: "0x0.8 width 8 in a 16-bit node is its first byte, not the third byte of a dword"
        AdbImporter.ifcOffset(8, 8, 16) == 0
        AdbImporter.ifcOffset(0, 8, 16) == 8
        AdbImporter.ifcOffset(24, 8, 256) == 0
        AdbImporter.ifcOffset(0x10 * 8 + 24, 8, 256) == 0x80
    }

    def "without big_endian_arr (mstflint's default: elements from the LSB) a narrow array is skipped with file:line, never misplaced"() {
        when:
        def c = AdbImporter.parse(adb(NODES, false), 'le.adb')

        then:
        c.register('FIX_INFO').layout().findField('psid').isEmpty()
        c.register('FIX_INFO').layout().field('info_type').bitOffset() == 0
        c.notes().any { it ==~ /le\.adb:7: skipped field psid of fix_info_ext: an array of 8-bit elements without <config big_endian_arr="1"\/>.*/ }
    }

    def "a node whose fields overlap is skipped at load time with both fields named, and so is its register"() {
        given:
        def nodes = NODES.replace('offset="0x10.24" size="0x10.0"', 'offset="0x4.0" size="0x10.0"')

        when:
        def c = AdbImporter.parse(adb(nodes), 'overlap.adb')

        then:
        c.findLayout('fix_info_ext').isEmpty()
        c.findRegister('FIX_INFO').isEmpty()
        c.register('FIX_LANES').layout().field('grade[0]').bitOffset() == 0x40
        c.notes().any { it ==~ /overlap\.adb:4: skipped layout fix_info_ext: overlap\.adb:7: fix_info_ext\.psid at byte 0x4 bit 7 .* overlaps info_string, which ends at byte 0xc .*/ }
        c.notes().any { it.startsWith('overlap.adb: skipped register FIX_INFO: its layout fix_info_ext was skipped') }
        c.notes().every { !it.contains('cannot be resolved') }
    }
}
