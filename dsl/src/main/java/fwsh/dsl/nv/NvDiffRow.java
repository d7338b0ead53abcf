package fwsh.dsl.nv;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One parameter compared with a baseline: what the baseline expects, what the device has for the next boot and in
 * use now, and who configured it. {@code differs} when either is not what the baseline expects.
 */
public record NvDiffRow(String parameter, String expected, Object next, Object current, String writer, boolean differs, String note) {
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("parameter", parameter);
        m.put("expected", expected);
        m.put("next", NvText.show(next));
        m.put("current", NvText.show(current));
        m.put("writer", writer);
        m.put("differs", differs);
        if (note != null) m.put("note", note);
        return m;
    }

    @Override
    public String toString() {
        String actual = NvText.same(next, current) || next == null ? NvText.show(next)
                : NvText.show(next) + " (in use " + NvText.show(current) + " until the next reboot)";
        // "-" is writer_id UNSPECIFIED: nobody configured the item since its last reset, which is itself the answer
        String who = note != null ? "" : writer == null || writer.equals("-") ? ", configured by nobody (writer unspecified)"
                : ", configured by " + writer;
        return parameter + ": expected " + expected + ", actual " + actual + who + (note == null ? "" : " (" + note + ")");
    }
}
