package fwsh.emu;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * RESOURCE_DUMP 0xC000. A request builds the whole segment stream (INFO, COMMAND, then the menu or
 * resource/notice segments, then TERMINATE) and serves it in pieces: 208 bytes of inline_data per
 * call, or up to {@code size} bytes DMA'd through mkey/address. While more_dump is set the caller
 * echoes device_opaque (which names the stream) and seq_num, and gets back seq_num = in + 1 mod 16.
 */
final class ResourceDump extends Register {
    static final int ID = 0xc000;
    static final int INLINE_DATA = 0x30;
    static final int INLINE_MAX = 208;
    static final int MENU = 0xffff;
    static final int SEG_INFO = 0xfffe;
    static final int SEG_COMMAND = 0xfffa;
    static final int SEG_TERMINATE = 0xfffb;
    static final int SEG_NOTICE = 0xfff9;
    static final int SEG_ERROR = 0xfffc;
    static final int NUM_ALL = 0xffff;
    static final int NUM_ACTIVE = 0xfffe;

    record MenuRecord(int type, String name, String index1, String index2) {
    }

    /** The CX6Dx menu (device-mechanisms.md §4.1). */
    static final List<MenuRecord> MENU_RECORDS = List.of(
            r(0x2, "HW_CQPC", "QPN", ""), r(0x3, "HW_SQPC", "QPN", ""), r(0x4, "HW_RQPC", "QPN", ""),
            r(0x1100, "FULL_SRQC", "SRQN", ""), r(0x1200, "FULL_CQC", "CQN", ""), r(0x1300, "FULL_EQC", "EQN", ""),
            r(0x1000, "FULL_QPC", "QPN", ""), r(0x1001, "SND_BUFF", "QPN", "WQEBB"), r(0x1002, "RCV_BUFF", "QPN", "DS"),
            r(0x1101, "SRQ_BUFF", "SRQN", "DS"), r(0x1201, "CQ_BUFF", "CQN", "CQE"), r(0x1301, "EQ_BUFF", "EQN", "EQE"),
            r(0x3000, "SX_SLICE", "SLICE", ""), r(0x3001, "SX_SLICE_ALL", "", ""), r(0x2000, "RX_SLICE", "SLICE", ""),
            r(0x2001, "RX_SLICE_ALL", "", ""), r(0x21, "MKEY_CONTEXT", "MKEY_IX", ""), r(0x5, "RDB_CONTEXT", "QPN", "RDB_IX"),
            r(0x1310, "STE_RANGE", "", ""), r(0x1311, "STE_ALL", "", ""), r(0x1010, "FUNC_SYND_REC", "", ""),
            r(0x1312, "STE_GLOBAL_RNG", "", ""), r(0x1313, "STE_ROOT", "", ""), r(0x2020, "ICMC_INFO", "SET", ""),
            r(0x4000, "PRM_QUERY_QP", "QPN", ""), r(0x4020, "PRM_QUERY_CQ", "CQN", ""), r(0x4030, "PRM_QUERY_MKEY", "MKEY_IDX", ""),
            r(0x4008, "QUERY_VNIC_ENV", "", ""), r(0x1020, "MDFY_HDR_RNG", "", ""), r(0x1021, "MDFY_HDR_ALL", "", ""),
            r(0x4010, "QUERY_FT", "TABLE_ID", ""), r(0x4011, "QUERY_FT_ALL", "", ""), r(0x4012, "QUERY_FG", "TABLE_ID", "GROUP_ID"),
            r(0x4013, "QUERY_FG_ALL", "", ""), r(0x4014, "QUERY_FTE", "TABLE_ID", "FLOW_IX"), r(0x4015, "QUERY_FTE_ALL", "", ""),
            r(0x1318, "FLOW_COUNTER", "", ""), r(0x1320, "PKT_REFORMAT", "", ""), r(0x1030, "SHARED_BUFFER", "", ""),
            r(0x103c, "PAGE_HISTOGRAM", "", ""), r(0x1040, "SCHEDQ_INFO", "", ""), r(0x104b, "VQOS_TREE", "", ""),
            r(0x1050, "VQOS_DISTLIST", "", ""), r(0x1048, "VLQ_GVMI_VLQ_SQ", "", ""), r(0x1053, "PACKET_PACING", "", ""));

    private static MenuRecord r(int t, String n, String i1, String i2) {
        return new MenuRecord(t, n, i1, i2);
    }

    private static final class Session {
        final byte[] stream;
        int offset;
        int seq;

        Session(byte[] stream) {
            this.stream = stream;
        }
    }

    private final Hca hca;
    private final Map<Long, Session> sessions = new ConcurrentHashMap<>();
    private final AtomicLong nextOpaque = new AtomicLong(0x5d00_0000_0001L);

