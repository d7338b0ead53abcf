package fwsh.counters;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Real time with a hybrid wait: park until a margin before the deadline, then spin. The margin tracks how late
 * {@code parkNanos} wakes on this machine (timer slack, scheduler latency): it rises quickly after a late wake
 * and decays slowly, capped at half the period, so most of the wait is spent parked (no CPU) and the deadline is still met to a few µs.
 */
final class SystemTicker implements Ticker {
    static final long MIN_MARGIN = 5_000, MAX_MARGIN = 400_000, INITIAL_MARGIN = 60_000;
    /** A wake this late is preemption, not timer inaccuracy: it says nothing about how early to wake next time. */
    static final long PREEMPTED = 1_000_000;

    private long overshootEstimate = INITIAL_MARGIN;
    private long marginCap = MAX_MARGIN;

    /**
     * Caps the spin margin at half the sampling period, so at least half of every period is spent parked even when
     * wakes are late: CPU stays bounded and a descheduled sampler does not turn into a busy loop.
     */
    void periodHint(long periodNanos) {
        marginCap = Math.max(MIN_MARGIN, Math.min(MAX_MARGIN, periodNanos / 2));
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public long wallMillis() {
        return System.currentTimeMillis();
    }

    /** The current spin margin in ns (for statistics). */
    long margin() {
        return Math.max(MIN_MARGIN, Math.min(marginCap, overshootEstimate + overshootEstimate / 4 + 2_000));
    }

    @Override
    public void waitUntil(long deadline, AtomicBoolean wake) {
        Thread self = Thread.currentThread();
        while (true) {
            long now = System.nanoTime();
            long remaining = deadline - now;
            if (remaining <= 0 || wake.get() || self.isInterrupted()) return;
            long margin = margin();
            if (remaining > margin) {
                long request = remaining - margin;
                LockSupport.parkNanos(request);
                long over = System.nanoTime() - now - request;
                if (over < 0) over = 0;
                // fast attack, slow decay: one late wake raises the margin, it then relaxes over ~32 parks
                if (over > PREEMPTED) continue;
                if (over > overshootEstimate) overshootEstimate += (over - overshootEstimate) / 4;
                else overshootEstimate -= (overshootEstimate - over) / 32;
            } else {
                Thread.onSpinWait();
            }
        }
    }
}
