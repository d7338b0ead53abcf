package fwsh.dsl.counters;

import fwsh.counters.SampleListener;
import fwsh.counters.Watch;

import java.util.List;
import java.util.function.Consumer;

/**
 * Redraws a watch's table (name, value, rate, sparkline, breach marker) in the REPL's status area instead
 * of scrolling: at most every 100 ms of sample time, so a 1 ms watch does not flood the terminal.
 */
final class LiveView implements SampleListener {
    private static final long REDRAW_NANOS = 100_000_000L;

    private final Watch watch;
    private final Consumer<List<String>> view;
    private long lastDraw = Long.MIN_VALUE;

    LiveView(Watch watch, Consumer<List<String>> view) {
        this.watch = watch;
        this.view = view;
    }

    @Override
    public void onSample(long tNanos, long deviceNanos, long[] values) {
        watch.onSample(tNanos, deviceNanos, values);
        if (lastDraw == Long.MIN_VALUE || tNanos - lastDraw >= REDRAW_NANOS) {
            lastDraw = tNanos;
            view.accept(watch.render());
        }
    }
}