    ResourceDump(Hca hca) {
        super(ID, "RESOURCE_DUMP", 0x100);
        this.hca = hca;
    }

    @Override
    void read(RegIo io) {
        dump(io);
    }

    @Override
    void write(RegIo io) {
        dump(io); // the kernel uses op_mod 0, mlx5ctl op_mod 1: both dump
    }

    private void dump(RegIo io) {
        if (hca.caps.debug("resource_dump") == 0) {
            throw FirmwareError.badParam("RESOURCE_DUMP.unsupported", "the DEBUG cap resource_dump is 0 on this profile");
        }
        boolean inline = io.in(0x00, 30, 30) != 0;
        int seq = io.inInt(0x00, 19, 16);
        long opaque = io.inU64(0x18);
        Session s;
        if (opaque == 0) {
            if (seq != 0) throw FirmwareError.badParam("RESOURCE_DUMP.bad_first_seq", "seq_num must be 0 on the first call, got " + seq);
            s = new Session(stream(io.inInt(0x00, 15, 0), io.inInt(0x04, 15, 0), io.inU32(0x08), io.inU32(0x0c),
                    io.inInt(0x10, 31, 16), io.inInt(0x10, 15, 0)));
            opaque = nextOpaque.getAndIncrement();
            if (sessions.size() > 256) sessions.clear(); // abandoned dumps: drop them all rather than grow forever
            sessions.put(opaque, s);
        } else {
            s = sessions.get(opaque);
            if (s == null) throw FirmwareError.badParam("RESOURCE_DUMP.unknown_opaque", "device_opaque 0x" + Long.toHexString(opaque) + " names no dump in progress; start again with 0");
        }
        int n;
        synchronized (s) {
            if (seq != s.seq) throw FirmwareError.badParam("RESOURCE_DUMP.bad_seq_num", "seq_num " + seq + " does not continue the dump (expected " + s.seq + ")");
            int remaining = s.stream.length - s.offset;
            io.zero(INLINE_DATA, INLINE_MAX);
            if (inline) {
                n = Math.min(INLINE_MAX, remaining);
                io.bytes(INLINE_DATA, s.stream, s.offset, n);
            } else {
                int mkey = (int) io.inU32(0x20);
                long size = io.inU32(0x24);
                long addr = io.inU64(0x28);
                long room = hca.objects.room(mkey, addr);
                if (room < 0) throw FirmwareError.badParam("RESOURCE_DUMP.bad_mkey", "mkey 0x" + Integer.toHexString(mkey) + " does not map address 0x" + Long.toHexString(addr));
                if (size == 0) throw FirmwareError.badParam("RESOURCE_DUMP.zero_size", "size must give the buffer length for mkey mode");
                n = (int) Math.min(Math.min(size, room), remaining);
                hca.objects.dmaWrite(mkey, addr, s.stream, s.offset, n, "RESOURCE_DUMP");
            }
            s.offset += n;
            s.seq = (seq + 1) & 0xf;
            boolean more = s.offset < s.stream.length;
            if (!more) sessions.remove(opaque);
            io.set(0x00, 31, 31, more ? 1 : 0);
            io.set(0x00, 19, 16, s.seq);
            io.u64(0x18, opaque);
            io.u32(0x24, n);
        }
    }

