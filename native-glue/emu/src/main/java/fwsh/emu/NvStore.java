package fwsh.emu;

import fwsh.nv.BuiltinDatabase;
import fwsh.nv.NvClass;
import fwsh.nv.NvDatabase;
import fwsh.nv.NvException;
import fwsh.nv.NvItem;
import fwsh.nv.NvParam;
import fwsh.nv.ParamDef;
import fwsh.nv.TlvDef;
import fwsh.nv.WriterId;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The device's non-volatile configuration: for each supported item its FACTORY (default), CURRENT (in use since the
 * last reboot) and NEXT (applied at the next reboot) data and who wrote NEXT. Items come from the built-in definitions
 * ({@code nv.items} in the profile), defaults from {@code nv.NAME = value} (mlxconfig name) or
 * {@code nv.ITEM.PARAM = value}; {@code nv.readOnly} lists items that read but cannot be written. Each item locks
 * itself: RPCs for different items never wait for each other.
 */
final class NvStore {
    static final class Entry {
        final NvItem item;
        final boolean writable;
        /** The item version MNVQC reports: high enough for every parameter the definitions have. */
        final int version;
        final byte[] factory;
        private byte[] current;
        private byte[] next;
        private int writer = WriterId.UNSPECIFIED;
        private int currentWriter = WriterId.UNSPECIFIED;

        Entry(NvItem item, boolean writable, byte[] factory) {
            this.item = item;
            this.writable = writable;
            int v = 0;
            for (fwsh.nv.ParamDef p : item.def().params()) v = Math.max(v, p.supportedFromVersion());
            this.version = Math.min(v, 0xf);
            this.factory = factory;
            this.current = factory.clone();
            this.next = factory.clone();
        }

        /** Data and writer for an access mode (0 NEXT, 1 CURRENT, 2 FACTORY). */
        synchronized byte[] data(int mode) {
            return (mode == 0 ? next : mode == 1 ? current : factory).clone();
        }

        synchronized int writer(int mode) {
            return mode == 0 ? writer : mode == 1 ? currentWriter : WriterId.UNSPECIFIED;
        }

        synchronized void write(byte[] data, int length, int writerId) {
            System.arraycopy(data, 0, next, 0, Math.min(length, next.length));
            writer = writerId;
        }

        synchronized void invalidate() {
            next = factory.clone();
            writer = WriterId.UNSPECIFIED;
        }

        synchronized void reboot() {
            current = next.clone();
            currentWriter = writer;
        }

        /** Stored in NV (MNVGN walks these): written since the last invalidate. */
        synchronized boolean stored() {
            return writer != WriterId.UNSPECIFIED || !Arrays.equals(next, factory);
        }
    }

    private final Map<Long, Entry> entries = new LinkedHashMap<>();
    private final int ports;

    NvStore(Profile p, int ports, Collection<TlvDef> extra, int fill) {
        this.ports = ports;
        NvDatabase db = BuiltinDatabase.get();
        List<String> readOnly = list(p.str("nv.readOnly", ""));
        for (String name : list(p.str("nv.items", ""))) {
            TlvDef t = db.tlv(name);
            if (t == null) throw new IllegalArgumentException("profile " + p.key() + ": nv.items names '" + name + "', which the built-in NV list does not define");
            add(t, !t.isCap() && !readOnly.contains(name), 0);
        }
        for (TlvDef t : extra) add(t, !t.isCap(), fill);
        p.under("nv.").forEach((k, v) -> {
            if (k.equals("items") || k.equals("readOnly")) return;
            try {
                setDefault(db, k, v);
            } catch (NvException e) {
                throw new IllegalArgumentException("profile " + p.key() + ": nv." + k + ": " + e.getMessage());
            }
        });
    }

    private static List<String> list(String csv) {
        List<String> out = new ArrayList<>();
        for (String s : csv.split(",")) if (!s.isBlank()) out.add(s.trim());
        return out;
    }

