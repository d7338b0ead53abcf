package fwsh.dsl.nv;

import fwsh.dsl.engine.Decoded;
import fwsh.dsl.engine.DeviceAccess;
import fwsh.dsl.engine.FirmwareStatusException;
import fwsh.dsl.engine.Register;
import fwsh.nv.NvItem;
import fwsh.wire.Value;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One NV item through the NV registers, by the device's register path (scope, journal, firmware status): MNVQC for
 * support, MNVDA to read (NEXT, CURRENT, FACTORY) and write NEXT, MNVDI and MNVIA to invalidate, MNVGC for what MNVDA
 * can read. Safe from several threads at once.
 */
final class NvRegisters {
    static final int NEXT = 0, CURRENT = 1, FACTORY = 2;
    /** MLX5_CMD_STAT_BAD_RES_ERR: mstflint's ME_REG_ACCESS_RES_NOT_AVLBL, what a device answers for an item it lacks. */
    static final int BAD_RES = 0x5;

    private final DeviceAccess dev;

    NvRegisters(DeviceAccess dev) {
        this.dev = dev;
    }

    record Support(boolean read, boolean write, int version) {
    }

    /** Data and writer of an item in one access mode. */
    record ItemData(byte[] data, int writer) {
    }

    Support support(NvItem item) {
        Decoded d = reg("MNVQC").read(Map.of("type_class", item.typeClass(), "type_index", item.typeIndex()));
        Value v = d.value();
        return new Support(v.getLong("support_rd") == 1, v.getLong("support_wr") == 1, (int) v.getLong("version"));
    }

    /** The item in one mode, or null when the device answers BAD_RES (nothing to read, as mlxconfig takes it). */
    ItemData read(NvItem item, int mode) {
        Decoded d;
        try {
            d = reg("MNVDA").read(Map.of("configuration_item_header", header(item, mode)));
        } catch (FirmwareStatusException e) {
            if (e.getStatus() == BAD_RES) return null;
            throw e;
        }
        Value v = d.value();
        byte[] all = (byte[]) v.get("configuration_item_data");
        int len = (int) Math.min(v.getLong("configuration_item_header.length"), all.length);
        byte[] data = Arrays.copyOf(Arrays.copyOf(all, len), item.def().size());
        return new ItemData(data, (int) v.getLong("configuration_item_header.writer_id"));
    }

    void write(NvItem item, byte[] data, Map<String, ?> journaled, Supplier<Object> before) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("configuration_item_header", header(item, NEXT));
        fields.put("configuration_item_data", data);
        reg("MNVDA").write(fields, journaled, before);
    }

    void invalidate(NvItem item, Map<String, ?> journaled, Supplier<Object> before) {
        reg("MNVDI").write(Map.of("configuration_item_header", header(item, NEXT)), journaled, before);
    }

    void invalidateAll(Map<String, ?> journaled, Supplier<Object> before) {
        reg("MNVIA").write(Map.of("target", 0), journaled, before);
    }

    /** [reads CURRENT, reads FACTORY]. */
    boolean[] readable() {
        Value v = reg("MNVGC").read().value();
        return new boolean[]{v.getLong("nvda_read_current_settings") == 1, v.getLong("nvda_read_factory_settings") == 1};
    }

    private static Map<String, Object> header(NvItem item, int mode) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("access_mode", mode);
        h.put("length", item.def().size());
        h.put("type_class", item.typeClass());
        h.put("type_index", item.typeIndex());
        return h;
    }

    private Register reg(String name) {
        return dev.getReg().get(name);
    }
}
