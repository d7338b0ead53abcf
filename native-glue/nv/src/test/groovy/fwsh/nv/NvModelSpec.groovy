package fwsh.nv

import spock.lang.Requires
import spock.lang.Specification

class NvModelSpec extends Specification {
    NvDatabase db = BuiltinDatabase.get()

    def "ADB offsets become the MSB-first positions the kernel's MLX5_SET uses (nv_param.c layouts)"() {
        expect: 'nv_global_pci_conf: sriov_valid bit 0, per_pf_total_vf after 17 bits, sriov_en at 0x20, total_vfs at 0x30'
        def conf = db.tlv('nv_global_pci_conf')
        conf.param('sriov_valid').bitOffset() == 0
        conf.param('per_pf_total_vf').bitOffset() == 0x11
        conf.param('sriov_en').bitOffset() == 0x20
        conf.param('total_vfs').bitOffset() == 0x30
        conf.param('total_vfs').bits() == 16
        conf.size() == 12

        and: 'nv_sw_offload_conf: ip_over_vxlan_port [0x0,0x10), pci_atomic_mode at 0x11 (3 bits), cqe_compression at 0x1d, lro timeouts at the end'
        def sw = db.tlv('nv_sw_offload_conf')
        sw.param('ip_over_vxlan_port').bitOffset() == 0
        sw.param('tunnel_ecn_copy_offload_disable').bitOffset() == 0x10
        sw.param('pci_atomic_mode').bitOffset() == 0x11
        sw.param('cqe_compression').bitOffset() == 0x1d
        sw.param('tunnel_udp_entropy_proto_disable').bitOffset() == 0x20
        sw.param('log_max_outstanding_wqe').bitOffset() == 0x23
        sw.param('lro_log_timeout0').bitOffset() == 0x3c

        and: 'nv_global_pci_cap: per_pf_total_vf_supported after 0x14 bits; nv_pf_pci_conf total_vf at 0x50'
        db.tlv('nv_global_pci_cap').param('per_pf_total_vf_supported').bitOffset() == 0x14
        db.tlv('nv_global_pci_cap').param('max_vfs_per_pf').bitOffset() == 0x30
        db.tlv('nv_pf_pci_conf').param('pf_total_vf_en').bitOffset() == 0x9
        db.tlv('nv_pf_pci_conf').param('total_vf').bitOffset() == 0x50
    }

    def "type_index per class: port in [23:16], module in [23:14], a global index as is"() {
        expect:
        NvClass.PORT.typeIndex(18, 2, 0) == 0x020012
        NvClass.GLOBAL.typeIndex(0x80, 0, 0) == 0x80
        NvClass.MODULE.typeIndex(4, 0, 3) == (3 << 14 | 4)
        NvClass.HOST_PF.typeIndex(0x80, 0, 0) == 0x80
        NvClass.of(5) == null

        when:
        NvClass.HOST_PF.typeIndex(0x400, 0, 0)

        then:
        NvException e = thrown()
        e.message == 'Host_PF item index 0x400 does not fit in 10 bits'
    }

    def "values encode into item data and decode back; they print as mlxconfig does and equal what users write"() {
        given:
        def conf = db.tlv('nv_global_pci_conf')
        def link = db.tlv('nv_vpi_link_type').param('default_link_type')
        byte[] data = new byte[conf.size()]

        when:
        conf.param('sriov_en').encode(data, 'True')
        conf.param('total_vfs').encode(data, 16)
        byte[] lt = new byte[4]
        link.encode(lt, 'eth')

        then:
        data[4] == (byte) 0x80 && data[7] == 16
        conf.param('sriov_en').decode(data).toString() == 'True(1)'
        conf.param('sriov_en').decode(data) == true
        conf.param('sriov_en').decode(data) == 'True'
        conf.param('total_vfs').decode(data) == 16
        conf.param('total_vfs').decode(data) > 8
        conf.param('total_vfs').decode(data).toString() == '16'
        link.decode(lt).toString() == 'ETH(2)'
        link.decode(lt) == 'ETH'
        link.decode(lt) == 2
        lt[3] == (byte) 0x08                      // default_link_type at 0x0.2, 2 bits: bits 3:2 of the dword
    }

