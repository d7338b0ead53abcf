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
 * The register and the segments are laid out by the catalog (RESOURCE_DUMP, resource_dump.prm).
 */
final class ResourceDump extends Register {
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
    private final RegField moreDump, inlineDump, seqNum, segmentType, vhcaId, index1F, index2F, numOfObj1, numOfObj2, deviceOpaque,
            mkeyF, sizeF, addressF, inlineData;
    private final Segments seg = new Segments();

    ResourceDump(Hca hca) {
        this(hca, RegLayout.of("RESOURCE_DUMP"));
    }

    private ResourceDump(Hca hca, RegLayout l) {
        super(l);
        this.hca = hca;
        moreDump = l.field("more_dump");
        inlineDump = l.field("inline_dump");
        seqNum = l.field("seq_num");
        segmentType = l.field("segment_type");
        vhcaId = l.field("vhca_id");
        index1F = l.field("index1");
        index2F = l.field("index2");
        numOfObj1 = l.field("num_of_obj1");
        numOfObj2 = l.field("num_of_obj2");
        deviceOpaque = l.field("device_opaque");
        mkeyF = l.field("mkey");
        sizeF = l.field("size");
        addressF = l.field("address");
        inlineData = l.area("inline_data");
    }

    /** The segment layouts of resource_dump.prm, resolved once. */
    private static final class Segments {
        final int menu, info, command, terminate, notice, error;
        final RegField length, type;
        final RegLayout infoL = RegLayout.structure("resource_dump_info_segment");
        final RegField dumpVersion = infoL.field("dump_version"), hwVersion = infoL.field("hw_version"), fwVersion = infoL.field("fw_version");
        final RegLayout commandL = RegLayout.structure("resource_dump_command_segment");
        final RegField segmentCalled = commandL.field("segment_called"), cmdVhca = commandL.field("vhca_id"),
                cmdIndex1 = commandL.field("index1"), cmdIndex2 = commandL.field("index2"),
                cmdNum1 = commandL.field("num_of_obj1"), cmdNum2 = commandL.field("num_of_obj2");
        final RegLayout menuL = RegLayout.structure("resource_dump_menu_segment");
        final RegField numOfRecords = menuL.field("num_of_records"), records = menuL.area("record");
        final RegLayout recordL = RegLayout.structure("resource_dump_menu_record");
        final RegField recType = recordL.field("segment_type"), supportIndex1 = recordL.field("support_index1"),
                supportNum1 = recordL.field("support_num_of_obj1"), num1All = recordL.field("num_of_obj1_supports_all"),
                num1Active = recordL.field("num_of_obj1_supports_active"), supportIndex2 = recordL.field("support_index2"),
                supportNum2 = recordL.field("support_num_of_obj2"), num2All = recordL.field("num_of_obj2_supports_all"),
                segmentName = recordL.field("segment_name"), index1Name = recordL.field("index1_name"), index2Name = recordL.field("index2_name");
        final RegLayout errorL = RegLayout.structure("resource_dump_error_segment");
        final RegField errSyndrome = errorL.field("syndrome_id"), errText = errorL.field("error");
        final RegLayout noticeL = RegLayout.structure("resource_dump_notice_segment");
        final RegField noticeSyndrome = noticeL.field("syndrome_id"), noticeText = noticeL.field("notice");
        final RegLayout resourceL = RegLayout.structure("resource_dump_resource_segment");
        final RegField resIndex1 = resourceL.field("index1"), resIndex2 = resourceL.field("index2"), payload = resourceL.area("payload");
        final int terminateBytes = RegLayout.structure("resource_dump_terminate_segment").layout().sizeBytes();

        Segments() {
            RegLayout h = RegLayout.structure("resource_dump_segment_header");
            length = h.field("length_dw");
            type = h.field("segment_type");
            menu = h.enumValue("segment_type", "menu");
            info = h.enumValue("segment_type", "info");
            command = h.enumValue("segment_type", "command");
            terminate = h.enumValue("segment_type", "terminate");
            notice = h.enumValue("segment_type", "notice");
            error = h.enumValue("segment_type", "error");
        }

        /** A segment of {@code bytes} with its header filled in. */
        byte[] of(int bytes, int segType) {
            byte[] s = new byte[bytes];
            length.set(s, 0, bytes / 4);
            type.set(s, 0, segType);
            return s;
        }

        static int size(RegLayout l) {
            return l.layout().sizeBytes();
        }
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
        boolean inline = io.in(inlineDump) != 0;
        int seq = io.inInt(seqNum);
        long opaque = io.in(deviceOpaque);
        Session s;
        if (opaque == 0) {
            if (seq != 0) throw FirmwareError.badParam("RESOURCE_DUMP.bad_first_seq", "seq_num must be 0 on the first call, got " + seq);
            s = new Session(stream(io.inInt(segmentType), io.inInt(vhcaId), io.in(index1F), io.in(index2F),
                    io.inInt(numOfObj1), io.inInt(numOfObj2)));
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
            io.zero(inlineData);
            if (inline) {
                n = Math.min(inlineData.bytes(), remaining);
                io.bytes(inlineData, s.stream, s.offset, n);
            } else {
                int mkey = io.inInt(mkeyF);
                long size = io.in(sizeF);
                long addr = io.in(addressF);
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
            io.set(moreDump, more ? 1 : 0);
            io.set(seqNum, s.seq);
            io.set(deviceOpaque, opaque);
            io.set(sizeF, n);
        }
    }

