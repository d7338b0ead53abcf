package fwsh.backend;

import fwsh.channel.Errno;
import fwsh.channel.ChannelException;

import com.sun.jna.Pointer;
import fwsh.abi.NativeBuffers;
import fwsh.channel.Umem;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * User memory registered through a kernel channel. The pages come from an anonymous mapping (page-aligned,
 * zeroed). They are not mlock'd: the kernel pins them on registration and charges RLIMIT_MEMLOCK itself, so
 * an mlock would count the same pages twice against the limit.
 *
 * <p>The memory is freed exactly once (an atomic flag), by whichever comes first: {@link #close()}, channel
 * close, or the channel learning that the device is gone.
 */
public final class KernelUmem implements Umem {
    private final KernelChannel channel;
    private final int id;
    private final int handle;
    private final int mkey;
    private final Pointer memory;
    private final long size;
    private final AtomicBoolean registered = new AtomicBoolean(true);
    private final AtomicBoolean freed = new AtomicBoolean(false);

    KernelUmem(KernelChannel channel, int id, int handle, int mkey, Pointer memory, long size) {
        this.channel = channel;
        this.id = id;
        this.handle = handle;
        this.mkey = mkey;
        this.memory = memory;
        this.size = size;
    }

    @Override
    public int id() {
        return id;
    }

    /** The id the unregister call takes: the umem id on mlx5ctl, the fwctl resource id on the fwctl extension. */
    public int handle() {
        return handle;
    }

    /** Memory key the fwctl extension created with the umem (FWCTL_UMEM_FLAG_MKEY), or -1 where there is none (mlx5ctl). */
    public int mkey() {
        return mkey;
    }

    @Override
    public long address() {
        return Pointer.nativeValue(memory);
    }

    @Override
    public long size() {
        return size;
    }

    /** A fresh view of the memory. Do not keep it past {@link #close()} or a device removal: the pages are unmapped then. */
    @Override
    public ByteBuffer buffer() {
        if (freed.get()) {
            throw new ChannelException(Errno.EBADF, "umem " + id + " on " + channel.info().name() + " is closed"
                    + (channel.isGone() ? " (device gone)" : "") + "; register a new one");
        }
        return memory.getByteBuffer(0, size);
    }

    @Override
    public boolean isOpen() {
        return !freed.get();
    }

    /** Unregisters from the device, then frees. Idempotent. */
    @Override
    public void close() {
        channel.closeUmem(this);
    }

    /** Marks it unregistered; true for the one caller that should send the unregister call. */
    boolean markUnregistered() {
        return registered.compareAndSet(true, false);
    }

    void markRegisteredAgain() {
        registered.set(true);
    }

    /** Frees the pages once; later calls do nothing. */
    void free() {
        if (freed.compareAndSet(false, true)) {
            NativeBuffers.unmap(channel.libc(), memory, size);
        }
    }

    @Override
    public String toString() {
        return "umem " + id + " (" + size + " bytes at 0x" + Long.toHexString(address()) + (isOpen() ? "" : ", closed") + ")";
    }
}
