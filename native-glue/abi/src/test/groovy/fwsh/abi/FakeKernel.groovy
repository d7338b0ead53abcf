package fwsh.abi

import com.sun.jna.LastErrorException
import com.sun.jna.Pointer
import fwsh.channel.Errno
import fwsh.channel.FwctlPolicy
import fwsh.channel.Mailbox
import fwsh.channel.Scope
import groovy.transform.CompileStatic

import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.atomic.AtomicInteger
import java.util.concurrent.atomic.AtomicLong

/**
 * A {@link Libc} double that behaves like the kernel at the syscall boundary. It decodes the native memory
 * the backends pass (struct sizes, scope, lengths, user pointers) and applies the checks of the fwctl core,
 * the mlx5 fwctl driver, mstflint's RSC umem extension and the mlx5ctl V4 driver, in their order, failing
 * with {@link LastErrorException} carrying the errno as JNA does. Commands go to a {@link FakeFirmware}.
 * Memory calls (mmap, munmap, sysconf) go to the real C library, with every mapping tracked so a double
 * free or a leak shows.
 */
@CompileStatic
class FakeKernel implements Libc {
    enum Kind { FWCTL, MLX5CTL, PLAIN }

    /** One device behind a node. */
    static class Device {
        final String node
        final Kind kind
        int type = FwctlUapi.FWCTL_DEVICE_TYPE_MLX5
        int uid = 7
        long uctxCaps = 0x4
        long devUctxCap = 0x7
        long ucap = 0x1d
        boolean rscUmem
        volatile boolean removed
        volatile boolean denyOpen
        final FakeFirmware firmware = new FakeFirmware()

        Device(String node, Kind kind) {
            this.node = node
            this.kind = kind
        }
    }

    /** A registered umem as the kernel keeps it (per fd). */
    static class Reg {
        long addr
        long len
        int umemId
        int rscId
        int mkey
    }

    static class OpenFile {
        final Device device
        final Map<Integer, Reg> umems = new ConcurrentHashMap<>()

        OpenFile(Device d) {
            device = d
        }
    }

    final Libc real = JnaLibc.get()
    final Map<String, Device> nodes = new ConcurrentHashMap<>()
    final Map<Integer, OpenFile> files = new ConcurrentHashMap<>()
    final Map<Long, Long> mappings = new ConcurrentHashMap<>()
    final AtomicInteger nextFd = new AtomicInteger(100)
    final AtomicInteger nextId = new AtomicInteger(0x10)
    final AtomicLong pinned = new AtomicLong()
    final AtomicInteger ioctlCalls = new AtomicInteger()
    final AtomicInteger badFrees = new AtomicInteger()
    final AtomicInteger taints = new AtomicInteger()

    volatile boolean capSysRawio = false
    volatile boolean capSysAdmin = true
    volatile long memlockLimit = 8L * 1024 * 1024

    Device addFwctl(String node, Map opts = [:]) {
        add(node, Kind.FWCTL, opts)
    }

    Device addMlx5ctl(String node, Map opts = [:]) {
        add(node, Kind.MLX5CTL, opts)
    }

    /** A node that is no fwctl/mlx5ctl device: every ioctl is ENOTTY. */
    Device addPlain(String node) {
        add(node, Kind.PLAIN, [:])
    }

    private Device add(String node, Kind kind, Map opts) {
        Device d = new Device(node, kind)
        opts.each { k, v -> d.setProperty((String) k, v) }
        nodes[node] = d
        d
    }

    /** Hot-unplug: the driver releases every fd's umems and uctx; fds stay open but get ENODEV. */
    void remove(String node) {
        Device d = nodes[node]
        d.removed = true
        files.values().findAll { it.device.is(d) }.each { OpenFile f -> releaseAll(f) }
    }

    int registeredUmems() {
        (int) files.values().sum(0) { OpenFile f -> f.umems.size() }
    }

    private void releaseAll(OpenFile f) {
        f.umems.values().each { Reg r -> pinned.addAndGet(-r.len) }
        f.umems.clear()
    }