    /** The full segment stream for a request. */
    byte[] stream(int type, int vhca, long index1, long index2, int num1, int num2) {
        MenuRecord rec = null;
        if (type != MENU) {
            for (MenuRecord m : MENU_RECORDS) if (m.type == type) rec = m;
            if (rec == null) throw FirmwareError.badParam("RESOURCE_DUMP.unknown_segment", "segment_type 0x" + Integer.toHexString(type) + " is not in the menu; dump 0xFFFF to list them");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] fw = hca.profile.fwVersion();
        byte[] info = seg(16, SEG_INFO);
        Prm.set(info, 0, 0x04, 7, 0, 1);
        Prm.u32(info, 0x08, hca.profile.num("hwId"));
        Prm.u32(info, 0x0c, ((long) fw[0] << 24) | ((long) (fw[1] & 0xff) << 16) | (fw[2] & 0xffff));
        out.writeBytes(info);
        byte[] cmd = seg(20, SEG_COMMAND);
        Prm.set(cmd, 0, 0x04, 31, 16, type);
        Prm.set(cmd, 0, 0x04, 15, 0, vhca);
        Prm.u32(cmd, 0x08, index1);
        Prm.u32(cmd, 0x0c, index2);
        Prm.set(cmd, 0, 0x10, 31, 16, num1);
        Prm.set(cmd, 0, 0x10, 15, 0, num2);
        out.writeBytes(cmd);
        if (type == MENU) {
            byte[] menu = seg(8 + 52 * MENU_RECORDS.size(), MENU);
            Prm.set(menu, 0, 0x04, 15, 0, MENU_RECORDS.size());
            for (int i = 0; i < MENU_RECORDS.size(); i++) {
                MenuRecord m = MENU_RECORDS.get(i);
                int b = 8 + 52 * i;
                boolean i1 = !m.index1.isEmpty();
                boolean i2 = !m.index2.isEmpty();
                Prm.set(menu, b, 0x00, 15, 0, m.type);
                Prm.set(menu, b, 0x00, 16, 16, i1 ? 1 : 0);           // support_index1
                Prm.set(menu, b, 0x00, 20, 20, i1 ? 1 : 0);           // support_num_of_obj1
                Prm.set(menu, b, 0x00, 22, 22, i1 ? 1 : 0);           // num_of_obj1_supports_all
                Prm.set(menu, b, 0x00, 23, 23, i1 ? 1 : 0);           // num_of_obj1_supports_active
                Prm.set(menu, b, 0x00, 18, 18, i2 ? 1 : 0);           // support_index2
                Prm.set(menu, b, 0x00, 24, 24, i2 ? 1 : 0);           // support_num_of_obj2
                Prm.set(menu, b, 0x00, 26, 26, m.name.equals("SND_BUFF") ? 1 : 0);
                Prm.ascii(menu, b + 0x04, 16, m.name);
                Prm.ascii(menu, b + 0x14, 16, m.index1);
                Prm.ascii(menu, b + 0x24, 16, m.index2);
            }
            out.writeBytes(menu);
        } else {
            List<Long> objects = objects(type);
            if (objects == null) {
                out.writeBytes(notice(0x1, "segment not modelled"));
            } else {
                List<Long> picked = pick(objects, index1, num1, rec);
                if (picked.isEmpty()) {
                    byte[] err = seg(48, SEG_ERROR);
                    Prm.set(err, 0, 0x04, 15, 0, 0x2);
                    Prm.ascii(err, 0x10, 32, "object " + index1 + " not found");
                    out.writeBytes(err);
                }
                for (long idx : picked) out.writeBytes(resource(type, idx, index2));
            }
        }
        out.writeBytes(seg(4, SEG_TERMINATE));
        return out.toByteArray();
    }

    private static byte[] seg(int bytes, int type) {
        byte[] s = new byte[bytes];
        Prm.set(s, 0, 0x00, 31, 16, bytes / 4);
        Prm.set(s, 0, 0x00, 15, 0, type);
        return s;
    }

    private static byte[] notice(int syndrome, String text) {
        byte[] s = seg(48, SEG_NOTICE);
        Prm.set(s, 0, 0x04, 15, 0, syndrome);
        Prm.ascii(s, 0x10, 32, text);
        return s;
    }

    /** Object indexes that exist for a segment type, or null when the type has no model. */
    private List<Long> objects(int type) {
        List<Long> out = new ArrayList<>();
        switch (type) {
            case 0x1300, 0x1301 -> { for (long i = 0; i < 4; i++) out.add(i); }
            case 0x1200, 0x1201, 0x4020 -> { for (long i = 0; i < 8; i++) out.add(i); }
            case 0x1000, 0x1001, 0x1002, 0x2, 0x3, 0x4, 0x4000 -> { for (long i = 0; i < 8; i++) out.add(0x100 + i); }
            case 0x1100, 0x1101 -> { }
            case 0x21, 0x4030 -> hca.objects.mkeys.keySet().stream().sorted().forEach(k -> out.add((long) (k >>> 8)));
            default -> { return null; }
        }
        return out;
    }

    private static List<Long> pick(List<Long> all, long index1, int num1, MenuRecord rec) {
        List<Long> out = new ArrayList<>();
        if (rec.index1.isEmpty() || num1 == NUM_ALL || num1 == NUM_ACTIVE) return all;
        int want = Math.max(1, num1);
        for (long i : all) if (i >= index1 && out.size() < want) out.add(i);
        if (!out.isEmpty() && out.get(0) != index1) out.clear();
        return out;
    }

    private byte[] resource(int type, long index1, long index2) {
        byte[] s = seg(0x10 + 64, type);
        Prm.u32(s, 0x08, index1);
        Prm.u32(s, 0x0c, index2);
        SplittableRandom rnd = new SplittableRandom(hca.seed ^ ((long) type << 32) ^ index1);
        for (int i = 0; i < 64; i += 4) Prm.u32(s, 0x10 + i, rnd.nextInt() & 0xffffffffL);
        Prm.u32(s, 0x10, index1);   // contexts start with their own number
        return s;
    }
}
