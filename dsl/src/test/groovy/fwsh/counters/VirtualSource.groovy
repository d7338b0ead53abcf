package fwsh.counters

import groovy.transform.CompileStatic

/**
 * A counter source on virtual time: every counter is offset + perSecond × t (integer ns arithmetic), masked to its
 * width, so tests know every value exactly. Counters can be set (to provoke wraps) or cleared at any moment.
 */
@CompileStatic
class VirtualSource implements CounterSource {
    final String name
    final ManualTicker clock
    final List<CounterDef> defs = []
    final List<Long> perSecond = []
    final List<Long> offset = []
    boolean deviceTime
    long deviceOrigin = 7_000_000_000L
    /** virtual ns each read costs (to make a sampler fall behind) */
    long readCost
    long reads

    VirtualSource(String name, ManualTicker clock) {
        this.name = name
        this.clock = clock
    }

    VirtualSource counter(String n, long perSec, int width = 64, String unit = 'packets', String description = null) {
        defs << CounterDef.counter(n, name, description ?: "$n test counter".toString(), unit, width)
        perSecond << perSec
        offset << 0L
        this
    }

    VirtualSource gauge(String n, long perSec, long start, String unit = '0.125 C') {
        defs << CounterDef.gauge(n, name, "$n test gauge".toString(), unit, 16)
        perSecond << perSec
        offset << start
        this
    }

    @Override String name() { name }

    @Override List<CounterDef> counters() { defs }

    @Override boolean hasDeviceTime() { deviceTime }

    static long formula(long perSec, long t) {
        perSec * (t.intdiv(1_000_000_000L) as long) + (perSec * (t % 1_000_000_000L)).intdiv(1_000_000_000L) as long
    }

    /** The exact value a read at virtual time t returns. */
    long expected(String n, long t) {
        int i = defs.findIndexOf { it.name() == n }
        long v = offset[i] + formula(perSecond[i], t)
        defs[i].isGauge() ? v : v & defs[i].mask()
    }

    /** Makes counter n read {@code value} now (it keeps advancing from there). */
    void set(String n, long value) {
        int i = defs.findIndexOf { it.name() == n }
        offset[i] = value - formula(perSecond[i], clock.nanoTime())
    }

    void clear(String n) { set(n, 0) }

    @Override
    long read(int[] indices, long[] into) {
        reads++
        long t = clock.nanoTime()
        for (int k = 0; k < indices.length; k++) {
            int i = indices[k]
            into[k] = offset[i] + formula(perSecond[i], t)
        }
        if (readCost > 0) clock.advance(readCost)
        deviceTime ? deviceOrigin + t : NO_DEVICE_TIME
    }
}
