package fwsh.shell.bundle;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a collection phase (collect.groovy) sees of the bundle: one device's folder in it, where files go and where
 * skipped items are noted, and the intervals the command line asked for.
 */
public final class BundleSink {
    private final BundleFiles files;
    private final String folder;
    private final Duration countersOver;
    private final Duration traceFor;

    BundleSink(BundleFiles files, String folder, Duration countersOver, Duration traceFor) {
        this.files = files;
        this.folder = folder;
        this.countersOver = countersOver;
        this.traceFor = traceFor;
    }

    /** NAME (in this device's folder) as indented JSON. */
    public void json(String name, Object value) {
        files.json(folder + name, value);
    }

    public void text(String name, Object text) {
        files.text(folder + name, String.valueOf(text));
    }

    /** Where to write NAME (a trace capture); it is in the bundle unless {@link #forget} drops it. */
    public Path file(String name) {
        return files.file(folder + name);
    }

    public void forget(String name) {
        files.forget(folder + name);
    }

    /** Something the device does not offer or answer, and why (a firmware status or errno line). */
    public void skip(String what, String reason) {
        files.skip(folder + what, reason);
    }

    /** Waits, ending early (InterruptedException) when the bundle is interrupted or the phase overran its bound. */
    public void sleep(Duration d) throws InterruptedException {
        Thread.sleep(d.toMillis());
    }

    public Duration getCountersOver() {
        return countersOver;
    }

    public Duration getTraceFor() {
        return traceFor;
    }
}
