package fwsh.dsl.trace;

import fwsh.base.FwshException;
import fwsh.trace.TraceRecord;
import fwsh.trace.TraceStats;
import fwsh.trace.TracefsReader;

import java.nio.file.Path;
import java.util.Map;

/**
 * The fwctl fallback: the mainline kernel has no umem, so fwsh cannot give the tracer a buffer; the kernel's own
 * tracer output (the {@code mlx5:mlx5_fw} tracepoint in tracefs, filtered to the device) is read instead, as
 * mstfwtrace does. Nothing is held on the device, so closing releases nothing.
 */
final class TracefsTrace implements TraceSession {
    private final TracefsReader reader;
    private final TraceStats stats = new TraceStats();
    private volatile boolean closed;

    TracefsTrace(TracefsReader reader) {
        this.reader = reader;
    }

    @Override
    public synchronized void poll(Delivery d) {
        if (closed) return;
        for (TraceRecord r : reader.poll()) {
            stats.messages++;
            d.accept(r);
        }
    }

    @Override
    public TraceStats stats() {
        return stats;
    }

    @Override
    public String goneMessage() {
        return null;
    }

    @Override
    public long lostAtEnd() {
        return 0;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public CaptureFile capture(Path file, Map<String, String> identity, long deviceFrequencyKHz) {
        throw new FwshException("capture needs the raw trace blocks, which the tracefs fallback does not have; "
                + "capture through an mlx5ctl device");
    }

    @Override
    public void endCapture(CaptureFile capture) {
        // no capture is ever started
    }

    @Override
    public void describe(Map<String, Object> status) {
        status.put("session", "tracefs fallback (" + reader.root() + ")");
        status.put("messages", stats.messages);
    }

    @Override
    public void close() {
        closed = true;
    }
}
