package fwsh.emu

import fwsh.channel.Channel

import static fwsh.emu.Mbox.*

/** Builds CREATE_MKEY mailboxes (mlx5_ifc.h create_mkey_in, mkc at 0x10) the way mlx5ctl tools do. */
class Objects2 {
    static byte[] mkeyOut(Channel dev, int pd, int umemId, long start, long len, int variant) {
        byte[] in = cmd(0x200, 0, 0x100)
        set(in, 0x0c, 30, 30, 1)              // mkey_umem_valid
        set(in, 0x10, 9, 8, 1)                // access_mode_1_0 = MTT
        set(in, 0x10, 11, 10, 3)              // lw, lr
        set(in, 0x14, 31, 8, 0xffffff)        // qpn
        set(in, 0x14, 7, 0, variant)          // mkey_7_0
        set(in, 0x1c, 23, 0, pd)
        putU64(in, 0x20, start)
        putU64(in, 0x28, len)
        putU32(in, 0x64, umemId)
        dev.rpc(null, in, 16)
    }

    static int mkey(Channel dev, int pd, int umemId, long start, long len, int variant) {
        byte[] out = mkeyOut(dev, pd, umemId, start, len, variant)
        assert status(out) == 0
        ((int) get(out, 0x08, 23, 0) << 8) | variant
    }

    /** umem + PD + MTT mkey covering it: what a tracer or dump consumer sets up. */
    static int mkeyFor(Channel dev, fwsh.channel.Umem u) {
        int pd = get(dev.rpc(null, cmd(0x800), 16), 0x08, 23, 0)
        mkey(dev, pd, u.id(), u.address(), u.size(), 0)
    }
}
