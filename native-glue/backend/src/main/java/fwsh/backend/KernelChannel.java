package fwsh.backend;

import com.sun.jna.LastErrorException;
import com.sun.jna.Pointer;
import fwsh.abi.Libc;
import fwsh.abi.NativeBuffers;
import fwsh.channel.Channel;
import fwsh.channel.ChannelException;
import fwsh.channel.DeviceClock;
import fwsh.channel.DeviceEvent;
import fwsh.channel.DeviceInfo;
import fwsh.channel.Errno;
import fwsh.channel.Mailbox;
import fwsh.channel.RpcSizeException;
import fwsh.channel.Scope;
import fwsh.channel.Umem;
import fwsh.channel.UmemUnsupportedException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * What the fwctl and mlx5ctl backends share: one file descriptor, per-call native buffers, the umem
 * registry and the life cycle.
 *
 * <p>Concurrency: RPCs and umem calls hold the <em>read</em> side of a read-write lock, so any number run
 * in parallel (the kernel allows it; a 500 ms firmware command does not hold up others). Only
 * {@link #close()} takes the write side, so the descriptor is never closed under an ioctl in flight.
 *
 * <p>Removal: the first ENODEV marks the channel gone; from then on every call throws
 * {@link fwsh.channel.DeviceGoneException} without a syscall, and umem pages are freed (the kernel
 * already released its side when the device went away).
 */
public abstract class KernelChannel implements Channel {
    private final Libc libc;
    private final int fd;
    private final DeviceInfo info;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Set<KernelUmem> umems = ConcurrentHashMap.newKeySet();
    private volatile boolean gone;
    private volatile boolean closed;

    KernelChannel(Libc libc, int fd, DeviceInfo info) {
        this.libc = libc;
        this.fd = fd;
        this.info = info;
    }

    @Override
    public DeviceInfo info() {
        return info;
    }

    /** A kernel device runs on the host's clock. */
    @Override
    public DeviceClock clock() {
        return DeviceClock.host();
    }

    /**
     * None: fwctl and mlx5ctl give user space no event queue (the driver consumes the device's EQEs itself), so the
     * layers above poll instead (the tracer re-reads MTRC_CAP to notice a string-DB update).
     */
    @Override
    public List<DeviceEvent> drainEvents() {
        return List.of();
    }

    Libc libc() {
        return libc;
    }

    int fd() {
        return fd;
    }

    String node() {
        return info.node();
    }

    /** True once the kernel said ENODEV for this handle. */
    public boolean isGone() {
        return gone;
    }

    public boolean isClosed() {
        return closed;
    }

    /** Umem registered through this channel and not yet closed. */
    public int liveUmemCount() {
        return umems.size();
    }

    /** Largest in/out mailbox the interface takes. */
    abstract int maxRpcLen();

    /** Issues the RPC ioctl on {@code arg} (scratch memory the subclass laid out) and returns nothing: out is filled in place. */
    abstract void rpcIoctl(Pointer scratch, Scope scope, Pointer in, int inLen, Pointer out, int outLen);

    abstract ChannelException rpcError(int opcode, int opMod, Scope scope, int inLen, int outLen, int errno);

    /** Registers {@code size} bytes at {@code memory}; returns {id, handle, mkey}. */
    abstract int[] umemRegisterIoctl(Pointer memory, long size);

    abstract void umemUnregisterIoctl(int handle);

    /** Largest umem one registration may take, or Long.MAX_VALUE when the interface states none. */
    abstract long maxUmemBytes();

    @Override
    public byte[] rpc(Scope scope, byte[] in, int outLen) {
        if (in == null) throw new IllegalArgumentException("rpc input mailbox is null; pass at least the 16-byte command header");
        if (scope == null) throw new IllegalArgumentException("rpc scope is null; pass a fwctl scope (configuration .. debug-write-full)");
        checkLen("input", in.length);
        checkLen("output", outLen);
        int opcode = Mailbox.opcode(in);
        int opMod = Mailbox.opMod(in);
        enter();
        try {
            int inOff = FIRST_BUFFER;
            int outOff = align8(inOff + in.length);
            try (NativeBuffers.Scratch scratch = NativeBuffers.scratch((long) outOff + outLen)) {
                Pointer inPtr = scratch.share(inOff, in.length);
                Pointer outPtr = scratch.share(outOff, outLen);
                inPtr.write(0, in, 0, in.length);
                rpcIoctl(scratch, scope, inPtr, in.length, outPtr, outLen);
                return outPtr.getByteArray(0, outLen);
            } catch (LastErrorException e) {
                throw failed(e.getErrorCode(), rpcError(opcode, opMod, scope, in.length, outLen, e.getErrorCode()));
            }
        } finally {
            exit();
        }
    }

    /** Scratch layout: the ioctl struct (at most 32 bytes) first, then in, then out. */
    private static final int FIRST_BUFFER = 32;

    private static int align8(int v) {
        return (v + 7) & ~7;
    }

    private void checkLen(String which, int len) {
        if (len < Mailbox.HEADER_BYTES) {
            throw new RpcSizeException(info.name() + ": the " + which + " mailbox is " + len
                    + " bytes; it must hold at least the 16-byte command header");
        }
        if (len > maxRpcLen()) {
            throw new RpcSizeException(info.name() + ": the " + which + " mailbox is " + len + " bytes; "
                    + info.transport().label + " takes at most " + maxRpcLen() + " bytes per RPC; split the request");
        }
    }

    @Override
    public Umem registerUmem(long size) {
        if (!supportsUmem()) {
            throw new UmemUnsupportedException(info.name() + ": " + umemUnsupportedReason());
        }
        if (size <= 0) {
            throw new RpcSizeException(Errno.EINVAL, info.name() + ": umem size " + size + " is not positive; ask for at least 1 byte");
        }
        long page = libc.pageSize();
        long rounded = (size + page - 1) / page * page;
        if (rounded > maxUmemBytes()) {
            throw new RpcSizeException(Errno.EINVAL, info.name() + ": umem of " + size + " bytes exceeds the "
                    + info.transport().label + " limit of " + maxUmemBytes() + " bytes (64 MiB) per registration; use several");
        }
        enter();
        try {
            Pointer memory = NativeBuffers.map(libc, rounded);
            int[] ids;
            try {
                ids = umemRegisterIoctl(memory, rounded);
            } catch (LastErrorException e) {
                NativeBuffers.unmap(libc, memory, rounded);
                int errno = e.getErrorCode();
                throw failed(errno, KernelErrors.umemRegister(node(), info.transport(), rounded,
                        errno == Errno.ENOMEM ? libc.memlockLimit() : 0, errno));
            }
            KernelUmem umem = new KernelUmem(this, ids[0], ids[1], ids[2], memory, rounded);
            umems.add(umem);
            return umem;
        } finally {
            exit();
        }
    }

    /** Why {@link #registerUmem} cannot work here (only asked when {@link #supportsUmem()} is false). */
    String umemUnsupportedReason() {
        return "this backend has no umem";
    }

    /** Umem.close(): unregister, then free. */
    void closeUmem(KernelUmem umem) {
        lock.readLock().lock();
        try {
            if (!umems.remove(umem)) {
                return; // already closed, or released by channel close / device removal
            }
            if (gone || closed || !umem.markUnregistered()) {
                umem.free();
                return;
            }
            try {
                umemUnregisterIoctl(umem.handle());
            } catch (LastErrorException e) {
                int errno = e.getErrorCode();
                if (errno == Errno.ENODEV || errno == Errno.ENOENT) {
                    // The kernel holds no registration: the pages are no longer pinned, so freeing is safe.
                    umem.free();
                    throw failed(errno, KernelErrors.umemUnregister(node(), umem.id(), errno));
                }
                // Still registered as far as we know: the device may DMA into it, so keep the pages and the entry;
                // channel close retries and frees only after the descriptor is closed.
                umem.markRegisteredAgain();
                umems.add(umem);
                throw KernelErrors.umemUnregister(node(), umem.id(), errno);
            }
            umem.free();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Releases every umem (unregistering while the device is there) and closes the descriptor. Idempotent. */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (closed) return;
            closed = true;
            List<KernelUmem> all = new ArrayList<>(umems);
            umems.clear();
            for (KernelUmem u : all) {
                if (!gone && u.markUnregistered()) {
                    try {
                        umemUnregisterIoctl(u.handle());
                    } catch (LastErrorException e) {
                        if (e.getErrorCode() == Errno.ENODEV) markGone();
                        // Either way the descriptor closes next, and closing it releases every umem in the kernel.
                    }
                }
            }
            try {
                libc.close(fd);
            } catch (LastErrorException ignored) {
                // Nothing useful to do: the kernel releases the descriptor whatever close returns.
            }
            // Free only after the descriptor is closed: by then the kernel has unpinned everything.
            for (KernelUmem u : all) u.free();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void enter() {
        lock.readLock().lock();
        if (closed) {
            lock.readLock().unlock();
            throw new ChannelException(Errno.EBADF, info.name() + ": channel is closed; open the device again");
        }
        if (gone) {
            lock.readLock().unlock();
            throw KernelErrors.gone(node());
        }
    }

    private void exit() {
        lock.readLock().unlock();
    }

    /** Records what an errno means for the handle, and returns the exception to throw. */
    ChannelException failed(int errno, ChannelException mapped) {
        if (errno == Errno.ENODEV) markGone();
        return mapped;
    }

    /** First ENODEV: the kernel already released our umems with the device; free their pages once. */
    private void markGone() {
        gone = true;
        for (KernelUmem u : umems) {
            if (umems.remove(u)) {
                u.markUnregistered();
                u.free();
            }
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + info.name() + ", " + info.node() + (gone ? ", gone" : closed ? ", closed" : "") + ")";
    }
}
