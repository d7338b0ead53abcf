package fwsh.dsl.metrics;

import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The Prometheus client's own writers, as strings: text format 0.0.4 and OpenMetrics 1.0. */
public final class Exposition {
    private Exposition() {
    }

    public static String text(MetricSnapshots s) {
        return write(PrometheusTextFormatWriter.create(), s);
    }

    public static String openMetrics(MetricSnapshots s) {
        return write(OpenMetricsTextFormatWriter.create(), s);
    }

    private static String write(ExpositionFormatWriter w, MetricSnapshots s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            w.write(out, s);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
