package fwsh.dsl.counters;

import fwsh.base.FwshException;
import fwsh.wire.Field;
import fwsh.wire.Layout;

/**
 * A QUERY_DIAGNOSTIC_COUNTERS reply read through the catalog's layout: {@code query_diagnostic_counters_out} is a
 * header and then {@code diag_counter[]}, one {@code diagnostic_cntr_struct} (counter_id, sample_id,
 * time_stamp_31_0, counter_value) per counter and sample. The fields are resolved once, so reading a sample is a
 * few shifts (the sampler reads at kHz rates).
 */
final class DiagReply {
    private final Layout layout;
    private final int first;
    private final int stride;
    private final Field counterId;
    private final Field sampleId;
    private final Field timestamp;
    private final Field value;

    private DiagReply(Layout layout) {
        this.layout = layout;
        Field entries = layout.field("diag_counter");
        Layout entry = entries.layout();
        if (entry == null || entries.elementBits() % 8 != 0) {
            throw new FwshException(layout.name() + ".diag_counter is not an array of whole-byte structs in the catalog");
        }
        this.first = entries.byteOffset();
        this.stride = entries.elementBits() / 8;
        this.counterId = entry.field("counter_id");
        this.sampleId = entry.field("sample_id");
        this.timestamp = entry.field("time_stamp_31_0");
        this.value = entry.field("counter_value");
    }

    static DiagReply of(Layout layout) {
        return new DiagReply(layout);
    }

    /** Output mailbox bytes for {@code entries} entries: the fixed part, then the array. */
    int length(int entries) {
        return layout.sizeBytes() + entries * stride;
    }

    /** True when the reply holds entry {@code i} (0-based over counters × samples). */
    boolean has(byte[] b, int i) {
        return first + (long) (i + 1) * stride <= b.length;
    }

    int counterId(byte[] b, int i) {
        return (int) counterId.get(b, first + i * stride);
    }

    int sampleId(byte[] b, int i) {
        return (int) sampleId.get(b, first + i * stride);
    }

    /** The device clock's low 32 bits when the sample was taken. */
    long timestamp(byte[] b, int i) {
        return timestamp.get(b, first + i * stride);
    }

    long value(byte[] b, int i) {
        return value.get(b, first + i * stride);
    }
}
