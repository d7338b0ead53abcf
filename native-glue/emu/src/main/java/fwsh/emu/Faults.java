package fwsh.emu;

import fwsh.base.ArgumentException;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Fault injection for one emulated device (shared by all its handles). Every method returns this
 * so faults can be chained: {@code dev.faults().latency(Duration.ofSeconds(2)).failRegister(0x5008, 1, 0x4)}.
 */
public final class Faults {
    /** Syndrome used when a fault gives none: FirmwareError.syndromeOf("fault.injected"). */
    public static final long INJECTED_SYNDROME = FirmwareError.syndromeOf("fault.injected");

    private record Fail(AtomicInteger remaining, int status, long syndrome) {
    }

    private final Hca hca;
    private final Map<Integer, Fail> byOpcode = new ConcurrentHashMap<>();
    private final Map<Integer, Fail> byRegister = new ConcurrentHashMap<>();
    private final Map<Integer, Long> latencyByOpcode = new ConcurrentHashMap<>();
    private final AtomicLong latencyAll = new AtomicLong();
    private final AtomicInteger umemFailures = new AtomicInteger();
    /** A LongAdder, not an AtomicInteger: every RPC bumps it twice, and a shared atomic stops threads scaling. */
    final java.util.concurrent.atomic.LongAdder inFlight = new java.util.concurrent.atomic.LongAdder();

    Faults(Hca hca) {
        this.hca = hca;
    }

    /** The next {@code count} RPCs with this opcode get firmware {@code status} and {@code syndrome}. */
    public Faults failOpcode(int opcode, int count, int status, long syndrome) {
        byOpcode.put(opcode, new Fail(new AtomicInteger(count), check(status), syndrome));
        return this;
    }

    public Faults failOpcode(int opcode, int count, int status) {
        return failOpcode(opcode, count, status, INJECTED_SYNDROME);
    }

    /** The next {@code count} ACCESS_REG calls (read or write) for this register id fail with status/syndrome. */
    public Faults failRegister(int registerId, int count, int status, long syndrome) {
        byRegister.put(registerId, new Fail(new AtomicInteger(count), check(status), syndrome));
        return this;
    }

    public Faults failRegister(int registerId, int count, int status) {
        return failRegister(registerId, count, status, INJECTED_SYNDROME);
    }

    /** Every RPC takes this much longer (wall time, even with a virtual clock). Zero turns it off. */
    public Faults latency(Duration d) {
        latencyAll.set(checkLatency(d));
        return this;
    }

    /** RPCs with this opcode take this much longer. */
    public Faults latency(int opcode, Duration d) {
        latencyByOpcode.put(opcode, checkLatency(d));
        return this;
    }

    /** The next {@code count} umem registrations fail with ENOMEM. */
    public Faults failUmem(int count) {
        umemFailures.set(count);
        return this;
    }

    /** The tracer skips {@code lostBlocks} blocks and marks the next block's events lost. */
    public Faults traceOverrun(int lostBlocks) {
        hca.tracer.injectOverrun(lostBlocks);
        return this;
    }

    /** The firmware changes its string DB and raises a STRINGS_DB_UPDATE tracer event. */
    public Faults stringDbUpdate() {
        hca.tracer.updateStringDb();
        return this;
    }

    /**
     * Hot-unplug: every later call and every call in flight (including ones waiting in injected
     * latency) fails with ENODEV; all umem is released. {@link #reinsert} brings the card back.
     */
    public void remove() {
        hca.remove();
    }

    /** A firmware reset: the NV configuration's NEXT values take effect (see {@link EmulatedDevice#reboot()}). */
    public Faults reboot() {
        hca.reboot();
        return this;
    }

    /**
     * Hot-plug back after {@link #remove}: the same card answers again in its slot (port counters carry on; firmware
     * objects and umem are gone). Handles opened before the removal stay dead; open new ones with
     * {@link EmulatedDevice#openHandle()}. Does nothing while the device is present.
     */
    public void reinsert() {
        hca.reinsert();
    }

    /** Clears failures and latency (not removal). */
    public Faults clear() {
        byOpcode.clear();
        byRegister.clear();
        latencyByOpcode.clear();
        latencyAll.set(0);
        umemFailures.set(0);
        return this;
    }

    /** RPCs currently inside the device. */
    public int inFlight() {
        return (int) inFlight.sum();
    }

    /** Waits (parking briefly) until at least {@code n} RPCs are in flight; false on timeout. */
    public boolean awaitInFlight(int n, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (inFlight.sum() < n) {
            if (System.nanoTime() > end) return false;
            LockSupport.parkNanos(200_000);
        }
        return true;
    }

    // ---- used by the device ----

    long latencyNanos(int opcode) {
        Long l = latencyByOpcode.get(opcode);
        return Math.max(latencyAll.get(), l == null ? 0 : l);
    }

    /** Returns {status, syndrome} if an injected failure applies, else null. */
    long[] takeOpcode(int opcode) {
        return take(byOpcode, opcode);
    }

    long[] takeRegister(int reg) {
        return take(byRegister, reg);
    }

    boolean takeUmemFailure() {
        while (true) {
            int n = umemFailures.get();
            if (n <= 0) return false;
            if (umemFailures.compareAndSet(n, n - 1)) return true;
        }
    }

    private static long[] take(Map<Integer, Fail> m, int key) {
        Fail f = m.get(key);
        if (f == null) return null;
        if (f.remaining.getAndDecrement() > 0) return new long[]{f.status, f.syndrome};
        m.remove(key, f);
        return null;
    }

    private static int check(int status) {
        if (status < 1 || status > 0xff) throw new ArgumentException("firmware status must be 0x01..0xff, got " + status);
        return status;
    }

    private static long checkLatency(Duration d) {
        if (d.isNegative()) throw new ArgumentException("latency must not be negative: " + d);
        if (d.compareTo(Duration.ofMinutes(1)) > 0) throw new ArgumentException("latency " + d + " is over the 1 minute limit");
        return d.toNanos();
    }
}
