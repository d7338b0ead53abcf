package fwsh.dsl.trace;

import fwsh.base.FwshException;
import fwsh.dsl.engine.Shown;
import fwsh.trace.CaptureRecord;
import fwsh.trace.TraceCaptureReader;
import fwsh.trace.TraceMessage;
import fwsh.trace.TraceSink;
import fwsh.trace.TraceStats;
import fwsh.wire.Bits;
import groovy.lang.Closure;
import groovy.transform.stc.ClosureParams;
import groovy.transform.stc.SimpleType;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Offline work on trace capture files: no device, no session needed.
 * <pre>
 *   TraceFiles.decode('fw.trc')                          // prints tracepoint lines and a summary
 *   TraceFiles.decode(json: true, grep: 'PHY', 'fw.trc')
 *   TraceFiles.decode('fw.trc') { r -> println r.message }
 *   TraceFiles.decode(Path.of('fw.trc'), sink)           // every message to a TraceSink
 * </pre>
 * A damaged file is decoded record by intact record: each damaged place is one line on stderr (file, byte offset, what
 * is wrong, where reading resumed); the summary counts the damaged records skipped and its {@code error} is the first.
 */
public final class TraceFiles {
    private TraceFiles() {
    }

    /**
     * Decodes every intact block of {@code file} into {@code sink}. Each damaged place of the file is printed once on
     * stderr (file, byte offset, what is wrong, where reading resumed) as it is read; the summary counts them.
     */
    public static TraceSummary decode(Path file, TraceSink sink) {
        return decode(file, sink, System.err::println);
    }

    static TraceSummary decode(Path file, TraceSink sink, Consumer<String> errors) {
        try (TraceCaptureReader r = open(file)) {
            if (r.header() == null) {
                r.errors().forEach(errors);
                return new TraceSummary(0, 0, 0, 0, 0, 0, 0, 0, 0, "unreadable file", r.error(), 0);
            }
            ReportingSink reporting = new ReportingSink(sink, r, errors);
            TraceStats s = r.decode(reporting);
            reporting.report();
            String ended = r.complete() ? "end of file" : "end of file (no end record: the capture was cut short)";
            return TraceSummary.of(s, s.messages, 0, ended, r.error(), r.skipped());
        } catch (IOException e) {
            throw new FwshException("cannot read capture " + file + ": " + e.getMessage(), e);
        }
    }

    /** Passes messages on, printing each damage line of the reader as soon as the reader has met it. */
    private static final class ReportingSink implements TraceSink {
        private final TraceSink sink;
        private final TraceCaptureReader reader;
        private final Consumer<String> errors;
        private int reported;

        ReportingSink(TraceSink sink, TraceCaptureReader reader, Consumer<String> errors) {
            this.sink = sink;
            this.reader = reader;
            this.errors = errors;
        }

        @Override
        public void onMessage(TraceMessage m) {
            report();
            sink.onMessage(m);
        }

        void report() {
            while (reported < reader.skipped()) errors.accept(reader.errors().get(reported++));
        }
    }

    /** Prints the messages of {@code file} (options as for tail: grep:, events:, json:, realTs:, count:, out:). */
    public static TraceSummary decode(Map<String, ?> options, Object file) {
        return decode(options, file, null);
    }

    public static TraceSummary decode(Object file) {
        return decode(Map.of(), file, null);
    }

    /** Calls {@code handler} per message, as tail does: {@code TraceFiles.decode('fw.trc') { r -> println r.message }}. */
    public static TraceSummary decode(Object file,
                                      @ClosureParams(value = SimpleType.class, options = "fwsh.trace.TraceRecord") Closure<?> handler) {
        return decode(Map.of(), file, handler);
    }

    /** Calls {@code handler} per message that passes the filters (prints when it is null), then the summary. */
    public static TraceSummary decode(Map<String, ?> options, Object file,
                                      @ClosureParams(value = SimpleType.class, options = "fwsh.trace.TraceRecord") Closure<?> handler) {
        TraceOptions o = TraceOptions.parse(options);
        Path p = path(file);
        long kHz = 0;
        if (o.realTs) {
            CaptureRecord.Header h = header(p);
            kHz = h == null ? 0 : h.caps().deviceFrequencyKHz();
            if (kHz <= 0) throw new FwshException("realTs: the capture " + p + " does not record the device clock frequency; decode without realTs");
        }
        Delivery d = Delivery.to(o, handler, true, kHz);
        o.flush();
        TraceSummary s = decode(p, d, line -> {
            o.flush();   // the messages before the damage come first
            System.err.println("error: " + line);
        });
        s = new TraceSummary(s.events(), s.messages(), d.shown(), s.lost(), s.overruns(), s.lostFlagEvents(), s.badFormats(),
                s.raw(), s.blocks(), s.ended(), s.error(), s.damagedRecords());
        o.note(s.toString());
        o.flush();
        return Shown.printed(s);
    }

    /** The header record (device identity, caps, start time), or null when the file is damaged before it. */
    public static CaptureRecord.Header header(Object file) {
        Path p = path(file);
        try (TraceCaptureReader r = open(p)) {
            return r.header();
        } catch (IOException e) {
            throw new FwshException("cannot read capture " + p + ": " + e.getMessage(), e);
        }
    }

    private static TraceCaptureReader open(Path file) throws IOException {
        if (!Files.exists(file)) throw new FwshException("cannot read capture " + file + ": no such file");
        if (Files.isDirectory(file)) throw new FwshException("cannot read capture " + file + ": it is a directory");
        try {
            return TraceCaptureReader.open(file);
        } catch (NoSuchFileException e) {
            throw new FwshException("cannot read capture " + file + ": no such file");
        }
    }

    static Path path(Object file) {
        if (file instanceof Path p) return p;
        if (file instanceof File f) return f.toPath();
        if (file == null || String.valueOf(file).isBlank()) throw new FwshException("a capture file name is needed");
        return Path.of(String.valueOf(file));
    }
}
