package fwsh.dsl.nv;

import java.util.List;
import java.util.Objects;

/** How NV values read as text: mlxconfig's forms; arrays as their elements. */
final class NvText {
    private NvText() {
    }

    static String show(Object v) {
        if (v == null) return "N/A";
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder();
            for (Object e : l) sb.append(sb.length() == 0 ? "" : ",").append(e);
            return sb.toString();
        }
        return v.toString();
    }

    /** Equal values: numbers by value, lists element by element, text exactly. */
    static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) return x.longValue() == y.longValue();
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) return false;
            for (int i = 0; i < x.size(); i++) if (!same(x.get(i), y.get(i))) return false;
            return true;
        }
        return Objects.equals(a, b);
    }
}
