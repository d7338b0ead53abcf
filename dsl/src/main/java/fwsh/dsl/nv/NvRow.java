package fwsh.dsl.nv;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One parameter as {@code mlxconfig -d DEV -e query} shows it, plus who configured it: values print as mlxconfig does
 * (True(1), ETH(2), 8, Array[0..7]); {@code modified} when next boot, current and default are not all equal.
 */
public record NvRow(String parameter, Object defaultValue, Object current, Object next, String writer, boolean readOnly,
                    String item) {
    public boolean isModified() {
        return !NvText.same(next, current) || !NvText.same(current, defaultValue) || !NvText.same(next, defaultValue);
    }

    /** For tables, JSON and CSV: the values as text users write back. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("parameter", parameter);
        m.put("default", NvText.show(defaultValue));
        m.put("current", NvText.show(current));
        m.put("next", NvText.show(next));
        m.put("writer", writer);
        m.put("modified", isModified());
        m.put("read_only", readOnly);
        return m;
    }

    @Override
    public String toString() {
        return parameter + " = " + NvText.show(next) + (NvText.same(next, current) ? "" : " (current " + NvText.show(current) + ")");
    }
}
