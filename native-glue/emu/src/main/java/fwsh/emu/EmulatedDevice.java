package fwsh.emu;

import fwsh.base.ArgumentException;
import fwsh.channel.Channel;
import fwsh.channel.ChannelException;
import fwsh.channel.DeviceEvent;
import fwsh.channel.DeviceGoneException;
import fwsh.channel.DeviceInfo;
import fwsh.channel.Errno;
import fwsh.channel.FwctlPolicy;
import fwsh.channel.Mailbox;
import fwsh.channel.PermissionException;
import fwsh.channel.RpcSizeException;
import fwsh.channel.Scope;
import fwsh.channel.ScopeNotAllowedException;
import fwsh.channel.Transport;
import fwsh.channel.Umem;
import fwsh.channel.UmemLimitException;
import fwsh.channel.UmemUnsupportedException;
import fwsh.channel.UnknownUmemException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An open handle on an emulated ConnectX, behaving like an fd on /dev/fwctl/fwctlN (FWCTL
 * personality) or /dev/mlx5ctl-* (MLX5CTL personality). Each handle has its own firmware uid and
 * umem; several handles on one device ({@link #openHandle}) share its state, like two processes
 * opening the same node.
 *
 * <p>Thread-safe without a device-wide lock: concurrent {@link #rpc} calls run in parallel.
 */
public final class EmulatedDevice implements Channel {
    static final int FWCTL_MAX_RPC = 2 << 20;
    static final int MLX5CTL_MAX_RPC = 256 << 10;
    static final long UMEM_MAX = 64L << 20;
    static final int PAGE = 4096;

    private final Hca hca;
    private final Transport personality;
    private final int uid;
    /** The device's generation when this handle was opened: a re-inserted device does not revive old handles. */
    private final int generation;
    private final Map<Integer, EmuUmem> umems = new ConcurrentHashMap<>();
    private final BlockingQueue<DeviceEvent> events = new LinkedBlockingQueue<>(4096);
    private volatile boolean closed;

    EmulatedDevice(Hca hca, Transport personality) {
        if (personality != Transport.FWCTL && personality != Transport.MLX5CTL) {
            throw new ArgumentException("an emulated device imitates fwctl or mlx5ctl, not " + personality);
        }
        this.hca = hca;
        this.personality = personality;
        this.uid = hca.nextUid.getAndIncrement();
        this.generation = hca.generation;
        hca.handles.add(this);
        hca.handleOpened();
    }

    /** Another handle on the same device with its own uid (as a second process opening the node). */
    public EmulatedDevice openHandle() {
        if (hca.gone) throw new DeviceGoneException(hca.name + " was removed; it cannot be opened");
        return new EmulatedDevice(hca, personality);
    }

    /** A handle on the same device with the other personality (e.g. an mlx5ctl view of an fwctl device). */
    public EmulatedDevice openHandle(Transport otherPersonality) {
        if (hca.gone) throw new DeviceGoneException(hca.name + " was removed; it cannot be opened");
        return new EmulatedDevice(hca, otherPersonality);
    }

    @Override
    public DeviceInfo info() {
        List<String> netdevs = new ArrayList<>();
        for (int i = 0; i < hca.ports.length; i++) netdevs.add(hca.name + "p" + i);
        return new DeviceInfo(hca.name, Transport.EMULATED, personality, hca.pci, null, 1, uid,
                hca.caps.general("uctx_cap") & 0x4, netdevs, List.of("mlx5_" + hca.name), hca.profile.key());
    }

    Hca hca() {
        return hca;
    }

    public Profile profile() {
        return hca.profile;
    }

    /** The device's clock: the emulator's own (real or virtual); the DSL waits on it through the channel. */
    @Override
    public EmuClock clock() {
        return hca.clock;
    }

    public Faults faults() {
        return hca.faults;
    }

    public Transport personality() {
        return personality;
    }

    public int uid() {
        return uid;
    }

    /** True once any handle sent an RPC at scope 2 or 3 (the kernel's TAINT_FWCTL, per device here). */
    public boolean kernelTainted() {
        return hca.tainted.get();
    }

    /** True once the device was removed after this handle was opened (also when it was re-inserted since). */
    public boolean isRemoved() {
        return hca.gone || generation != hca.generation;
    }

    /**
     * A firmware reset (as after a reboot or mlxfwreset): the NV configuration written for the next boot becomes the
     * one in use, and what depends on it follows (port protocol from LINK_TYPE_Pn, VFs from SRIOV_EN and NUM_OF_VFS);
     * port state and counters start afresh. Same as {@code faults().reboot()}.
     */
    public void reboot() {
        if (hca.gone) throw gone();
        hca.reboot();
    }

    /** Same as {@code faults().remove()}. */
    public void remove() {
        hca.remove();
    }

    /** The traffic model of a port (1-based) and the link-speed integral it is evaluated at now. */
    public TrafficModel traffic(int localPort) {
        return hca.port(localPort, "traffic").traffic;
    }

    /**
     * Frames per second the traffic model sends in direction {@code dir} ({@link TrafficModel#RX} or TX) on a port at
     * its current link speed (0 while the link is down): the rate PPCNT's frame counters grow at.
     */
    public double frameRate(int localPort, int dir) {
        Port p = hca.port(localPort, "traffic");
        return p.traffic.framesPerMegabitSecond(dir) * p.speedMbps();
    }

    public double megabitSeconds(int localPort) {
        return hca.port(localPort, "traffic").megabitSeconds();
    }

    /** The device's free-running timestamp (device clocks), as MTRC_CTRL reports it. */
    public long deviceTimestamp() {
        return hca.deviceTicksNow();
    }

    /** Next asynchronous event for this handle, waiting up to {@code timeout}. */
    public Optional<DeviceEvent> pollEvent(Duration timeout) {
        try {
            return Optional.ofNullable(events.poll(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Events raised for this handle since the last call (up to 4096 are kept), oldest first. */
    @Override
    public List<DeviceEvent> drainEvents() {
        List<DeviceEvent> out = new ArrayList<>();
        events.drainTo(out);
        return out;
    }

    void deliver(DeviceEvent e) {
        if (!closed) events.offer(e);
    }

    @Override
    public byte[] rpc(Scope scope, byte[] in, int outLen) {
        checkOpen();
        if (in == null) throw new IllegalArgumentException("rpc input mailbox is null");
        if (personality == Transport.FWCTL) {
            fwctlChecks(scope, in, outLen);
        } else if (in.length < Mailbox.HEADER_BYTES || outLen < Mailbox.HEADER_BYTES || in.length > MLX5CTL_MAX_RPC || outLen > MLX5CTL_MAX_RPC) {
            throw new RpcSizeException(Errno.EINVAL, "mlx5ctl RPC lengths must be 16.." + MLX5CTL_MAX_RPC + " bytes (in " + in.length + ", out " + outLen + ")");
        }
        byte[] copy = in.clone();
        Mailbox.setUid(copy, uid);
        hca.faults.inFlight.increment();
        try {
            long delay = hca.faults.latencyNanos(Mailbox.opcode(copy));
            if (delay > 0 && waitGone(delay)) throw gone();
            if (isRemoved()) throw gone();
            byte[] out = hca.firmware.execute(this, copy, outLen);
            if (isRemoved()) throw gone();
            return out;
        } finally {
            hca.faults.inFlight.decrement();
        }
    }

    private void fwctlChecks(Scope scope, byte[] in, int outLen) {
        if (in.length > FWCTL_MAX_RPC || outLen > FWCTL_MAX_RPC) {
            throw new RpcSizeException("fwctl RPC lengths are limited to 2 MiB (in " + in.length + ", out " + outLen + ")");
        }
        if (scope == null) throw new ChannelException(Errno.EOPNOTSUPP, "fwctl RPCs need a scope; pass one of " + List.of(Scope.values()));
        if (scope == Scope.DEBUG_WRITE_FULL && !hca.rawIo) {
            throw new PermissionException("scope debug-write-full needs CAP_SYS_RAWIO, which this process lacks; use a lower scope or run with the capability");
        }
        if (scope.taintsKernel()) hca.tainted.set(true);
        if (in.length < Mailbox.HEADER_BYTES || outLen < Mailbox.HEADER_BYTES) {
            throw new RpcSizeException("fwctl RPC mailboxes must be at least 16 bytes (in " + in.length + ", out " + outLen + ")");
        }
        int opcode = Mailbox.opcode(in);
        int opMod = Mailbox.opMod(in);
        Optional<Scope> need = FwctlPolicy.minScope(opcode, opMod);
        if (need.isEmpty()) {
            throw new ScopeNotAllowedException("fwctl does not allow opcode 0x" + Integer.toHexString(opcode)
                    + " at any scope (object-creating and unlisted commands are filtered); use an mlx5ctl device for it");
        }
        if (!scope.covers(need.get())) {
            throw new ScopeNotAllowedException("opcode 0x" + Integer.toHexString(opcode) + " op_mod " + opMod
                    + " needs scope " + need.get() + " but was sent at " + scope + "; resend at " + need.get());
        }
    }

    private boolean waitGone(long nanos) {
        try {
            return hca.goneLatch.await(nanos, TimeUnit.NANOSECONDS) || isRemoved();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelException(Errno.EINTR, "RPC to " + hca.name + " interrupted while waiting for the device");
        }
    }

    private DeviceGoneException gone() {
        return new DeviceGoneException(hca.name + " (" + hca.pci + ") was removed; rediscover devices");
    }

    private void checkOpen() {
        if (closed) throw new ChannelException(Errno.EBADF, "handle on " + hca.name + " is closed; open a new one");
        if (isRemoved()) throw gone();
    }

    @Override
    public boolean supportsUmem() {
        return personality == Transport.MLX5CTL;
    }

    @Override
    public Umem registerUmem(long size) {
        checkOpen();
        if (personality != Transport.MLX5CTL) {
            throw new UmemUnsupportedException("fwctl has no user memory registration; use an mlx5ctl device (or --emulate mlx5ctl)");
        }
        if (size <= 0) throw new RpcSizeException(Errno.EINVAL, "umem size must be positive, got " + size);
        if (size > UMEM_MAX) throw new RpcSizeException(Errno.EINVAL, "umem size " + size + " is over the 64 MiB mlx5ctl limit");
        long len = (size + PAGE - 1) / PAGE * PAGE;
        if (hca.faults.takeUmemFailure()) throw new UmemLimitException("umem registration failed: out of memory (injected fault)");
        long used = hca.memlockUsed.addAndGet(len);
        if (used > hca.memlockLimit) {
            hca.memlockUsed.addAndGet(-len);
            throw new UmemLimitException("pinning " + len + " bytes would exceed the locked-memory limit of " + hca.memlockLimit
                    + " bytes (" + (used - len) + " in use); raise RLIMIT_MEMLOCK or free umem");
        }
        long va = hca.nextVa.getAndAdd(len + PAGE);
        int id = hca.objects.nextUmemId.getAndIncrement();
        EmuUmem u = new EmuUmem(this, id, va, len);
        umems.put(id, u);
        hca.objects.umems.put(id, new Objects.UmemRegion(id, u, va, len, uid));
        return u;
    }

    /** mlx5ctl UMEM_UNREG by id. */
    public void unregisterUmem(int umemId) {
        EmuUmem u = umems.get(umemId);
        if (u == null) throw new UnknownUmemException("umem " + umemId + " is not registered on this handle");
        releaseUmem(u);
    }

    void releaseUmem(EmuUmem u) {
        if (umems.remove(u.id(), u)) {
            hca.objects.umems.values().removeIf(r -> r.umem() == u);
            hca.objects.mkeys.values().removeIf(k -> k.region() != null && k.region().umem() == u);
            hca.memlockUsed.addAndGet(-u.size());
            u.release(false);
        }
    }

    void releaseAllUmem(boolean deviceGone) {
        for (EmuUmem u : umems.values()) {
            if (umems.remove(u.id(), u)) {
                hca.memlockUsed.addAndGet(-u.size());
                u.release(deviceGone);
            }
        }
    }

    /**
     * What the device holds for all its handles (umem, PDs, mkeys, tracer owner and state) and what handle closes
     * had to reclaim: specs check that a client released everything it created.
     */
    public ObjectTable objectTable() {
        Objects o = hca.objects;
        return new ObjectTable(Objects.sorted(o.umems), Objects.sorted(o.pds), Objects.sorted(o.mkeys), hca.tracer.owner(),
                hca.tracer.isActive(), new ObjectTable.Reclaimed(o.reclaimedUmems.get(), o.reclaimedPds.get(),
                o.reclaimedMkeys.get(), hca.tracer.reclaimedOwnerships()));
    }

    /** Registered umem of this handle (open ones). */
    public List<Umem> umems() {
        return List.copyOf(umems.values());
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        releaseAllUmem(false);
        hca.objects.dropUid(uid);
        hca.tracer.handleClosed(uid);
        hca.handles.remove(this);
        hca.handleClosed();
    }

    @Override
    public String toString() {
        return hca.name + " (" + hca.profile.displayName() + ", " + personality + ", uid " + uid + ", " + hca.pci + ")";
    }
}
