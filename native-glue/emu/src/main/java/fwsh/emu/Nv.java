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
 * Field positions come from the catalog (nv.prm); MNVDA and MNVGN accept a request cut after the item header, as
 * the item data is only as long as its length says.
 */
final class Nv {
    private Nv() {
    }

    static List<Register> registers(Hca hca) {
        return List.of(new Mnvda(hca), new Mnvdi(hca), new Mnvqc(hca), new Mnvia(hca), new Mnvgc(), new Mnvgn(hca));
    }

    /** The configuration item header (config_item) where a register's layout has it: the one place it is decoded. */
    static final class Header {
        private final RegField area, accessMode, writerId, length, typeClass, typeIndex;
        private final int factory;

        Header(RegLayout l, String path) {
            area = l.area(path);
            accessMode = l.field(path + ".access_mode");
            writerId = l.field(path + ".writer_id");
            length = l.field(path + ".length");
            typeClass = l.field(path + ".type_class");
            typeIndex = l.field(path + ".type_index");
            factory = l.enumValue(path + ".access_mode", "FACTORY");
        }

        int mode(RegIo io, String reg) {
            int mode = io.inInt(accessMode);
            if (mode > factory) throw FirmwareError.badParam(reg + ".bad_access_mode", "access_mode " + mode + " is reserved (0 NEXT, 1 CURRENT, 2 FACTORY)");
            return mode;
        }

        NvStore.Entry find(RegIo io, Hca hca, String reg) {
            return hca.nv.find(reg, io.inInt(typeClass), io.inInt(typeIndex));
        }

        int length(RegIo io) {
            return io.inInt(length);
        }

        /** The header's fields in the reply, for an item's data in one access mode. */
        void reply(RegIo io, NvStore.Entry e, int mode, int dataLength) {
            io.zero(area);
            io.set(accessMode, mode);
            io.set(writerId, e.writer(mode));
            io.set(length, dataLength);
            io.set(typeClass, e.item.typeClass());
            io.set(typeIndex, e.item.typeIndex());
        }
    }

    static final class Mnvda extends Register {
        private final Hca hca;
        private final Header header;
        private final RegField data;

        Mnvda(Hca hca) {
            this(hca, RegLayout.of("MNVDA"));
        }

        private Mnvda(Hca hca, RegLayout l) {
            super(l, l.area("configuration_item_header").end());
            this.hca = hca;
            header = new Header(l, "configuration_item_header");
            data = l.area("configuration_item_data");
        }

        @Override
        void read(RegIo io) {
            int mode = header.mode(io, name);
            NvStore.Entry e = header.find(io, hca, name);
            byte[] bytes = e.data(mode);
            header.reply(io, e, mode, bytes.length);
            io.zeroFrom(data);
            io.bytes(data, bytes, 0, bytes.length);
        }

        @Override
        void write(RegIo io) {
            NvStore.Entry e = header.find(io, hca, name);
            if (header.mode(io, name) != 0) throw FirmwareError.badParam(name + ".write_not_next", "only NEXT (access_mode 0) can be written");
            if (!e.writable) throw FirmwareError.badParam(name + ".read_only", e.item.label() + " cannot be written");
            int length = header.length(io);
            TlvDef t = e.item.def();
            int at = data.byteOffset();
            if (length == 0 || length > t.size() || at + length > io.inDataLen()) {
                throw FirmwareError.badParam(name + ".bad_length", "length " + length + " for " + e.item.label() + " (" + t.size()
                        + " bytes; the mailbox carries " + Math.max(0, io.inDataLen() - at) + ")");
            }
            e.write(io.inBytes(data, length), length, WriterId.COMMAND_INTERFACE);
            header.reply(io, e, 0, t.size());
        }
    }

    static final class Mnvdi extends Register {
        private final Hca hca;
        private final Header header;

        Mnvdi(Hca hca) {
            this(hca, RegLayout.of("MNVDI"));
        }

        private Mnvdi(Hca hca, RegLayout l) {
            super(l);
            this.hca = hca;
            header = new Header(l, "configuration_item_header");
        }

        @Override
        void read(RegIo io) {
            throw FirmwareError.badParam(name + ".write_only", "MNVDI is an operation (write it)");
        }