    def "bad values are refused with what is allowed"() {
        when:
        db.tlv('nv_vpi_link_type').param('default_link_type').parse('FC')
        then:
        NvException e = thrown()
        e.message == "LINK_TYPE: 'FC' is not one of IB(1), ETH(2)"

        when:
        db.tlv('nv_global_pci_conf').param('total_vfs').parse(70000)
        then:
        e = thrown()
        e.message == 'NUM_OF_VFS: 70000 does not fit in 16 bits (0..65535)'

        when:
        db.tlv('nv_global_pci_conf').param('sriov_en').parse('maybe')
        then:
        e = thrown()
        e.message == "SRIOV_EN: 'maybe' is not True or False (1 or 0)"
    }

    def "mlxconfig names: Port items per port with _P1/_P2; a typo gets a did-you-mean"() {
        when:
        def names = db.parameters(2)*.name

        then:
        names.containsAll(['SRIOV_EN', 'NUM_OF_VFS', 'LINK_TYPE_P1', 'LINK_TYPE_P2', 'KEEP_ETH_LINK_UP_P1', 'CQE_COMPRESSION'])
        !names.contains('LINK_TYPE')
        db.find('link_type_p2', 2).item().port() == 2
        db.parameters(1)*.name.size() < names.size()
        names.size() >= 30

        when:
        db.find('SRIOV_ENABLE', 2)

        then:
        NvException e = thrown()
        e.message.startsWith("unknown NV parameter 'SRIOV_ENABLE'; did you mean SRIOV_EN")
    }

    def "database expressions: variables, comparisons, && ||, ternary, log2 and ^ as muParser evaluates them"() {
        given:
        def vars = ['nv_global_pci_cap.sriov_support': 1d, 'fpp_en': 0d, 'num_pfs': 2d, 'total_vfs': 8d, 'x': 3d]

        expect:
        Expression.parse('$nv_global_pci_cap.sriov_support==1').isTrue(vars.&get)
        !Expression.parse('($x > 3) || ($num_pfs != 2)').isTrue(vars.&get)
        Expression.parse('$fpp_en==1 ? 5 : log2(8) + 2^2').evaluate(vars.&get) == 7d
        Expression.parse('$x == 3 && $total_vfs <= 8').isTrue(vars.&get)
        Expression.parse('BitwiseOr(4, 1)').evaluate(vars.&get) == 5d
        Expression.parse('$nv_global_pci_cap.sriov_support==1').variables() == ['nv_global_pci_cap.sriov_support'] as Set
        Expression.assignment('$_calc=($x+1)') == ['_calc', '($x+1)'] as String[]
        Expression.assignment('$x==1') == null

        when:
        Expression.parse('$x == 1 &&& 2')

        then:
        NvException e = thrown()
        e.message == "cannot evaluate '\$x == 1 &&& 2': unexpected '&' at column 11"

        when:
        Expression.parse('frob($x)')

        then:
        e = thrown()
        e.message.contains("unknown function 'frob'")
    }

    def "every dependency, min, max, rule and temp_vars of the built-in list parses"() {
        expect:
        db.tlvs().each { t ->
            t.params().each { p ->
                [p.dependency(), p.minVal(), p.maxVal(), p.rule()].findAll { it && it != 'ignore_dependency' }.each { Expression.parse(it) }
                if (p.tempVars()) Expression.parse(Expression.assignment(p.tempVars())[1])
            }
        }
    }

    @Requires({ NvDatabases.installed() != null })
    def "mstflint's installed database reads whole: every item and parameter, every expression parses"() {
        when:
        def mst = NvDatabases.open(NvDatabases.installed())
        def bad = []
        mst.tlvs().each { t ->
            t.params().each { p ->
                [p.dependency(), p.minVal(), p.maxVal(), p.rule()].findAll { it && it != 'ignore_dependency' }.each {
                    try { Expression.parse(it) } catch (NvException e) { bad << e.message }
                }
            }
        }

        then:
        mst.tlvs().size() >= 150
        mst.parameterCount() >= 800
        mst.source().startsWith('mstflint database ')
        mst.find('SRIOV_EN', 2).def().tlvName() == 'nv_global_pci_conf'
        bad.isEmpty()
    }
}
