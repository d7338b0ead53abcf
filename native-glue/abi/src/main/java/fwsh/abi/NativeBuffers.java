package fwsh.abi;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Every native buffer the backends allocate goes through here so that leaks and double frees are
 * countable: {@link #live()} is the number of buffers allocated and not yet freed (per-call RPC scratch
 * memory and umem mappings alike). Tests assert it returns to its starting value.
 */
public final class NativeBuffers {
    private static final AtomicLong LIVE = new AtomicLong();
    private static final AtomicLong LIVE_BYTES = new AtomicLong();

    private NativeBuffers() {
    }

    public static long live() {
        return LIVE.get();
    }

    public static long liveBytes() {
        return LIVE_BYTES.get();
    }

    /** Zeroed scratch memory for one call; close it (try-with-resources) when the call is done. */
    public static Scratch scratch(long size) {
        return new Scratch(size);
    }

    /** Page-aligned, zero-filled memory from an anonymous mapping. Free it with {@link #unmap}. */
    public static Pointer map(Libc libc, long size) {
        Pointer p = libc.mmap(null, size, Libc.PROT_READ | Libc.PROT_WRITE, Libc.MAP_PRIVATE | Libc.MAP_ANONYMOUS, -1, 0);
        LIVE.incrementAndGet();
        LIVE_BYTES.addAndGet(size);
        return p;
    }

    /** Frees a mapping made by {@link #map}; the caller guarantees it does so once. */
    public static void unmap(Libc libc, Pointer p, long size) {
        libc.munmap(p, size);
        LIVE.decrementAndGet();
        LIVE_BYTES.addAndGet(-size);
    }

    /** JNA memory that counts itself; closing twice is harmless. */
    public static final class Scratch extends Memory {
        private boolean freed;

        private Scratch(long size) {
            super(size);
            clear();
            LIVE.incrementAndGet();
            LIVE_BYTES.addAndGet(size);
        }

        @Override
        public synchronized void close() {
            if (!freed) {
                freed = true;
                LIVE.decrementAndGet();
                LIVE_BYTES.addAndGet(-size());
            }
            super.close();
        }
    }
}
