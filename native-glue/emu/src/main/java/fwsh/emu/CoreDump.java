package fwsh.emu;

import java.util.SplittableRandom;

/**
 * CORE_DUMP 0x402e. Type 0 (general): the dump goes out as tracer messages ("dump general info
 * GVMI=..." and hex lines) and needs tracer ownership. Type 2 (CR_DUMP_TO_MEM): (address, value)
 * dword pairs DMA'd through mkey/address; a buffer smaller than the dump gets more_dump=1 and a
 * cookie to continue from. Both op_mods are accepted (the kernel writes, mlx5ctl reads). A request may end
 * after cookie (the kernel's size; the ADB layout is longer).
 */
final class CoreDump extends Register {
    private final Hca hca;
    private final int typeGeneral, typeCrDumpToMem;
    private final RegField moreDump, coreDumpType, vhcaId, mkey, size, address, cookie;

    CoreDump(Hca hca) {
        this(hca, RegLayout.of("CORE_DUMP"));
    }

    private CoreDump(Hca hca, RegLayout l) {
        super(l, l.field("cookie").end());
        this.hca = hca;
        moreDump = l.field("more_dump");
        coreDumpType = l.field("core_dump_type");
        vhcaId = l.field("vhca_id");
        mkey = l.field("mkey");
        size = l.field("size");
        address = l.field("address");
        cookie = l.field("cookie");
        typeGeneral = l.enumValue("core_dump_type", "general");
        typeCrDumpToMem = l.enumValue("core_dump_type", "cr_dump_to_mem");
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
        int type = io.inInt(coreDumpType);
        int vhca = io.inInt(vhcaId);
        if (type == typeGeneral) {
            if (hca.caps.debug("core_dump_general") == 0) throw FirmwareError.badParam("CORE_DUMP.general_unsupported", "core_dump_general is 0 in the DEBUG cap");
            hca.tracer.coreDumpGeneral(io.handle().uid(), vhca);
        } else if (type == typeCrDumpToMem) {
            crDump(io);
        } else {
            throw FirmwareError.badParam("CORE_DUMP.unsupported_type", "core_dump_type " + type + " is not modelled (0 general, 2 CR dump to memory)");
        }
    }

    private void crDump(RegIo io) {
        int mkey = io.inInt(this.mkey);
        long size = io.in(this.size);
        long addr = io.in(address);
        long cookie = io.in(this.cookie);
        long total = hca.profile.num("crdump.size", 65536);
        if (cookie > total || cookie % 8 != 0) throw FirmwareError.badParam("CORE_DUMP.bad_cookie", "cookie " + cookie + " does not continue a CR dump");
        long room = hca.objects.room(mkey, addr);
        if (room < 0) throw FirmwareError.badParam("CORE_DUMP.bad_mkey", "mkey 0x" + Integer.toHexString(mkey) + " does not map address 0x" + Long.toHexString(addr));
        int n = (int) Math.min(Math.min(size, room), total - cookie) & ~7;
        if (n == 0 && cookie < total) throw FirmwareError.badParam("CORE_DUMP.buffer_too_small", "size " + size + " cannot hold one (address, value) pair");
        byte[] data = new byte[n];
        for (int i = 0; i < n; i += 8) {                  // (address, value) dword pairs
            long pair = (cookie + i) / 8;
            long crAddr = 0x000f0000L + pair * 4;
            Prm.u32(data, i, crAddr);
            Prm.u32(data, i + 4, new SplittableRandom(hca.seed ^ crAddr).nextInt() & 0xffffffffL);
        }
        hca.objects.dmaWrite(mkey, addr, data, 0, n, "CORE_DUMP");
        long next = cookie + n;
        io.set(moreDump, next < total ? 1 : 0);
        io.set(this.size, n);
        io.set(address, addr);
        io.set(this.cookie, next < total ? next : 0);
    }
}
