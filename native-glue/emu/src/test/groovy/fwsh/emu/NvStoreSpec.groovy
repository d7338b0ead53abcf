package fwsh.emu
import java.util.Arrays

import fwsh.channel.Scope
import fwsh.channel.Transport
import fwsh.nv.BuiltinDatabase

import static fwsh.emu.Mbox.*

class NvStoreSpec extends spock.lang.Specification {
    static final int MNVDA = 0x9024, MNVDI = 0x9025, MNVQC = 0x9030, MNVIA = 0x9033, MNVGC = 0x9034, MNVGN = 0x9035
    static final int GLOBAL_PCI_CONF = 0x80

    byte[] mnvda(EmulatedDevice d, int cls, int index, int mode, boolean write = false, byte[] data = null) {
        byte[] in = reg(MNVDA, write, 0x10c, [[0x00, 23, 22]: (long) mode, [0x04, 31, 24]: (long) cls, [0x04, 23, 0]: (long) index])
        if (data != null) {
            set(in, DATA, 8, 0, data.length)
            System.arraycopy(data, 0, in, DATA + 0x0c, data.length)
        }
        d.rpc(Scope.DEBUG_READ_ONLY, in, in.length)
    }

    byte[] itemData(byte[] out, int len) { Arrays.copyOfRange(out, DATA + 0x0c, DATA + 0x0c + len) }

    def "MNVDA reads an item in the three access modes; a write changes NEXT only, with writer COMMAND_INTERFACE, until a reboot"() {
        given:
        def d = Emulator.create('cx6dx', Transport.MLX5CTL)
        def conf = BuiltinDatabase.get().tlv('nv_global_pci_conf')
        byte[] next = new byte[12]
        conf.param('sriov_en').encode(next, true)
        conf.param('total_vfs').encode(next, 8)

        when:
        def before = mnvda(d, 0, GLOBAL_PCI_CONF, 0)

        then:
        status(before) == 0
        rget(before, 0x00, 8, 0) == 12
        rget(before, 0x00, 20, 16) == 0                                  // UNSPECIFIED: factory state
        conf.param('total_vfs').decode(itemData(before, 12)) == 0
        conf.param('num_pfs').decode(itemData(before, 12)) == 2           // the profile's default

        when:
        def w = mnvda(d, 0, GLOBAL_PCI_CONF, 0, true, next)
        def nextRead = mnvda(d, 0, GLOBAL_PCI_CONF, 0)
        def current = mnvda(d, 0, GLOBAL_PCI_CONF, 1)
        def factory = mnvda(d, 0, GLOBAL_PCI_CONF, 2)

        then:
        status(w) == 0
        conf.param('total_vfs').decode(itemData(nextRead, 12)) == 8
        rget(nextRead, 0x00, 20, 16) == 4                                // COMMAND_INTERFACE
        conf.param('total_vfs').decode(itemData(current, 12)) == 0
        rget(current, 0x00, 20, 16) == 0
        conf.param('total_vfs').decode(itemData(factory, 12)) == 0

        when:
        d.reboot()
        current = mnvda(d, 0, GLOBAL_PCI_CONF, 1)

        then:
        conf.param('total_vfs').decode(itemData(current, 12)) == 8
        conf.param('sriov_en').decode(itemData(current, 12)) == true
        rget(current, 0x00, 20, 16) == 4

        when: 'MNVDI puts NEXT back to the default; CURRENT stays until the next reboot'
        status(d.rpc(Scope.CONFIGURATION, reg(MNVDI, true, 0x0c, [[0x04, 31, 24]: 0L, [0x04, 23, 0]: (long) GLOBAL_PCI_CONF]), 0x1c)) == 0
        nextRead = mnvda(d, 0, GLOBAL_PCI_CONF, 0)
        current = mnvda(d, 0, GLOBAL_PCI_CONF, 1)

        then:
        conf.param('total_vfs').decode(itemData(nextRead, 12)) == 0
        rget(nextRead, 0x00, 20, 16) == 0
        conf.param('total_vfs').decode(itemData(current, 12)) == 8
    }

