package fwsh.dsl.trace;

import fwsh.channel.DeviceGoneException;
import fwsh.dsl.Decoded;
import fwsh.dsl.Device;
import fwsh.dsl.DeviceUmem;
import fwsh.dsl.FwshException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trace buffer: user memory, a protection domain and an MTT memory key over the memory (ALLOC_PD,
 * CREATE_MKEY with mkey_umem_valid), torn down in reverse order. Same API as the pack's
 * {@code fwsh.dsl.dump.MkeyBuffer}; kept private to the tracer until that lands.
 */
final class TraceBuffer implements AutoCloseable {
    static final int PAGE = 4096;

    private final Device device;
    private final DeviceUmem umem;
    private final long size;
    private int pd = -1;
    private int mkeyIndex = -1;
    private boolean closed;

    private TraceBuffer(Device device, DeviceUmem umem, long size) {
        this.device = device;
        this.umem = umem;
        this.size = size;
    }

    /** Registers {@code size} bytes (a whole number of pages), allocates a PD and an MTT mkey over them. */
    static TraceBuffer allocate(Device dev, long size) {
        if (size <= 0 || size % PAGE != 0) throw new FwshException("trace buffer size " + size + " must be a positive multiple of 4096");
        TraceBuffer b = new TraceBuffer(dev, dev.umem(size), size);
        try {
            b.pd = number(dev.getCmd().call("ALLOC_PD", new LinkedHashMap<>()), "pd");
            Map<String, Object> mkc = new LinkedHashMap<>();
            mkc.put("access_mode_1_0", 1);          // MTT
            mkc.put("lr", 1);
            mkc.put("lw", 1);
            mkc.put("qpn", 0xffffff);
            mkc.put("pd", b.pd);
            mkc.put("start_addr", b.umem.getAddress());
            mkc.put("len", size);
            mkc.put("log_page_size", 12);
            mkc.put("translations_octword_size", size / PAGE / 2);   // 2 MTT entries per octword, as the driver sizes it
            Map<String, Object> in = new LinkedHashMap<>();
            in.put("mkey_umem_valid", 1);
            in.put("memory_key_mkey_entry", mkc);
            in.put("translations_octword_actual_size", size / PAGE / 2);
            in.put("mkey_umem_id", b.umem.getId());
            in.put("mkey_umem_offset", 0);
            b.mkeyIndex = number(dev.getCmd().call("CREATE_MKEY", in), "mkey_index");
        } catch (RuntimeException e) {
            try {
                b.close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return b;
    }

    private static int number(Decoded d, String field) {
        return ((Number) d.getProperty(field)).intValue();
    }

    /** The memory key (index << 8, variant 0) for MTRC_CONF.trace_mkey. */
    int mkey() { return mkeyIndex << 8; }
    long address() { return umem.getAddress(); }
    long size() { return size; }
    DeviceUmem umem() { return umem; }
    int pd() { return pd; }

    /** DESTROY_MKEY, DEALLOC_PD, then the umem. Every step is tried; the first failure is thrown at the end. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        List<RuntimeException> failures = new ArrayList<>();
        boolean gone = false;
        if (mkeyIndex >= 0) {
            try {
                device.getCmd().call("DESTROY_MKEY", new LinkedHashMap<>(Map.of("mkey_index", mkeyIndex)));
            } catch (DeviceGoneException e) {
                gone = true;
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (pd >= 0 && !gone) {
            try {
                device.getCmd().call("DEALLOC_PD", new LinkedHashMap<>(Map.of("pd", pd)));
            } catch (DeviceGoneException e) {
                gone = true;
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        closeLocally();
        if (!failures.isEmpty()) throw failures.get(0);
    }

    /** The device is gone: release the memory without sending anything. */
    void closeLocally() {
        closed = true;
        try {
            umem.close();
        } catch (RuntimeException ignored) {
            // a removed device has already released it
        }
    }
}
