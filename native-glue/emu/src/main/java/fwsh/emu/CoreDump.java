package fwsh.emu;

import java.util.SplittableRandom;

/**
 * CORE_DUMP 0x402e. Type 0 (general): the dump goes out as tracer messages ("dump general info
 * GVMI=..." and hex lines) and needs tracer ownership. Type 2 (CR_DUMP_TO_MEM): (address, value)
 * dword pairs DMA'd through mkey/address; a buffer smaller than the dump gets more_dump=1 and a
 * cookie to continue from. Both op_mods are accepted (the kernel writes, mlx5ctl reads).
 */
final class CoreDump extends Register {
    static final int ID = 0x402e;
    static final int TYPE_GENERAL = 0;
    static final int TYPE_QP = 1;
    static final int TYPE_CR_DUMP_TO_MEM = 2;

    private final Hca hca;

    CoreDump(Hca hca) {
        super(ID, "CORE_DUMP", 0x28);
        this.hca = hca;
    }

    @Override
    void read(RegIo io) {
        dump(io);
    }

    @Override
    void write(RegIo io) {
        dump(io);
    }

    private void dump(RegIo io) {
        int type = io.inInt(0x00, 7, 0);
        int vhca = io.inInt(0x08, 15, 0);
        switch (type) {
            case TYPE_GENERAL -> {
                if (hca.caps.debug("core_dump_general") == 0) throw FirmwareError.badParam("CORE_DUMP.general_unsupported", "core_dump_general is 0 in the DEBUG cap");
                hca.tracer.coreDumpGeneral(io.handle().uid(), vhca);
            }
            case TYPE_CR_DUMP_TO_MEM -> crDump(io);
            default -> throw FirmwareError.badParam("CORE_DUMP.unsupported_type", "core_dump_type " + type + " is not modelled (0 general, 2 CR dump to memory)");
        }
    }

    private void crDump(RegIo io) {
        int mkey = (int) io.inU32(0x10);
        long size = io.inU32(0x14);
        long addr = io.inU64(0x18);
        long cookie = io.inU64(0x20);
        long total = hca.profile.num("crdump.size", 65536);
        if (cookie > total || cookie % 8 != 0) throw FirmwareError.badParam("CORE_DUMP.bad_cookie", "cookie " + cookie + " does not continue a CR dump");
        long room = hca.objects.room(mkey, addr);
        if (room < 0) throw FirmwareError.badParam("CORE_DUMP.bad_mkey", "mkey 0x" + Integer.toHexString(mkey) + " does not map address 0x" + Long.toHexString(addr));
        int n = (int) Math.min(Math.min(size, room), total - cookie) & ~7;
        if (n == 0 && cookie < total) throw FirmwareError.badParam("CORE_DUMP.buffer_too_small", "size " + size + " cannot hold one (address, value) pair");
        byte[] data = new byte[n];
        for (int i = 0; i < n; i += 8) {
            long pair = (cookie + i) / 8;
            long crAddr = 0x000f0000L + pair * 4;
            Prm.u32(data, i, crAddr);
            Prm.u32(data, i + 4, new SplittableRandom(hca.seed ^ crAddr).nextInt() & 0xffffffffL);
        }
        hca.objects.dmaWrite(mkey, addr, data, 0, n, "CORE_DUMP");
        long next = cookie + n;
        io.set(0x00, 31, 31, next < total ? 1 : 0);
        io.u32(0x14, n);
        io.u64(0x18, addr);
        io.u64(0x20, next < total ? next : 0);
    }
}
