package fwsh.trace;

import java.util.Objects;

/**
 * Turns tracer events into messages exactly as the driver does (OFED {@code fw_tracer.c}:
 * {@code mlx5_tracer_handle_string_trace}, {@code mlx5_tracer_handle_timestamp_trace}):
 * <ul>
 * <li>a string event with tdsn 0 starts a message; its string_param points into the string DB (strict section
 *     test); the pending message is keyed by (event_id, tmsn), the newest one shadowing older ones with the same
 *     key as in the driver's hash;</li>
 * <li>a pointer in no section, or a parameter event with an unknown (event_id, tmsn), becomes a raw message
 *     {@code 0x%08x%08x} of the whole event;</li>
 * <li>a message is ready when it has as many parameters as its format has '%'; a parameter beyond the 7th makes
 *     it ready with 7; a BAD_FORMAT message is ready at once and its parameter events are dropped;</li>
 * <li>a reliable timestamp event flushes the ready list in order, reconstructing each message's timestamp from
 *     its 7 bits: {@code ts7 < (TS & 0x7F) ? (TS & MASK_52_7) | ts7 : ((TS - 1) & MASK_52_7) | ts7};
 *     unreliable timestamp events are ignored.</li>
 * </ul>
 * Pending messages are pooled: no allocation per event once warmed up. Not thread-safe.
 */
public final class MessageAssembler {

    public static final long MASK_52_7 = 0x1FFFFFFFFFFF80L;
    public static final long MASK_6_0 = 0x7F;
    /** Incomplete messages kept before they are dropped (the driver keeps them forever). */
    public static final int MAX_PENDING = 1 << 16;

    private static final int BUCKETS = 1 << 12;
    private static final TraceFormat NOT_FOUND = TraceFormat.compile("");

    /** A message being assembled (the driver's tracer_string_format). */
    private static final class Pending {
        TraceFormat format;      // null for raw
        final int[] params = new int[TraceFormat.MAX_PARAMS];
        int numParams;
        int lastParam;
        int key;
        int eventId;
        int ts7;
        boolean lost;
        boolean ready;
        boolean hashed;
        long rawEvent;
        Pending next;            // bucket chain or free list
    }

    private final TracerCaps caps;
    private final TraceSink sink;
    private final TraceStats stats;
    private StringDb db;

    private final Pending[] buckets = new Pending[BUCKETS];
    private Pending free;
    private int live;
    private Pending[] ready = new Pending[64];
    private int readyHead, readyCount;
    private final TraceMessage message = new TraceMessage();

    // string-DB pointer -> compiled format (open addressing; NOT_FOUND caches misses)
    private int[] cacheKeys = new int[1024];
    private TraceFormat[] cacheValues = new TraceFormat[1024];
    private int cacheSize;

    public MessageAssembler(TracerCaps caps, StringDb db, TraceSink sink, TraceStats stats) {
        this.caps = Objects.requireNonNull(caps, "caps");
        this.db = Objects.requireNonNull(db, "string DB");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.stats = Objects.requireNonNull(stats, "stats");
    }

    public TracerCaps caps() { return caps; }
    public StringDb stringDb() { return db; }

    /**
     * A new string DB (STRINGS_DB_UPDATE). As in the driver's reload, messages not yet printed are dropped
     * (counted in {@link TraceStats#droppedPending}) and the format cache is cleared.
     */
    public void setStringDb(StringDb newDb) {
        this.db = Objects.requireNonNull(newDb, "string DB");
        stats.droppedPending += live;
        java.util.Arrays.fill(buckets, null);
        free = null;
        live = 0;
        java.util.Arrays.fill(ready, null);
        readyHead = readyCount = 0;
        java.util.Arrays.fill(cacheValues, null);
        cacheSize = 0;
    }

    /** Messages started or complete but not yet flushed by a timestamp event. */
    public int pending() { return live; }

    /** Processes one event. */
    public void onEvent(long e) {
        stats.events++;
        int id = TracerEvent.eventId(e);
        // Bit 63 is the lost flag only on string events; on a timestamp event it is timestamp bit 7.
        if (e < 0 && id != TracerEvent.TIMESTAMP_EVENT_ID) stats.lostFlagEvents++;
        if (id == TracerEvent.TIMESTAMP_EVENT_ID) {
            stats.timestampEvents++;
            if (TracerEvent.unreliable(e, caps.trcVer())) stats.unreliableTimestamps++;
            else flush(TracerEvent.timestamp(e));
            return;
        }
        if (!caps.isStringEvent(id)) {
            stats.unrecognizedEvents++;
            return;
        }
        stats.stringEvents++;
        int tmsn = TracerEvent.tmsn(e);
        int param = TracerEvent.stringParam(e);
        int key = (id << 13) | tmsn;
        if (TracerEvent.tdsn(e) == 0) {
            TraceFormat f = formatFor(param);
            if (f == null) {
                raw(e);
                return;
            }
            Pending p = alloc();
            p.format = f;
            p.eventId = id;
            p.key = key;
            p.ts7 = TracerEvent.timestamp7(e);
            p.lost = e < 0;
            p.lastParam = 0;
            p.numParams = f.paramCount();
            insert(p);
            if (p.numParams <= 0) makeReady(p); // BAD_FORMAT (-1) or no parameters
        } else {
            Pending p = find(key);
            if (p == null) {
                stats.unknownTmsn++;
                raw(e);
                return;
            }
            if (p.numParams < 0) return; // parameter of a BAD_FORMAT message: dropped, as the driver does
            p.lastParam++;
            if (p.lastParam > TraceFormat.MAX_PARAMS) {
                makeReady(p);
                return;
            }
            p.params[p.lastParam - 1] = param;
            if (p.lastParam == p.numParams) makeReady(p);
        }
    }

