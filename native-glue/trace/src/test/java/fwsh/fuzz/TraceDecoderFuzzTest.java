package fwsh.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import fwsh.trace.StringDb;
import fwsh.trace.TraceBlock;
import fwsh.trace.TraceDecoder;
import fwsh.trace.TraceFormatter;
import fwsh.trace.TracerCaps;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Arbitrary ring bytes polled by the trace decoder, with a string DB whose formats come from the input too.
 * Byte 0: trc_ver (low 2 bits); byte 1: first_string_trace; byte 2: num_string_trace; byte 3: ring blocks
 * (1, 2, 4 or 8); bytes 4..259: a string DB section at 0x40000; the rest fills the ring (zero padded). The ring
 * is polled, partly rewritten and polled again; every message is formatted. Nothing may throw.
 */
class TraceDecoderFuzzTest {

    @FuzzTest
    void poll(byte[] data) {
        if (data.length < 4) return;
        int blocks = 1 << (data[3] & 3);
        TracerCaps caps = new TracerCaps(data[0] & 3, data[1] & 0xFF, data[2] & 0xFF, blocks * TraceBlock.SIZE, 1000);
        byte[] db = Arrays.copyOfRange(data, 4, Math.min(data.length, 4 + 256));
        byte[] dbSection = Arrays.copyOf(db, 256);
        StringDb strings = new StringDb(List.of(new StringDb.Section(0x40000, dbSection.length, dbSection)));
        StringBuilder out = new StringBuilder();
        TraceFormatter fmt = new TraceFormatter(out).style((data[3] & 4) != 0 ? TraceFormatter.Style.JSON : TraceFormatter.Style.TRACEPOINT);
        TraceDecoder d = new TraceDecoder(caps, strings, m -> {
            m.toRecord();
            fmt.onMessage(m);
        });
        byte[] ring = new byte[blocks * TraceBlock.SIZE];
        int from = Math.min(data.length, 4 + 256);
        System.arraycopy(data, from, ring, 0, Math.min(ring.length, data.length - from));
        d.poll(ring);
        // Producer moved on: rotate the ring by one block and poll again (wrap, overrun and stale paths).
        byte[] next = new byte[ring.length];
        System.arraycopy(ring, TraceBlock.SIZE % ring.length, next, 0, ring.length - TraceBlock.SIZE % ring.length);
        d.poll(ByteBuffer.wrap(next));
        d.setStringDb(new StringDb(List.of(new StringDb.Section(0x40000, 32, Arrays.copyOf("%s %d %llx %%x".getBytes(StandardCharsets.US_ASCII), 32)))));
        d.poll(ring);
        d.stats();
    }
}
