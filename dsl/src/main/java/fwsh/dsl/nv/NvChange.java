package fwsh.dsl.nv;

import java.util.LinkedHashMap;
import java.util.Map;

/** One parameter a set, reset or restore changes (or would, in a dry run): next boot value from and to. */
public record NvChange(String parameter, Object from, Object to, Object current, Object defaultValue, String item) {
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("parameter", parameter);
        m.put("from", NvText.show(from));
        m.put("to", NvText.show(to));
        m.put("current", NvText.show(current));
        m.put("default", NvText.show(defaultValue));
        m.put("item", item);
        return m;
    }

    @Override
    public String toString() {
        return parameter + ": " + NvText.show(from) + " -> " + NvText.show(to);
    }
}