    static LastErrorException err(int errno) {
        new LastErrorException(errno)
    }

    // ---- files

    @Override
    int open(String path, int flags) {
        Device d = nodes[path]
        if (d == null || d.removed) throw err(Errno.ENOENT)
        if (d.denyOpen) throw err(Errno.EACCES)
        int fd = nextFd.getAndIncrement()
        files[fd] = new OpenFile(d)
        fd
    }

    @Override
    int close(int fd) {
        OpenFile f = files.remove(fd)
        if (f == null) throw err(Errno.EBADF)
        releaseAll(f)
        0
    }

    @Override
    int ioctl(int fd, long request, Pointer arg) {
        ioctlCalls.incrementAndGet()
        OpenFile f = files[fd]
        if (f == null) throw err(Errno.EBADF)
        switch (f.device.kind) {
            case Kind.FWCTL: return fwctl(f, request, arg)
            case Kind.MLX5CTL: return mlx5ctl(f, request, arg)
            default: throw err(Errno.ENOTTY)
        }
    }

    // ---- fwctl core + mlx5 driver (+ mstflint RSC extension)

    private static final Map<Integer, Integer> FWCTL_MIN_SIZE = [0: 24, 1: 32, 2: 24, 3: 48]

    private int fwctl(OpenFile f, long req, Pointer arg) {
        Device d = f.device
        if (Ioc.type(req) != FwctlUapi.FWCTL_TYPE) throw err(Errno.ENOTTY)
        int nr = Ioc.nr(req)
        boolean known = nr <= 1 || (d.rscUmem && nr <= 3)
        if (!known || req != Ioc.io(FwctlUapi.FWCTL_TYPE, nr)) throw err(Errno.ENOTTY)
        int userSize = arg.getInt(0)
        int minSize = FWCTL_MIN_SIZE[nr]
        if (userSize < minSize) throw err(Errno.EINVAL)
        for (int i = minSize; i < userSize; i++) {
            if (arg.getByte(i) != (byte) 0) throw err(Errno.E2BIG)
        }
        if (d.removed) throw err(Errno.ENODEV)
        switch (nr) {
            case 0: return fwctlInfo(f, arg)
            case 1: return fwctlRpc(f, arg)
            case 2: return rscDestroy(f, arg)
            default: return rscUmemReg(f, arg)
        }
    }

    private int fwctlInfo(OpenFile f, Pointer arg) {
        if (arg.getInt(4) != 0) throw err(Errno.EOPNOTSUPP)
        Device d = f.device
        arg.setInt(8, d.type)
        int len = arg.getInt(12)
        long ptr = arg.getLong(16)
        byte[] data = new byte[d.type == FwctlUapi.FWCTL_DEVICE_TYPE_MLX5 ? 8 : 0]
        if (data.length == 8) {
            putLe32(data, 0, d.uid)
            putLe32(data, 4, d.uctxCaps)
        }
        if (len > 0) {
            if (ptr == 0) throw err(Errno.EFAULT)
            byte[] user = new byte[len]   // the kernel zero-fills the whole user buffer
            System.arraycopy(data, 0, user, 0, Math.min(len, data.length))
            new Pointer(ptr).write(0, user, 0, len)
        }
        arg.setInt(12, data.length)
        0
    }

