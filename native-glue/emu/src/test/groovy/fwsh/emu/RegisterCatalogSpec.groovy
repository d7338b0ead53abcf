package fwsh.emu

import fwsh.channel.Transport
import fwsh.wire.Catalog
import spock.lang.Specification

import static fwsh.emu.Mbox.*

/**
 * The register models write where the catalog layouts say: a reply decoded through the catalog (as the DSL
 * decodes it) holds what the profile set, and MCAM/PCAM advertise exactly the registers the emulator answers.
 */
class RegisterCatalogSpec extends Specification {
    def dev = Emulator.create('cx6dx', Transport.MLX5CTL, EmuClock.virtual(), 3)
    def catalog = Catalog.builtin()
    def profile = dev.hca.profile

    def decode(String register, byte[] out) {
        catalog.register(register).layout().decode(out, DATA)
    }

    /** An ascii field decodes to its bytes; the DSL prints it up to the first NUL. */
    static String text(Object bytes) {
        ascii(bytes as byte[], 0, (bytes as byte[]).length)
    }

    def "MGIR decoded through its catalog layout carries the profile's identity and firmware version"() {
        when:
        def v = decode('MGIR', read(dev, 0x9020, 0xa0))
        int[] fw = profile.fwVersion()

        then:
        text(v.get('fw_info.psid')) == profile.str('psid')
        v.getLong('hw_info.device_id') == profile.num('pci.deviceId')
        v.getLong('hw_info.hw_dev_id') == profile.num('hwId')
        v.getLong('hw_info.num_ports') == dev.hca.ports.length
        [v.getLong('fw_info.major'), v.getLong('fw_info.minor'), v.getLong('fw_info.sub_minor')] == fw.collect { it & 0xff }
        [v.getLong('fw_info.extended_major'), v.getLong('fw_info.extended_minor'), v.getLong('fw_info.extended_sub_minor')] == fw as List
        text(v.get('dev_branch_tag')) == 'rel-' + profile.str('fw.version').replace('.', '_')
    }

    def "PMTU, MTMP, MTCAP and MPEIN decoded through their catalog layouts carry the profile's values"() {
        when:
        def pmtu = decode('PMTU', read(dev, 0x5003, 0x10, [[0, 23, 16]: 1L]))
        def mtmp = decode('MTMP', read(dev, 0x900a, 0x20))
        def mtcap = decode('MTCAP', read(dev, 0x9009, 0x10))
        def mpein = decode('MPEIN', read(dev, 0x9050, 0x30))

        then:
        pmtu.getLong('max_mtu') == profile.num('port.maxMtu')
        pmtu.getLong('admin_mtu') == profile.num('port.mtu')
        mtmp.getLong('temp_threshold_hi') == Math.round(profile.dbl('thermal.thresholdHi', 105) * 8)
        text(mtmp.get('sensor_name')) == 'ASIC'
        mtcap.getLong('sensor_count') == 1
        mpein.getLong('link_speed_active') == profile.num('pcie.speedActive', Mpein.GEN4)
        mpein.getLong('num_of_pfs') == profile.num('pcie.numPfs', 1)
        mpein.getLong('bdf0') == Mpein.bdf(dev.hca.pci)
    }

    def "PMLP's lane words, whole 32-bit numbers in the catalog, decode through the lane_2_module_mapping layout"() {
        when:
        def v = decode('PMLP', read(dev, 0x5002, 0x40, [[0, 23, 16]: 2L]))
        def lane = catalog.layout('lane_2_module_mapping')
        def lanes = (0..<v.getLong('width')).collect { i ->
            byte[] w = new byte[4]
            fwsh.wire.Bits.putU32(w, 0, (int) v.getLong("lane${i}_module_mapping"))
            lane.decode(w)
        }

        then:
        lanes.size() == 4
        lanes.every { it.getLong('module') == 1 }                       // port 2 maps to module 1
        lanes.collect { it.getLong('tx_lane') } == [0, 1, 2, 3]
        lanes.collect { it.getLong('rx_lane') } == [0, 1, 2, 3]
    }

    def "#register advertises exactly the registers of its block that the emulator answers"() {
        given:
        def mask = decode(register, read(dev, id, size)).get(field) as byte[]
        def advertised = { int n -> (mask[15 - n.intdiv(8)] >> (n % 8)) & 1 }
        def block = catalog.registers().findAll { it.id() >= base && it.id() < base + 128 }
        def answers = { int rid ->
            syndrome(read(dev, rid, 0x100, [[0, 23, 16]: 1L])) != FirmwareError.syndromeOf('ACCESS_REG.unknown_register')
        }

        expect:
        block.size() > 10
        block.every { (advertised(it.id() - base) == 1) == answers(it.id()) }
        (0..<128).findAll { advertised(it) == 1 }.collect { base + it } as Set ==
                dev.hca.firmware.registerIds().findAll { it >= base && it < base + 128 } as Set

        where:
        register | id     | size | field                      | base
        'MCAM'   | 0x907f | 0x48 | 'mng_access_reg_cap_mask'  | 0x9000
        'PCAM'   | 0x507f | 0x50 | 'port_access_reg_cap_mask' | 0x5000
    }

    def "a misspelt register or field in a model fails when the model is built, naming both"() {
        when:
        RegLayout.of('MGIR').field('fw_info.psidd')

        then:
        def e = thrown(IllegalStateException)
        e.message.contains('MGIR') && e.message.contains('psidd')

        when:
        RegLayout.of('MGIRR')

        then:
        e = thrown(IllegalStateException)
        e.message.contains('MGIRR')

        when: "a field inside a word read through a layout of its own"
        RegLayout.of('PMLP').field('lane0_module_mapping', 'lane_2_module_mapping', 'modul')

        then:
        e = thrown(IllegalStateException)
        e.message.contains('PMLP') && e.message.contains('modul')

        when: "a counter group the catalog's counter_set has no member for"
        RegLayout.of('PPCNT').selected('counter_set', 'no_such_group')

        then:
        e = thrown(IllegalStateException)
        e.message.contains('PPCNT') && e.message.contains('no_such_group')

        when: "a structure is not a value a model can write"
        RegLayout.of('MGIR').field('fw_info')

        then:
        e = thrown(IllegalStateException)
        e.message.contains('MGIR') && e.message.contains('fw_info')
    }
}