    private void raw(long e) {
        Pending p = alloc();
        p.format = null;
        p.eventId = TracerEvent.eventId(e);
        p.ts7 = TracerEvent.timestamp7(e);
        p.lost = e < 0;
        p.rawEvent = e;
        makeReady(p);
    }

    private TraceFormat formatFor(int ptr) {
        int mask = cacheKeys.length - 1;
        int i = mix(ptr) & mask;
        while (true) {
            TraceFormat v = cacheValues[i];
            if (v == null) break;
            if (cacheKeys[i] == ptr) return v == NOT_FOUND ? null : v;
            i = (i + 1) & mask;
        }
        String s = db.formatAt(ptr);
        TraceFormat f = s == null ? NOT_FOUND : TraceFormat.compile(s);
        if (cacheSize * 2 >= cacheKeys.length) growCache();
        putCache(ptr, f);
        return f == NOT_FOUND ? null : f;
    }

    private void putCache(int ptr, TraceFormat f) {
        int mask = cacheKeys.length - 1;
        int i = mix(ptr) & mask;
        while (cacheValues[i] != null) i = (i + 1) & mask;
        cacheKeys[i] = ptr;
        cacheValues[i] = f;
        cacheSize++;
    }

    private void growCache() {
        int[] oldK = cacheKeys;
        TraceFormat[] oldV = cacheValues;
        cacheKeys = new int[oldK.length * 2];
        cacheValues = new TraceFormat[oldK.length * 2];
        cacheSize = 0;
        for (int i = 0; i < oldK.length; i++) if (oldV[i] != null) putCache(oldK[i], oldV[i]);
    }

    private static int mix(int x) {
        x *= 0x9E3779B9;
        return x ^ (x >>> 16);
    }

    private Pending alloc() {
        Pending p = free;
        if (p != null) free = p.next;
        else p = new Pending();
        p.next = null;
        p.ready = false;
        p.hashed = false;
        live++;
        return p;
    }

    private void release(Pending p) {
        p.format = null;
        p.next = free;
        free = p;
        live--;
    }

    private void insert(Pending p) {
        if (live - readyCount > MAX_PENDING) dropIncomplete();
        int b = mix(p.key) & (BUCKETS - 1);
        p.next = buckets[b];
        buckets[b] = p;
        p.hashed = true;
    }

    private Pending find(int key) {
        for (Pending p = buckets[mix(key) & (BUCKETS - 1)]; p != null; p = p.next) if (p.key == key) return p;
        return null;
    }

    private void unhash(Pending p) {
        int b = mix(p.key) & (BUCKETS - 1);
        Pending prev = null;
        for (Pending q = buckets[b]; q != null; prev = q, q = q.next) {
            if (q == p) {
                if (prev == null) buckets[b] = q.next;
                else prev.next = q.next;
                p.next = null;
                p.hashed = false;
                return;
            }
        }
    }

    /** Bounds memory when firmware never completes messages: incomplete ones are dropped and counted. */
    private void dropIncomplete() {
        for (int b = 0; b < BUCKETS; b++) {
            Pending prev = null;
            for (Pending q = buckets[b]; q != null; ) {
                Pending nx = q.next;
                if (!q.ready) {
                    if (prev == null) buckets[b] = nx;
                    else prev.next = nx;
                    q.hashed = false;
                    stats.droppedPending++;
                    release(q);
                } else {
                    prev = q;
                }
                q = nx;
            }
        }
    }

    private void makeReady(Pending p) {
        if (p.ready) return; // the driver would list it twice and corrupt its list; print it once
        p.ready = true;
        if (readyCount == ready.length) {
            Pending[] n = new Pending[ready.length * 2];
            for (int i = 0; i < readyCount; i++) n[i] = ready[(readyHead + i) & (ready.length - 1)];
            ready = n;
            readyHead = 0;
        }
        ready[(readyHead + readyCount) & (ready.length - 1)] = p;
        readyCount++;
    }

    /** Flushes the ready list with the timestamp of a reliable timestamp event. */
    private void flush(long ts) {
        int mask = ready.length - 1;
        long tsLow = ts & MASK_6_0;
        while (readyCount > 0) {
            Pending p = ready[readyHead];
            ready[readyHead] = null;
            readyHead = (readyHead + 1) & mask;
            readyCount--;
            long full = p.ts7 < tsLow ? (ts & MASK_52_7) | p.ts7 : ((ts - 1) & MASK_52_7) | p.ts7;
            emit(p, full);
            if (p.hashed) unhash(p);
            release(p);
        }
    }

    private void emit(Pending p, long timestamp) {
        TraceMessage m = message;
        m.timestamp = timestamp;
        m.lost = p.lost;
        m.eventId = p.eventId;
        m.format = p.format;
        if (p.format == null) {
            m.kind = TraceMessage.Kind.RAW;
            m.rawEvent = p.rawEvent;
            m.paramCount = 0;
            stats.rawMessages++;
        } else if (p.format.badFormat()) {
            m.kind = TraceMessage.Kind.BAD_FORMAT;
            m.paramCount = 0;
            stats.badFormats++;
        } else {
            m.kind = TraceMessage.Kind.FORMATTED;
            int n = Math.min(p.lastParam, TraceFormat.MAX_PARAMS);
            System.arraycopy(p.params, 0, m.params, 0, n);
            m.paramCount = n;
        }
        stats.messages++;
        sink.onMessage(m);
    }
}