    private int fwctlRpc(OpenFile f, Pointer arg) {
        int scope = arg.getInt(4)
        int inLen = arg.getInt(8)
        int outLen = arg.getInt(12)
        long inPtr = arg.getLong(16)
        long outPtr = arg.getLong(24)
        // core
        if (inLen > FwctlUapi.MAX_RPC_LEN || outLen > FwctlUapi.MAX_RPC_LEN) throw err(Errno.EMSGSIZE)
        switch (scope) {
            case 0: case 1: break
            case 3:
                if (!capSysRawio) throw err(Errno.EPERM)
                taints.incrementAndGet()
                break
            case 2:
                taints.incrementAndGet()
                break
            default: throw err(Errno.EOPNOTSUPP)
        }
        if (inPtr == 0 || outPtr == 0) throw err(Errno.EFAULT)
        byte[] inbox = new Pointer(inPtr).getByteArray(0, inLen)
        // mlx5 driver
        if (inLen < 16 || outLen < 16) throw err(Errno.EMSGSIZE)
        if (!FwctlPolicy.allows(Mailbox.opcode(inbox), Mailbox.opMod(inbox), Scope.ofValue(scope))) throw err(Errno.EBADMSG)
        Mailbox.setUid(inbox, f.device.uid)
        byte[] out = f.device.firmware.execute(inbox, outLen)
        if (f.device.removed) throw err(Errno.ENODEV)   // removed while the command ran
        new Pointer(outPtr).write(0, out, 0, outLen)
        arg.setInt(12, outLen)   // mlx5 leaves the length as requested; the core writes it back
        0
    }

    private int rscUmemReg(OpenFile f, Pointer arg) {
        long flags = arg.getLong(8)
        long addr = arg.getLong(16)
        long len = arg.getLong(24)
        if ((flags & ~3L) != 0) throw err(Errno.EOPNOTSUPP)
        Reg r = pin(addr, len, Long.MAX_VALUE)
        r.rscId = nextId.getAndIncrement()
        r.mkey = (flags & FwctlUapi.FWCTL_UMEM_FLAG_MKEY) != 0 ? 0x100 + r.umemId : 0
        f.umems[r.rscId] = r
        arg.setInt(32, r.umemId)
        arg.setInt(36, r.mkey)
        arg.setInt(40, r.rscId)
        0
    }

    private int rscDestroy(OpenFile f, Pointer arg) {
        if (arg.getLong(8) != 0 || arg.getInt(16) != 0) throw err(Errno.EOPNOTSUPP)
        Reg r = f.umems.remove(arg.getInt(20))
        if (r == null) throw err(Errno.ENOENT)
        pinned.addAndGet(-r.len)
        0
    }

    // ---- mlx5ctl V4

    private static final int[] MLX5CTL_SIZES = [16, 24, 24, 8] as int[]

    private int mlx5ctl(OpenFile f, long req, Pointer arg) {
        if (!capSysAdmin) throw err(Errno.EPERM)
        if (Ioc.type(req) != Mlx5ctlUapi.MLX5CTL_IOCTL_MAGIC) throw err(Errno.ENOTTY)
        int nr = Ioc.nr(req)
        if (nr > 3) throw err(Errno.ENOTTY)
        if (Ioc.size(req) < MLX5CTL_SIZES[nr]) throw err(Errno.EINVAL)
        if (f.device.removed) throw err(Errno.ENODEV)
        switch (nr) {
            case 0: return mlx5ctlInfo(f, arg)
            case 1: return mlx5ctlRpc(f, arg)
            case 2: return mlx5ctlUmemReg(f, arg)
            default: return mlx5ctlUmemUnreg(f, arg)
        }
    }

    private int mlx5ctlInfo(OpenFile f, Pointer arg) {
        Device d = f.device
        arg.setShort(0, (short) d.uid)
        arg.setShort(2, (short) 0)
        arg.setInt(4, (int) d.uctxCaps)
        arg.setInt(8, (int) d.devUctxCap)
        arg.setInt(12, (int) d.ucap)
        0
    }

    private int mlx5ctlRpc(OpenFile f, Pointer arg) {
        long inPtr = arg.getLong(0)
        long outPtr = arg.getLong(8)
        int inLen = arg.getInt(16)
        int outLen = arg.getInt(20)
        if (inLen < 16 || outLen < 16) throw err(Errno.EINVAL)
        if (inLen > Mlx5ctlUapi.MLX5CTL_MAX_RPC_SIZE || outLen > Mlx5ctlUapi.MLX5CTL_MAX_RPC_SIZE) throw err(Errno.EINVAL)
        if (inPtr == 0 || outPtr == 0) throw err(Errno.EFAULT)
        byte[] inbox = new Pointer(inPtr).getByteArray(0, inLen)
        Mailbox.setUid(inbox, f.device.uid)   // no opcode filter in mlx5ctl
        byte[] out = f.device.firmware.execute(inbox, outLen)
        if (f.device.removed) throw err(Errno.ENODEV)
        new Pointer(outPtr).write(0, out, 0, outLen)
        0
    }

