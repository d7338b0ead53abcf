package fwsh.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import fwsh.trace.CaptureRecord;
import fwsh.trace.TraceCaptureReader;
import fwsh.trace.TraceFormatter;

import java.io.ByteArrayInputStream;

/**
 * Arbitrary bytes read as a trace capture file. The reader never throws on damage: it skips to the next intact
 * record and each damaged stretch is one line in errors(). Decoding what was read must not throw either.
 */
class TraceCaptureReaderFuzzTest {

    @FuzzTest
    void read(byte[] data) throws java.io.IOException {
        int n = 0;
        try (TraceCaptureReader r = new TraceCaptureReader(new ByteArrayInputStream(data), "fuzz.trc")) {
            for (CaptureRecord c; (c = r.next()) != null; ) n++;
            check(r);
        }
        try (TraceCaptureReader r = new TraceCaptureReader(new ByteArrayInputStream(data), "fuzz.trc")) {
            if (r.header() == null) {
                if (r.error() == null) throw new AssertionError("no header and no error");
                return;
            }
            r.decode(new TraceFormatter(new StringBuilder()));
            check(r);
        }
    }

    private static void check(TraceCaptureReader r) {
        for (String e : r.errors()) {
            if (e.isBlank() || e.indexOf('\n') >= 0) throw new AssertionError("error is not one line: " + e);
        }
        if (r.skipped() != r.errors().size()) throw new AssertionError("skipped " + r.skipped() + " but " + r.errors().size() + " errors");
        if (r.error() != null && !r.error().equals(r.errors().get(0))) throw new AssertionError("error() is not the first of errors()");
    }
}
