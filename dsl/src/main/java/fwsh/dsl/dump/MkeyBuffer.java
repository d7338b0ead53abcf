package fwsh.dsl.dump;

import fwsh.base.FwshException;
import fwsh.channel.DeviceGoneException;
import fwsh.dsl.engine.Decoded;
import fwsh.dsl.engine.DeviceAccess;
import fwsh.dsl.engine.DeviceUmem;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Registered user memory the device can DMA into by memory key: a umem, a protection domain and an MTT
 * mkey over the whole umem (local read/write, any QP). What RESOURCE_DUMP's mkey mode, CORE_DUMP to
 * memory and the firmware tracer need. {@link #close()} destroys the mkey, then the PD, then the umem,
 * each step even when an earlier one failed; a device that is gone took them with it, so closing then
 * is quiet. Only the mlx5ctl personality (and the emulator in that mode) registers umem.
 */
public final class MkeyBuffer implements AutoCloseable {
    private static final int ACCESS_MODE_MTT = 1;
    private static final long ANY_QPN = 0xffffff;
    private static final int LOG_PAGE = 12;
    /** The low byte of an mkey is chosen by software; varying it catches a stale key early. */
    private static final AtomicInteger VARIANT = new AtomicInteger(0x5a);

    private final DeviceAccess dev;
    private final DeviceUmem umem;
    private final long pd;
    private final long mkeyIndex;
    private final int mkey;
    private volatile boolean closed;

    private MkeyBuffer(DeviceAccess dev, DeviceUmem umem, long pd, long mkeyIndex, int mkey) {
        this.dev = dev;
        this.umem = umem;
        this.pd = pd;
        this.mkeyIndex = mkeyIndex;
        this.mkey = mkey;
    }

    /** Registers {@code size} bytes and creates PD and mkey over them; undoes what it did when a step fails. */
    public static MkeyBuffer allocate(DeviceAccess dev, long size) {
        if (dev == null) throw new FwshException("MkeyBuffer.allocate needs a device (e.g. MkeyBuffer.allocate(dev, 65536))");
        if (size <= 0) throw new FwshException("MkeyBuffer size must be positive, got " + size);
        DeviceUmem umem = dev.umem(size);
        long pd = -1;
        try {
            pd = number(dev.getCmd().call("ALLOC_PD", Map.of()), "pd");
            int variant = VARIANT.getAndIncrement() & 0xff;
            Map<String, Object> mkc = new LinkedHashMap<>();
            mkc.put("access_mode_1_0", ACCESS_MODE_MTT);
            mkc.put("lr", 1);
            mkc.put("lw", 1);
            mkc.put("qpn", ANY_QPN);
            mkc.put("mkey_7_0", variant);
            mkc.put("pd", pd);
            mkc.put("start_addr", umem.getAddress());
            mkc.put("len", umem.getSize());
            mkc.put("log_page_size", LOG_PAGE);
            long pages = (umem.getSize() + (1L << LOG_PAGE) - 1) >>> LOG_PAGE;
            mkc.put("translations_octword_size", (pages + 1) / 2);   // two 8-byte MTT entries per octword
            Map<String, Object> in = new LinkedHashMap<>();
            in.put("mkey_umem_valid", 1);
            in.put("mkey_umem_id", umem.getId());
            in.put("translations_octword_actual_size", (pages + 1) / 2);
            in.put("memory_key_mkey_entry", mkc);
            long index = number(dev.getCmd().call("CREATE_MKEY", in), "mkey_index");
            MkeyBuffer b = new MkeyBuffer(dev, umem, pd, index, (int) ((index << 8) | variant));
            dev.track(b);
            return b;
        } catch (RuntimeException e) {
            long allocated = pd;
            if (allocated >= 0) quietly(() -> dev.getCmd().call("DEALLOC_PD", Map.of("pd", allocated)));
            quietly(umem::close);
            throw e;
        }
    }

    private static long number(Decoded out, String field) {
        return ((Number) out.getProperty(field)).longValue();
    }

    private static void quietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException ignored) {
            // undoing a failed allocation: the first error is the one worth reporting
        }
    }

    /** The full memory key (index << 8 | variant), as RESOURCE_DUMP's and CORE_DUMP's mkey field take it. */
    public int mkey() {
        return mkey;
    }

    public long mkeyIndex() {
        return mkeyIndex;
    }

    public long pd() {
        return pd;
    }

    /** The virtual address the mkey starts at (the umem's address). */
    public long address() {
        return umem.getAddress();
    }

    public long size() {
        return umem.getSize();
    }

    public DeviceUmem umem() {
        return umem;
    }

    public DeviceAccess device() {
        return dev;
    }

    public boolean isOpen() {
        return !closed;
    }

    /** Copies {@code length} bytes the device wrote at {@code offset}. */
    public byte[] bytes(long offset, int length) {
        if (closed) throw new FwshException("mkey buffer 0x" + Integer.toHexString(mkey) + " is closed");
        return umem.bytes(offset, length);
    }

    /** Destroys mkey, PD and umem in that order; every step runs, the first real failure is thrown after. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) return;
            closed = true;
        }
        dev.untrack(this);
        RuntimeException first = null;
        boolean gone = false;
        try {
            dev.getCmd().call("DESTROY_MKEY", Map.of("mkey_index", mkeyIndex));
        } catch (DeviceGoneException e) {
            gone = true;
        } catch (RuntimeException e) {
            first = e;
        }
        if (!gone) {
            try {
                dev.getCmd().call("DEALLOC_PD", Map.of("pd", pd));
            } catch (DeviceGoneException e) {
                gone = true;
            } catch (RuntimeException e) {
                if (first == null) first = e;
            }
        }
        try {
            umem.close();
        } catch (RuntimeException e) {
            if (first == null && !gone) first = e;
        }
        if (first != null && !gone) {
            throw new FwshException("releasing mkey buffer 0x" + Integer.toHexString(mkey) + ": " + first.getMessage(), first);
        }
    }

    @Override
    public String toString() {
        return "MkeyBuffer(mkey=0x" + Integer.toHexString(mkey) + " pd=" + pd + " umem=" + umem.getId() + " "
                + umem.getSize() + " bytes at 0x" + Long.toHexString(umem.getAddress()) + (closed ? " closed" : "") + ")";
    }
}