    private int mlx5ctlUmemReg(OpenFile f, Pointer arg) {
        if (arg.getInt(20) != 0) throw err(Errno.EINVAL)
        Reg r = pin(arg.getLong(0), arg.getLong(8), Mlx5ctlUapi.MLX5CTL_UMEM_MAX_BYTES)
        f.umems[r.umemId] = r
        arg.setInt(16, r.umemId)
        0
    }

    private int mlx5ctlUmemUnreg(OpenFile f, Pointer arg) {
        if (arg.getInt(4) != 0) throw err(Errno.EOPNOTSUPP)
        Reg r = f.umems.remove(arg.getInt(0))
        if (r == null) throw err(Errno.ENOENT)
        pinned.addAndGet(-r.len)
        0
    }

    /** pin_user_pages + RLIMIT_MEMLOCK accounting; the range must lie in memory this process mapped. */
    private Reg pin(long addr, long len, long maxLen) {
        if (len == 0 || len > maxLen) throw err(Errno.EINVAL)
        if (addr + len < addr) throw err(Errno.EINVAL)
        if (!mappings.any { Long a, Long l -> addr >= a && addr + len <= a + l }) throw err(Errno.EFAULT)
        while (true) {
            long now = pinned.get()
            if (now + len > memlockLimit) throw err(Errno.ENOMEM)
            if (pinned.compareAndSet(now, now + len)) break
        }
        new Reg(addr: addr, len: len, umemId: nextId.getAndIncrement())
    }

    /** The device writing into a registered umem (DMA): proves the pages are the ones the channel hands out. */
    void dma(int umemId, long offset, byte[] bytes) {
        Reg r = files.values().collectMany { it.umems.values() }.find { Reg x -> x.umemId == umemId }
        if (r == null) throw new IllegalStateException("no umem " + umemId)
        new Pointer(r.addr).write(offset, bytes, 0, bytes.length)
    }

    /** The kernel forgets a registration (so the next unregister sees ENOENT), keeping the pin accounting right. */
    void forget(int umemId) {
        files.values().each { OpenFile f ->
            f.umems.entrySet().removeIf { Map.Entry<Integer, Reg> e ->
                boolean hit = e.value.umemId == umemId
                if (hit) pinned.addAndGet(-e.value.len)
                hit
            }
        }
    }

    // ---- memory: real, but tracked

    @Override
    Pointer mmap(Pointer addr, long length, int prot, int flags, int fd, long offset) {
        Pointer p = real.mmap(addr, length, prot, flags, fd, offset)
        mappings[Pointer.nativeValue(p)] = length
        p
    }

    @Override
    int munmap(Pointer addr, long length) {
        Long len = mappings.remove(Pointer.nativeValue(addr))
        if (len == null || len != length) {
            badFrees.incrementAndGet()
            throw err(Errno.EINVAL)
        }
        real.munmap(addr, length)
    }

    @Override
    int mlock(Pointer addr, long length) {
        real.mlock(addr, length)
    }

    @Override
    int munlock(Pointer addr, long length) {
        real.munlock(addr, length)
    }

    @Override
    long sysconf(int name) {
        real.sysconf(name)
    }

    @Override
    int getrlimit(int resource, Pointer rlim) {
        if (resource != RLIMIT_MEMLOCK) return real.getrlimit(resource, rlim)
        rlim.setLong(0, memlockLimit)
        rlim.setLong(8, memlockLimit)
        0
    }

    private static void putLe32(byte[] b, int off, long v) {
        b[off] = (byte) v
        b[off + 1] = (byte) (v >>> 8)
        b[off + 2] = (byte) (v >>> 16)
        b[off + 3] = (byte) (v >>> 24)
    }
}
