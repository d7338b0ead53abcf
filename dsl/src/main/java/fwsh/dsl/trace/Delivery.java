package fwsh.dsl.trace;

import fwsh.trace.RealTimestamp;
import fwsh.trace.TraceFormatter;
import fwsh.trace.TraceMessage;
import fwsh.trace.TraceRecord;
import fwsh.trace.TraceSink;
import groovy.lang.Closure;

import java.util.BitSet;
import java.util.regex.Matcher;

/**
 * Where decoded messages go during a tail, capture or decode: through the events:/grep: filters, then to the
 * user's closure (as an immutable {@link TraceRecord}) or printed as tracepoint/JSON lines, up to count:.
 * With neither closure nor printing, messages are only counted.
 */
final class Delivery implements TraceSink {
    private final BitSet ids;
    private final Matcher grep;
    private final Closure<?> handler;
    private final java.util.function.Consumer<TraceRecord> consumer;
    private final TraceFormatter printer;
    private final long limit;
    private long shown;

    private Delivery(TraceOptions o, Closure<?> handler, java.util.function.Consumer<TraceRecord> consumer, boolean print, long kHz) {
        this.handler = handler;
        this.consumer = consumer;
        this.limit = o.count > 0 ? o.count : Long.MAX_VALUE;
        BitSet b = null;
        if (o.events != null && o.events.length > 0) {
            b = new BitSet(256);
            for (int id : o.events) b.set(id);
        }
        this.ids = b;
        this.grep = o.grep == null ? null : o.grep.matcher("");
        if (handler == null && consumer == null && print) {
            TraceFormatter f = new TraceFormatter(o.out()).style(o.json ? TraceFormatter.Style.JSON : TraceFormatter.Style.TRACEPOINT);
            if (o.realTs) f.realTimestamps(RealTimestamp.ofKHz(kHz));
            this.printer = f;
        } else {
            this.printer = null;
        }
    }

    /** Calls {@code handler} per message, or prints when it is null and {@code print}. */
    static Delivery to(TraceOptions o, Closure<?> handler, boolean print, long kHz) {
        return new Delivery(o, handler, null, print, kHz);
    }

    /** Hands every message that passes the filters to {@code consumer} (poll()'s list). */
    static Delivery collecting(TraceOptions o, java.util.function.Consumer<TraceRecord> consumer) {
        return new Delivery(o, null, consumer, false, 0);
    }

    boolean full() { return shown >= limit; }
    long shown() { return shown; }

    @Override
    public void onMessage(TraceMessage m) {
        if (full() || (ids != null && !ids.get(m.eventId()))) return;
        if (printer != null && grep == null) {
            printer.onMessage(m);       // formats straight from the reused message: no record allocated
            shown++;
            return;
        }
        accept(m.toRecord());
    }

    /** A message that did not come from the decoder (tracefs lines). */
    void accept(TraceRecord r) {
        if (full() || (ids != null && !ids.get(r.eventId()))) return;
        if (grep != null && !grep.reset(r.message()).find()) return;
        shown++;
        if (handler != null) handler.call(r);
        else if (consumer != null) consumer.accept(r);
        else if (printer != null) printer.accept(r);
    }
}
