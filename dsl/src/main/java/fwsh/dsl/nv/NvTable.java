package fwsh.dsl.nv;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The result of {@code dev.nv.query()}: rows of {@link NvRow} (the shell prints them as a table, JSON or CSV) that
 * print themselves as mlxconfig's query does, with fwsh's writer column.
 */
public final class NvTable extends AbstractList<NvRow> {
    private final String device;
    private final String source;
    private final List<NvRow> rows;

    NvTable(String device, String source, List<NvRow> rows) {
        this.device = device;
        this.source = source;
        this.rows = List.copyOf(rows);
    }

    @Override
    public NvRow get(int index) {
        return rows.get(index);
    }

    @Override
    public int size() {
        return rows.size();
    }

    /** The row of a parameter, or null. */
    public NvRow row(String parameter) {
        for (NvRow r : rows) if (r.parameter().equalsIgnoreCase(parameter)) return r;
        return null;
    }

    public List<NvRow> modified() {
        return rows.stream().filter(NvRow::isModified).toList();
    }

    public List<Map<String, Object>> toMaps() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (NvRow r : rows) out.add(r.toMap());
        return out;
    }

    /**
     * The text form ({@code println x} in Groovy prints a list as [a, b]; {@code println x.text()} prints this): "*" marks
     * a parameter whose next boot, current and default differ; "RO" one the device will not let be written.
     */
    public String text() {
        return toString();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("Device ").append(device).append(" (parameters from the ").append(source).append(")\n");
        int name = 36, dflt = 16, cur = 16, next = 16;
        for (NvRow r : rows) {
            name = Math.max(name, r.parameter().length() + 2);
            dflt = Math.max(dflt, NvText.show(r.defaultValue()).length() + 2);
            cur = Math.max(cur, NvText.show(r.current()).length() + 2);
            next = Math.max(next, NvText.show(r.next()).length() + 2);
        }
        String row = "%-" + name + "s%-" + dflt + "s%-" + cur + "s%-" + next + "s%s%n";
        sb.append(String.format("%-" + (name + 7) + "s%-" + dflt + "s%-" + cur + "s%-" + next + "s%s%n", "Configurations:", "Default", "Current", "Next Boot", "Writer"));
        for (NvRow r : rows) {
            sb.append(r.isModified() ? '*' : ' ').append(r.readOnly() ? "RO" : "  ").append("    ");
            sb.append(String.format(row, r.parameter(), NvText.show(r.defaultValue()), NvText.show(r.current()), NvText.show(r.next()), r.writer()));
        }
        if (rows.isEmpty()) sb.append("(no parameters)\n");
        return sb.toString();
    }
}
