package fwsh.emu;

import fwsh.nv.TlvDef;
import fwsh.nv.WriterId;

import java.util.List;

/**
 * The NV configuration registers over {@link NvStore}, as firmware answers them through ACCESS_REG: MNVDA reads an
 * item (NEXT, CURRENT or FACTORY) and writes NEXT (writer_id becomes COMMAND_INTERFACE); MNVDI invalidates one item
 * and MNVIA every item (NEXT back to FACTORY); MNVQC says whether an item is supported and writable; MNVGC what MNVDA
 * can read; MNVGN walks the items stored in NV. An unknown type_class is BAD_PARAM, an item the device lacks BAD_RES
 * (mstflint reads that as ME_REG_ACCESS_RES_NOT_AVLBL, and mlxconfig treats it on a read as "not set").
 */
final class Nv {
    static final int HEADER = 0x0c;

    private Nv() {
    }

    static List<Register> registers(Hca hca) {
        return List.of(new Mnvda(hca), new Mnvdi(hca), new Mnvqc(hca), new Mnvia(hca), new Mnvgc(), new Mnvgn(hca));
    }

    private static int mode(RegIo io, String reg) {
        int mode = io.inInt(0x00, 23, 22);
        if (mode == 3) throw FirmwareError.badParam(reg + ".bad_access_mode", "access_mode 3 is reserved (0 NEXT, 1 CURRENT, 2 FACTORY)");
        return mode;
    }

    /** The header's fields in the reply, for an item's data in one access mode. */
    private static void header(RegIo io, int base, NvStore.Entry e, int mode, int length) {
        io.zero(base, HEADER);
        io.set(base, 23, 22, mode);
        io.set(base, 20, 16, e.writer(mode));
        io.set(base, 8, 0, length);
        io.set(base + 4, 31, 24, e.item.typeClass());
        io.set(base + 4, 23, 0, e.item.typeIndex());
    }

    static final class Mnvda extends Register {
        private final Hca hca;

        Mnvda(Hca hca) {
            super(0x9024, "MNVDA", HEADER);
            this.hca = hca;
        }

        @Override
        void read(RegIo io) {
            int mode = mode(io, name);
            NvStore.Entry e = hca.nv.find(name, io.inInt(0x04, 31, 24), io.inInt(0x04, 23, 0));
            byte[] data = e.data(mode);
            header(io, 0, e, mode, data.length);
            io.zero(HEADER, io.outDataLen() - HEADER);
            io.bytes(HEADER, data, 0, data.length);
        }

        @Override
        void write(RegIo io) {
            NvStore.Entry e = hca.nv.find(name, io.inInt(0x04, 31, 24), io.inInt(0x04, 23, 0));
            if (mode(io, name) != 0) throw FirmwareError.badParam(name + ".write_not_next", "only NEXT (access_mode 0) can be written");
            if (!e.writable) throw FirmwareError.badParam(name + ".read_only", e.item.label() + " cannot be written");
            int length = io.inInt(0x00, 8, 0);
            TlvDef t = e.item.def();
            if (length == 0 || length > t.size() || HEADER + length > io.inDataLen()) {
                throw FirmwareError.badParam(name + ".bad_length", "length " + length + " for " + e.item.label() + " (" + t.size()
                        + " bytes; the mailbox carries " + Math.max(0, io.inDataLen() - HEADER) + ")");
            }
            byte[] data = new byte[length];
            System.arraycopy(io.cmd.in, RegIo.BASE + HEADER, data, 0, length);
            e.write(data, length, WriterId.COMMAND_INTERFACE);
            header(io, 0, e, 0, t.size());
        }
    }

    static final class Mnvdi extends Register {
        private final Hca hca;

        Mnvdi(Hca hca) {
            super(0x9025, "MNVDI", HEADER);
            this.hca = hca;
        }

        @Override
        void read(RegIo io) {
            throw FirmwareError.badParam(name + ".write_only", "MNVDI is an operation (write it)");
        }

        @Override
        void write(RegIo io) {
            NvStore.Entry e = hca.nv.find(name, io.inInt(0x04, 31, 24), io.inInt(0x04, 23, 0));
            if (!e.writable) throw FirmwareError.badParam(name + ".read_only", e.item.label() + " cannot be written");
            e.invalidate();
        }
    }

    static final class Mnvqc extends Register {
        private final Hca hca;

        Mnvqc(Hca hca) {
            super(0x9030, "MNVQC", 0x08);
            this.hca = hca;
        }

        @Override
        void read(RegIo io) {
            int cls = io.inInt(0x00, 31, 24);
            if (!hca.nv.knownClass(cls)) throw FirmwareError.badParam(name + ".bad_type_class", "type_class " + cls + " is not a configuration item class");
            NvStore.Entry e = hca.nv.lookup(cls, io.inInt(0x00, 23, 0));
            io.zero(0x04, 4);
            if (e == null) return; // not supported: support_rd = support_wr = 0
            io.set(0x04, 0, 0, 1);
            io.set(0x04, 1, 1, e.writable ? 1 : 0);
            io.set(0x04, 7, 4, e.version);
        }
    }

    static final class Mnvia extends Register {
        private final Hca hca;

        Mnvia(Hca hca) {
            super(0x9033, "MNVIA", 0x08);
            this.hca = hca;
        }

        @Override
        void read(RegIo io) {
            throw FirmwareError.badParam(name + ".write_only", "MNVIA is an operation (write it)");
        }

        @Override
        void write(RegIo io) {
            int target = io.inInt(0x00, 2, 0);
            if (target != 0) throw FirmwareError.badParam(name + ".bad_target", "target " + target + " is reserved (0 = ALL)");
            hca.nv.invalidateAll();
        }
    }

    static final class Mnvgc extends Register {
        Mnvgc() {
            super(0x9034, "MNVGC", 0x10);
        }

        @Override
        void read(RegIo io) {
            io.zero(0, 0x10);
            io.set(0x00, 1, 0, 0x3); // reads CURRENT and FACTORY; no other hosts
        }
    }

    static final class Mnvgn extends Register {
        private final Hca hca;

        Mnvgn(Hca hca) {
            super(0x9035, "MNVGN", 0x1c);
            this.hca = hca;
        }

        @Override
        void read(RegIo io) {
            long after = io.inU32(0x00);
            List<NvStore.Entry> all = hca.nv.entries();
            boolean any = false;
            io.zero(0x04, io.outDataLen() - 0x04);
            for (int i = 0; i < all.size(); i++) {
                NvStore.Entry e = all.get(i);
                if (!e.stored()) continue;
                any = true;
                if (i + 1 <= after) continue;
                byte[] data = e.data(0);
                io.u32(0x00, i + 1);
                header(io, 0x10, e, 0, data.length);
                io.bytes(0x1c, data, 0, data.length);
                return;
            }
            if (!any) throw new FirmwareError(FwStatus.BAD_RES, name + ".empty", "no item is stored in NV");
            io.u32(0x00, 0);
        }
    }
}