        @Override
        void write(RegIo io) {
            NvStore.Entry e = header.find(io, hca, name);
            if (!e.writable) throw FirmwareError.badParam(name + ".read_only", e.item.label() + " cannot be written");
            e.invalidate();
        }
    }

    static final class Mnvqc extends Register {
        private final Hca hca;
        private final RegField typeClass, typeIndex, supportRd, supportWr, version, caps;

        Mnvqc(Hca hca) {
            this(hca, RegLayout.of("MNVQC"));
        }

        private Mnvqc(Hca hca, RegLayout l) {
            super(l);
            this.hca = hca;
            typeClass = l.field("type_class");
            typeIndex = l.field("type_index");
            supportRd = l.field("support_rd");
            supportWr = l.field("support_wr");
            version = l.field("version");
            caps = l.after("type_index");
        }

        @Override
        void read(RegIo io) {
            int cls = io.inInt(typeClass);
            if (!hca.nv.knownClass(cls)) throw FirmwareError.badParam(name + ".bad_type_class", "type_class " + cls + " is not a configuration item class");
            NvStore.Entry e = hca.nv.lookup(cls, io.inInt(typeIndex));
            io.zero(caps);
            if (e == null) return; // not supported: support_rd = support_wr = 0
            io.set(supportRd, 1);
            io.set(supportWr, e.writable ? 1 : 0);
            io.set(version, e.version);
        }
    }

    static final class Mnvia extends Register {
        private final Hca hca;
        private final RegField target;
        private final int all;

        Mnvia(Hca hca) {
            this(hca, RegLayout.of("MNVIA"));
        }

        private Mnvia(Hca hca, RegLayout l) {
            super(l);
            this.hca = hca;
            target = l.field("target");
            all = l.enumValue("target", "ALL");
        }

        @Override
        void read(RegIo io) {
            throw FirmwareError.badParam(name + ".write_only", "MNVIA is an operation (write it)");
        }

        @Override
        void write(RegIo io) {
            int t = io.inInt(target);
            if (t != all) throw FirmwareError.badParam(name + ".bad_target", "target " + t + " is reserved (0 = ALL)");
            hca.nv.invalidateAll();
        }
    }

    static final class Mnvgc extends Register {
        private final RegField readCurrent, readFactory, all;

        Mnvgc() {
            this(RegLayout.of("MNVGC"));
        }

        private Mnvgc(RegLayout l) {
            super(l);
            readCurrent = l.field("nvda_read_current_settings");
            readFactory = l.field("nvda_read_factory_settings");
            all = l.all();
        }

        @Override
        void read(RegIo io) {
            io.zero(all);
            io.set(readCurrent, 1);   // reads CURRENT and FACTORY; no other hosts
            io.set(readFactory, 1);
        }
    }

    static final class Mnvgn extends Register {
        private final Hca hca;
        private final RegField nvPointer, rest, data;
        private final Header header;

        Mnvgn(Hca hca) {
            this(hca, RegLayout.of("MNVGN"));
        }

        private Mnvgn(Hca hca, RegLayout l) {
            super(l, l.area("configuration_item_data").byteOffset());
            this.hca = hca;
            nvPointer = l.field("nv_pointer");
            rest = l.after("nv_pointer");
            data = l.area("configuration_item_data");
            header = new Header(l, "configuration_item_header");
        }

        @Override
        void read(RegIo io) {
            long after = io.in(nvPointer);
            List<NvStore.Entry> all = hca.nv.entries();
            boolean any = false;
            io.zeroFrom(rest);
            for (int i = 0; i < all.size(); i++) {
                NvStore.Entry e = all.get(i);
                if (!e.stored()) continue;
                any = true;
                if (i + 1 <= after) continue;
                byte[] bytes = e.data(0);
                io.set(nvPointer, i + 1);
                header.reply(io, e, 0, bytes.length);
                io.bytes(data, bytes, 0, bytes.length);
                return;
            }
            if (!any) throw new FirmwareError(FwStatus.BAD_RES, name + ".empty", "no item is stored in NV");
            io.set(nvPointer, 0);
        }
    }
}
