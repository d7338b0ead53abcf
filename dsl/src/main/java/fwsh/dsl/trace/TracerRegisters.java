package fwsh.dsl.trace;

import fwsh.base.FwshException;
import fwsh.dsl.engine.Decoded;
import fwsh.dsl.engine.DeviceAccess;
import fwsh.dsl.engine.Register;
import fwsh.trace.MtrcCap;
import fwsh.trace.StringDb;
import fwsh.wire.Field;
import fwsh.wire.Value;

import java.util.Arrays;
import java.util.Map;

/**
 * The tracer's registers as the driver uses them (MCAM, MTRC_CAP, MTRC_STDB, MTRC_CONF, MTRC_CTRL), each read and
 * written through the catalog's layouts, so field positions live in one place.
 */
final class TracerRegisters {
    static final int FIRST = 0x9040, LAST = 0x9043;   // MTRC_CAP .. MTRC_CTRL
    private static final int MCAM_BASE = 0x9000;

    private final DeviceAccess device;

    TracerRegisters(DeviceAccess device) {
        this.device = device;
    }

    private Register reg(String name) {
        return device.getReg().get(name);
    }

    /** MCAM group 0 lists MTRC_CAP..MTRC_CTRL (bit i of mng_access_reg_cap_mask, from the LSB of its last byte, is 0x9000+i). */
    boolean present() {
        Value mcam = reg("MCAM").read(Map.of("access_reg_group", 0, "feature_group", 0)).value();
        byte[] mask = (byte[]) mcam.get("mng_access_reg_cap_mask");
        for (int id = FIRST; id <= LAST; id++) {
            int bit = id - MCAM_BASE;
            int at = mask.length - 1 - bit / 8;
            if (at < 0 || ((mask[at] >> (bit % 8)) & 1) == 0) return false;
        }
        return true;
    }

    MtrcCap cap() {
        return mtrcCap(reg("MTRC_CAP").read().value());
    }

    static MtrcCap mtrcCap(Value v) {
        int n = (int) v.getLong("num_string_db");
        if (n > MtrcCap.MAX_STRING_DB) {
            throw new FwshException("MTRC_CAP num_string_db " + n + " exceeds the maximum of " + MtrcCap.MAX_STRING_DB);
        }
        long[] base = new long[n];
        int[] size = new int[n];
        for (int i = 0; i < n; i++) {
            base[i] = v.getLong("string_db_param[" + i + "].string_db_base_address");
            size[i] = (int) v.getLong("string_db_param[" + i + "].string_db_size");
        }
        return new MtrcCap(v.getLong("trace_owner") != 0, v.getLong("trace_to_memory") != 0, (int) v.getLong("trc_ver"), n,
                (int) v.getLong("first_string_trace"), (int) v.getLong("num_string_trace"),
                (int) v.getLong("log_max_trace_buffer_size"), base, size);
    }

    /** MTRC_CAP write trace_owner=1; true when the answer says this function owns the tracer now. */
    boolean requestOwnership() {
        Decoded r = reg("MTRC_CAP").write(Map.of("trace_owner", 1));
        return ((Number) r.getProperty("trace_owner")).intValue() == 1;
    }

    void releaseOwnership() {
        reg("MTRC_CAP").write(Map.of("trace_owner", 0));
    }

    /** The whole string DB with the driver's MTRC_STDB read plan (256-byte reads, then 64-byte reads). */
    StringDb stringDb(MtrcCap cap) {
        Register stdb = reg("MTRC_STDB");
        Field data = stdb.getLayout().field("string_db_data");
        return StringDb.load(cap, (index, offset, size) -> {
            byte[] b = stdb.read(Map.of("string_db_index", index, "read_size", size, "start_offset", offset), size).value().bytes();
            if (b.length < data.byteOffset() + size) {
                throw new FwshException("MTRC_STDB read of section " + index + " returned " + Math.max(0, b.length - data.byteOffset())
                        + " data bytes, expected " + size);
            }
            return Arrays.copyOfRange(b, data.byteOffset(), data.byteOffset() + size);
        });
    }

    /** MTRC_CONF: memory mode into the buffer behind {@code mkey}, 2^logPages pages. */
    void configure(int mkey, int logPages) {
        reg("MTRC_CONF").write(Map.of("trace_mode", "trace_to_memory", "log_trace_buffer_size", logPages,
                "trace_mkey", mkey & 0xFFFFFFFFL));
    }

    /** MTRC_CTRL: active, and arm one traces-available event. */
    void activate() {
        reg("MTRC_CTRL").write(Map.of("modify_field_select", 1, "trace_status", "active", "arm_event", 1));
    }

    /** MTRC_CTRL: disabled (the firmware stops writing into the buffer). */
    void disable() {
        reg("MTRC_CTRL").write(Map.of("modify_field_select", 1, "trace_status", "disabled"));
    }

    /** cap.general.device_frequency_khz. */
    long deviceFrequencyKHz() {
        Object v = device.getCap().get("general").getProperty("device_frequency_khz");
        return v instanceof Number n ? n.longValue() : 0;
    }
}