    def "a class no device has is BAD_PARAM, an item this device lacks BAD_RES; MNVQC answers both supported and not"() {
        given:
        def d = Emulator.create('cx6dx', Transport.MLX5CTL)

        expect:
        status(mnvda(d, 5, GLOBAL_PCI_CONF, 0)) == FwStatus.BAD_PARAM
        status(mnvda(d, 0, 0x7777, 0)) == FwStatus.BAD_RES
        status(mnvda(d, 1, 18 | 1 << 16, 0)) == FwStatus.BAD_RES        // nv_vpi_link_type: the ConnectX-6 Dx is Ethernet only
        status(mnvda(d, 0, GLOBAL_PCI_CONF, 3)) == FwStatus.BAD_PARAM   // access_mode 3 is reserved

        when:
        def conf = d.rpc(Scope.DEBUG_READ_ONLY, reg(MNVQC, false, 8, [[0x00, 31, 0]: (long) GLOBAL_PCI_CONF]), 0x18)
        def cap = d.rpc(Scope.DEBUG_READ_ONLY, reg(MNVQC, false, 8, [[0x00, 31, 0]: 0x81L]), 0x18)
        def none = d.rpc(Scope.DEBUG_READ_ONLY, reg(MNVQC, false, 8, [[0x00, 31, 0]: 0x7777L]), 0x18)

        then:
        rget(conf, 0x04, 0, 0) == 1 && rget(conf, 0x04, 1, 1) == 1
        rget(cap, 0x04, 0, 0) == 1 && rget(cap, 0x04, 1, 1) == 0        // a capability item reads but cannot be written
        status(none) == 0 && rget(none, 0x04, 1, 0) == 0
        status(mnvda(d, 0, 0x81, 0, true, new byte[20])) == FwStatus.BAD_PARAM
    }

    def "cx7 has LINK_TYPE_P1: set to IB, nothing changes until the reboot, then port 1 is InfiniBand (PTYS ib, cap port_type ib)"() {
        given:
        def d = Emulator.create('cx7', Transport.MLX5CTL)
        def link = BuiltinDatabase.get().tlv('nv_vpi_link_type').param('default_link_type')
        byte[] ib = new byte[4]
        link.encode(ib, 'IB')
        int port1 = 18 | 1 << 16

        expect:
        link.decode(itemData(mnvda(d, 1, port1, 1), 4)) == 'ETH'
        !d.hca().ports[0].ib

        when:
        mnvda(d, 1, port1, 0, true, ib)

        then:
        !d.hca().ports[0].ib

        when:
        d.faults().reboot()

        then:
        d.hca().ports[0].ib
        d.hca().caps.general('port_type') == 0
        d.hca().caps.general('roce') == 0
        link.decode(itemData(mnvda(d, 1, port1, 1), 4)) == 'IB'
    }

    def "NUM_OF_VFS with SRIOV_EN shows in MPEIN num_of_vfs after the reboot"() {
        given:
        def d = Emulator.create('cx7', Transport.MLX5CTL)
        def conf = BuiltinDatabase.get().tlv('nv_global_pci_conf')
        byte[] data = itemData(mnvda(d, 0, GLOBAL_PCI_CONF, 0), 12)
        conf.param('sriov_en').encode(data, 1)
        conf.param('total_vfs').encode(data, 16)
        def mpein = { rget(d.rpc(Scope.DEBUG_READ_ONLY, reg(0x9050, false, 0x30), 0x40), 0x10, 15, 0) }

        when:
        mnvda(d, 0, GLOBAL_PCI_CONF, 0, true, data)

        then:
        mpein() == 0

        when:
        d.reboot()

        then:
        mpein() == 16
    }

    def "MNVIA resets every item; MNVGN walks the stored ones; MNVGC reports CURRENT and FACTORY readable"() {
        given:
        def d = Emulator.create('cx6dx', Transport.MLX5CTL)
        def gn = { long p -> d.rpc(Scope.DEBUG_READ_ONLY, reg(MNVGN, false, 0x11c, [[0x00, 31, 0]: p]), 0x12c) }

        expect:
        rget(d.rpc(Scope.DEBUG_READ_ONLY, reg(MNVGC, false, 0x10), 0x20), 0x00, 2, 0) == 0x3
        status(gn(0)) == FwStatus.BAD_RES                                  // nothing stored yet

        when:
        mnvda(d, 0, GLOBAL_PCI_CONF, 0, true, new byte[12])
        def first = gn(0)
        def end = gn(ru32(first, 0x00))

        then:
        ru32(first, 0x00) != 0
        rget(first, 0x14, 23, 0) == GLOBAL_PCI_CONF
        ru32(end, 0x00) == 0

        when:
        status(d.rpc(Scope.CONFIGURATION, reg(MNVIA, true, 8), 0x18)) == 0

        then:
        status(gn(0)) == FwStatus.BAD_RES
        status(d.rpc(Scope.CONFIGURATION, reg(MNVIA, true, 8, [[0x00, 2, 0]: 1L]), 0x18)) == FwStatus.BAD_PARAM
    }
}
