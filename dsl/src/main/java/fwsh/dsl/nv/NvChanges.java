package fwsh.dsl.nv;

import java.util.AbstractList;
import java.util.List;

/** What {@code dev.nv.set}, {@code reset} or {@code restore} changed, or would change in a dry run. */
public final class NvChanges extends AbstractList<NvChange> {
    private final List<NvChange> changes;
    private final boolean dryRun;

    NvChanges(List<NvChange> changes, boolean dryRun) {
        this.changes = List.copyOf(changes);
        this.dryRun = dryRun;
    }

    @Override
    public NvChange get(int index) {
        return changes.get(index);
    }

    @Override
    public int size() {
        return changes.size();
    }

    public boolean isDryRun() {
        return dryRun;
    }

    /** The text form ({@code println x} in Groovy prints a list as [a, b]; {@code println x.text()} prints this). */
    public String text() {
        return toString();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (NvChange c : changes) sb.append(c).append('\n');
        sb.append(changes.isEmpty() ? "nothing to change" : (dryRun ? "dry run: nothing sent" : changes.size() + " parameter(s) set for the next boot"));
        return sb.toString();
    }
}
