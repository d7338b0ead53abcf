package fwsh.dsl.nv;

import java.util.AbstractList;
import java.util.List;

/** {@code dev.nv.diff(baseline)}: the parameters that differ from a baseline (the rows), and how many were compared. */
public final class NvDiff extends AbstractList<NvDiffRow> {
    private final String device;
    private final List<NvDiffRow> differences;
    private final int compared;

    NvDiff(String device, List<NvDiffRow> differences, int compared) {
        this.device = device;
        this.differences = List.copyOf(differences);
        this.compared = compared;
    }

    @Override
    public NvDiffRow get(int index) {
        return differences.get(index);
    }

    @Override
    public int size() {
        return differences.size();
    }

    public int getCompared() {
        return compared;
    }

    public String getDevice() {
        return device;
    }

    /** The text form ({@code println x} in Groovy prints a list as [a, b]; {@code println x.text()} prints this). */
    public String text() {
        return toString();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (NvDiffRow r : differences) sb.append(device).append(' ').append(r).append('\n');
        sb.append(device).append(": ").append(differences.isEmpty() ? "matches the baseline (" + compared + " parameters compared)"
                : differences.size() + " of " + compared + " parameter(s) differ from the baseline");
        return sb.toString();
    }
}