    private void add(TlvDef t, boolean writable, int fill) {
        if (!t.fitsMnvda()) return;
        for (NvItem item : NvDatabase.items(t, ports)) {
            byte[] data = new byte[t.size()];
            Arrays.fill(data, (byte) fill);
            entries.put(key(item.typeClass(), item.typeIndex()), new Entry(item, writable, data));
        }
    }

    /** {@code nv.SRIOV_EN = True}, {@code nv.LINK_TYPE_P1 = IB}, {@code nv.LINK_TYPE = ETH} (every port), {@code nv.nv_global_pci_cap.sriov_support = 1}. */
    private void setDefault(NvDatabase db, String key, String value) {
        int dot = key.indexOf('.');
        if (dot > 0) {
            TlvDef t = db.tlv(key.substring(0, dot));
            ParamDef pd = t == null ? null : t.param(key.substring(dot + 1));
            if (pd == null) throw new NvException("no parameter " + key + " in the built-in NV list");
            for (NvItem item : NvDatabase.items(t, ports)) encode(item, pd, value);
            return;
        }
        boolean any = false;
        for (NvParam np : db.parameters(ports)) {
            String base = np.def().mlxconfigName();
            if (np.name().equalsIgnoreCase(key) || (base.equalsIgnoreCase(key) && !base.equals(np.name()))) {
                encode(np.item(), np.def(), value);
                any = true;
            }
        }
        if (!any) db.find(key, ports);
    }

    private void encode(NvItem item, ParamDef pd, String value) {
        Entry e = entries.get(key(item.typeClass(), item.typeIndex()));
        if (e == null) throw new NvException("item " + item.def().name() + " is not in nv.items");
        pd.encode(e.factory, pd.isArray() ? List.of(value.split(",")) : value);
        e.invalidate();
        e.reboot();
    }

    private static long key(int typeClass, int typeIndex) {
        return ((long) typeClass << 32) | (typeIndex & 0xffffffffL);
    }

    /** The entry for a header's class and index, or the status a device gives: BAD_PARAM for a class no device has, BAD_RES for an item it lacks. */
    Entry find(String reg, int typeClass, int typeIndex) {
        Entry e = entries.get(key(typeClass, typeIndex));
        if (e != null) return e;
        NvClass cls = NvClass.of(typeClass);
        if (cls == null || cls == NvClass.BMC) {
            throw FirmwareError.badParam(reg + ".bad_type_class", "type_class " + typeClass + " is not a configuration item class");
        }
        throw new FirmwareError(FwStatus.BAD_RES, reg + ".unknown_item", cls + " item 0x" + Integer.toHexString(cls.parameterIndex(typeIndex))
                + (cls.unit(typeIndex) != 0 ? " (unit " + cls.unit(typeIndex) + ")" : "") + " is not supported by this device");
    }

    /** The entry, or null (MNVQC answers "not supported" rather than failing). */
    Entry lookup(int typeClass, int typeIndex) {
        return entries.get(key(typeClass, typeIndex));
    }

    boolean knownClass(int typeClass) {
        NvClass c = NvClass.of(typeClass);
        return c != null && c != NvClass.BMC;
    }

    List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** A firmware reset: every item's NEXT becomes CURRENT. */
    void reboot() {
        for (Entry e : entries.values()) e.reboot();
    }

    void invalidateAll() {
        for (Entry e : entries.values()) if (e.writable) e.invalidate();
    }

    /** A parameter's CURRENT value (for what depends on it: port protocol, VFs), or null when the item is not supported. */
    Long current(String tlv, String param, int port) {
        TlvDef t = BuiltinDatabase.get().tlv(tlv);
        for (Entry e : entries.values()) {
            if (e.item.def().name().equals(t.name()) && (!t.perPort() || e.item.port() == port)) {
                return ((Number) t.param(param).decode(e.data(1))).longValue();
            }
        }
        return null;
    }
}