    /** The full segment stream for a request. */
    byte[] stream(int type, int vhca, long index1, long index2, int num1, int num2) {
        MenuRecord rec = null;
        if (type != seg.menu) {
            for (MenuRecord m : MENU_RECORDS) if (m.type == type) rec = m;
            if (rec == null) throw FirmwareError.badParam("RESOURCE_DUMP.unknown_segment", "segment_type 0x" + Integer.toHexString(type) + " is not in the menu; dump 0xFFFF to list them");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] fw = hca.profile.fwVersion();
        byte[] info = seg.of(Segments.size(seg.infoL), seg.info);
        seg.dumpVersion.set(info, 0, 1);
        seg.hwVersion.set(info, 0, hca.profile.num("hwId"));
        seg.fwVersion.set(info, 0, ((long) fw[0] << 24) | ((long) (fw[1] & 0xff) << 16) | (fw[2] & 0xffff));
        out.writeBytes(info);
        byte[] cmd = seg.of(Segments.size(seg.commandL), seg.command);
        seg.segmentCalled.set(cmd, 0, type);
        seg.cmdVhca.set(cmd, 0, vhca);
        seg.cmdIndex1.set(cmd, 0, index1);
        seg.cmdIndex2.set(cmd, 0, index2);
        seg.cmdNum1.set(cmd, 0, num1);
        seg.cmdNum2.set(cmd, 0, num2);
        out.writeBytes(cmd);
        if (type == seg.menu) {
            int recBytes = Segments.size(seg.recordL);
            int first = seg.records.byteOffset();
            byte[] menu = seg.of(first + recBytes * MENU_RECORDS.size(), seg.menu);
            seg.numOfRecords.set(menu, 0, MENU_RECORDS.size());
            for (int i = 0; i < MENU_RECORDS.size(); i++) {
                MenuRecord m = MENU_RECORDS.get(i);
                int b = first + recBytes * i;
                boolean i1 = !m.index1.isEmpty();
                boolean i2 = !m.index2.isEmpty();
                seg.recType.set(menu, b, m.type);
                seg.supportIndex1.set(menu, b, i1 ? 1 : 0);
                seg.supportNum1.set(menu, b, i1 ? 1 : 0);
                seg.num1All.set(menu, b, i1 ? 1 : 0);
                seg.num1Active.set(menu, b, i1 ? 1 : 0);
                seg.supportIndex2.set(menu, b, i2 ? 1 : 0);
                seg.supportNum2.set(menu, b, i2 ? 1 : 0);
                seg.num2All.set(menu, b, m.name.equals("SND_BUFF") ? 1 : 0);
                seg.segmentName.ascii(menu, b, m.name);
                seg.index1Name.ascii(menu, b, m.index1);
                seg.index2Name.ascii(menu, b, m.index2);
            }
            out.writeBytes(menu);
        } else {
            List<Long> objects = objects(type);
            if (objects == null) {
                out.writeBytes(notice(0x1, "segment not modelled"));
            } else {
                List<Long> picked = pick(objects, index1, num1, rec);
                if (picked.isEmpty()) {
                    byte[] err = seg.of(Segments.size(seg.errorL), seg.error);
                    seg.errSyndrome.set(err, 0, 0x2);
                    seg.errText.ascii(err, 0, "object " + index1 + " not found");
                    out.writeBytes(err);
                }
                for (long idx : picked) out.writeBytes(resource(type, idx, index2));
            }
        }
        out.writeBytes(seg.of(seg.terminateBytes, seg.terminate));
        return out.toByteArray();
    }

    private byte[] notice(int syndrome, String text) {
        byte[] s = seg.of(Segments.size(seg.noticeL), seg.notice);
        seg.noticeSyndrome.set(s, 0, syndrome);
        seg.noticeText.ascii(s, 0, text);
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

    /** A resource segment: 64 bytes of payload, a context that starts with its own number. */
    private byte[] resource(int type, long index1, long index2) {
        int payload = seg.payload.byteOffset();
        byte[] s = seg.of(payload + 64, type);
        seg.resIndex1.set(s, 0, index1);
        seg.resIndex2.set(s, 0, index2);
        SplittableRandom rnd = new SplittableRandom(hca.seed ^ ((long) type << 32) ^ index1);
        for (int i = 0; i < 64; i += 4) Prm.u32(s, payload + i, rnd.nextInt() & 0xffffffffL);
        Prm.u32(s, payload, index1);
        return s;
    }
}
