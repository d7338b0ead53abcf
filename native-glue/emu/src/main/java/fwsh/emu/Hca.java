package fwsh.emu;

import fwsh.channel.DeviceEvent;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The state of one emulated adapter, shared by every handle opened on it: ports, capabilities,
 * firmware objects, tracer, diagnostic counters, faults. Nothing here takes a device-wide lock on
 * the RPC path; each sub-model guards its own state.
 */
final class Hca {
    final String name;
    final String pci;
    final Profile profile;
    final EmuClock clock;
    final long seed;
    /** Replaced (not changed) by a reboot that applies NV configuration: the port protocol may change. */
    volatile Port[] ports;
    volatile Caps caps;
    final NvStore nv;
    final Objects objects = new Objects();
    final Faults faults;
    final Tracer tracer;
    final DiagCounters diag;
    final Thermal thermal;
    final ResourceDump resourceDump;
    final Firmware firmware;
    final long startNanos;
    final long tsBase;
    final long freqKhz;
    final long memlockLimit;
    final boolean rawIo;

    final AtomicBoolean tainted = new AtomicBoolean();
    volatile CountDownLatch goneLatch = new CountDownLatch(1);
    volatile boolean gone;
    /** Bumped by {@link #reinsert}: handles opened before it stay dead. */
    volatile int generation;
    /** uid field of the last command the firmware saw (tests check the kernel-style uid forcing). */
    volatile int lastSeenUid = -1;
    final AtomicInteger nextUid = new AtomicInteger(1);
    final AtomicLong nextVa = new AtomicLong(0x7f3a_0000_0000L);
    final AtomicLong memlockUsed = new AtomicLong();
    final List<EmulatedDevice> handles = new CopyOnWriteArrayList<>();
    private final Runnable onAdvance = this::catchUp;

    Hca(String name, String pci, Profile profile, EmuClock clock, long seed, long memlockLimit, boolean rawIo) {
        this(name, pci, profile, clock, seed, memlockLimit, rawIo, java.util.List.of(), 0);
    }

    Hca(String name, String pci, Profile profile, EmuClock clock, long seed, long memlockLimit, boolean rawIo,
        java.util.Collection<fwsh.nv.TlvDef> nvItems, int nvFill) {
        this.name = name;
        this.pci = pci;
        this.profile = profile;
        this.clock = clock;
        this.seed = seed;
        this.memlockLimit = memlockLimit;
        this.rawIo = rawIo;
        this.startNanos = clock.nanos();
        this.freqKhz = profile.num("cap.general.device_frequency_khz", 1_000_000);
        this.tsBase = 0x3a_0000_0000L + ((seed * 0x9E3779B97F4A7C15L) >>> 28);
        int n = profile.integer("ports");
        nv = new NvStore(profile, n, nvItems, nvFill);
        applyNv();
        faults = new Faults(this);
        tracer = new Tracer(this);
        diag = new DiagCounters(this);
        thermal = new Thermal(profile, seed, clock);
        resourceDump = new ResourceDump(this);
        firmware = new Firmware(this);
        clock.addListener(onAdvance);
    }

    /**
     * Builds ports and capabilities from the profile as the NV configuration in use (CURRENT) changes it: LINK_TYPE_Pn
     * makes port n InfiniBand or Ethernet, and port 1's protocol is the general capability's port_type (no RoCE on IB).
     * Called at start and by a reboot; port state and counters start afresh, as after a firmware reset.
     */
    void applyNv() {
        java.util.Map<String, String> overlay = new java.util.LinkedHashMap<>();
        int n = profile.integer("ports");
        for (int i = 1; i <= n; i++) {
            Long type = nv.current("nv_vpi_link_type", "default_link_type", i);
            if (type != null && (type == 1 || type == 2)) overlay.put("port." + i + ".protocol", type == 1 ? "ib" : "eth");
        }
        String first = overlay.get("port.1.protocol");
        if (first != null) {
            overlay.put("cap.general.port_type", first.equals("ib") ? "0" : "1");
            if (first.equals("ib")) overlay.put("cap.general.roce", "0");
            else if (profile.str("port.protocol", "eth").equals("ib")) overlay.put("cap.general.roce", "1");
        }
        Profile effective = overlay.isEmpty() ? profile : profile.with(overlay);
        Port[] fresh = new Port[n];
        for (int i = 0; i < n; i++) fresh[i] = new Port(i + 1, effective, seed, clock);
        caps = new Caps(effective);
        ports = fresh;
    }

    /** A firmware reset: NV configuration NEXT becomes CURRENT and takes effect. */
    void reboot() {
        nv.reboot();
        applyNv();
    }

    /** The last handle closed: stop time-driven work so a shared virtual clock does not keep this device alive. */
    void handleClosed() {
        if (handles.isEmpty()) {
            clock.removeListener(onAdvance);
            tracer.stop();
        }
    }

    void handleOpened() {
        if (handles.size() == 1 && !gone) {
            clock.removeListener(onAdvance);
            clock.addListener(onAdvance);
        }
    }

    /** Device clock ticks (device_frequency_khz) at a clock reading. */
    long deviceTicks(long nanos) {
        long rel = nanos - startNanos;
        return tsBase + rel / 1_000_000 * freqKhz + (rel % 1_000_000) * freqKhz / 1_000_000;
    }

    long deviceTicksNow() {
        return deviceTicks(clock.nanos());
    }

    long uptimeSeconds() {
        return (clock.nanos() - startNanos) / 1_000_000_000L;
    }

    Port port(int localPort, String who) {
        if (localPort < 1 || localPort > ports.length) {
            throw FirmwareError.badParam(who + ".bad_local_port", "local_port " + localPort + " does not exist (1.." + ports.length + ")");
        }
        return ports[localPort - 1];
    }

    /** Time-driven work that must happen even without RPCs (trace blocks land in memory). */
    void catchUp() {
        if (!gone) tracer.catchUp();
    }

    void broadcast(DeviceEvent e) {
        for (EmulatedDevice h : handles) h.deliver(e);
    }

    void remove() {
        if (gone) return;
        gone = true;
        goneLatch.countDown();
        clock.removeListener(onAdvance);
        tracer.stop();
        for (EmulatedDevice h : handles) h.releaseAllUmem(true);
        objects.clear();
    }

    /** Hot-plug back after {@link #remove}: the same card in its slot answers again through new handles. */
    synchronized void reinsert() {
        if (!gone) return;
        generation++;
        goneLatch = new CountDownLatch(1);
        gone = false;
        clock.addListener(onAdvance);
    }
}
