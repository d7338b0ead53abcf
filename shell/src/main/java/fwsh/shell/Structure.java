package fwsh.shell;

import org.codehaus.groovy.runtime.InvokerHelper;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The structure printers see in a result, by the DSL's conventions: {@code toMap()} is a value's fields (JSON
 * object, table row), {@code toRows()} its table (CSV rows), a record's components are its fields, and
 * collections and arrays are lists.
 */
final class Structure {
    private Structure() {
    }

    static boolean hasToMap(Object v) {
        if (isPlain(v)) return false;
        return v instanceof Record || responds(v, "toMap"); // a record maps its components (a trace summary's counts)
    }

    static boolean hasRows(Object v) {
        return !isPlain(v) && responds(v, "toRows");
    }

    private static boolean isPlain(Object v) {
        return v == null || v instanceof Map || v instanceof Collection || v instanceof CharSequence
                || v instanceof Number || v instanceof Boolean || v.getClass().isArray();
    }

    private static boolean responds(Object v, String method) {
        try {
            return !InvokerHelper.getMetaClass(v).respondsTo(v, method, new Object[0]).isEmpty();
        } catch (RuntimeException e) {
            return false;
        }
    }

    static boolean isRow(Object e) {
        return e != null && (e instanceof Map || hasToMap(e));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object v) {
        if (v instanceof Record r && !responds(r, "toMap")) return components(r);
        Object m = v instanceof Map ? v : InvokerHelper.invokeMethod(v, "toMap", null);
        if (!(m instanceof Map<?, ?> map)) {
            throw new IllegalStateException(v.getClass().getSimpleName() + ".toMap() did not return a Map");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, x) -> out.put(String.valueOf(k), x));
        return out;
    }

    /** A value's table: its {@code toRows()}, else its one row. */
    static List<Map<String, Object>> rows(Object v) {
        Object rows = InvokerHelper.invokeMethod(v, "toRows", null);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object r : asList(rows)) out.add(asMap(r));
        return out;
    }

    private static Map<String, Object> components(Record r) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            try {
                out.put(c.getName(), c.getAccessor().invoke(r));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + r.getClass().getSimpleName() + "." + c.getName(), e);
            }
        }
        return out;
    }

    /** Collections and arrays as a list; null for anything else. */
    static List<Object> asList(Object v) {
        return head(v, Integer.MAX_VALUE);
    }

    /** The first {@code n} elements of a collection or array (without copying the rest); null for anything else. */
    static List<Object> head(Object v, int n) {
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(Math.min(n, c.size()));
            Iterator<?> it = c.iterator();
            while (out.size() < n && it.hasNext()) {
                Interrupts.check();
                out.add(it.next());
            }
            return out;
        }
        if (v != null && v.getClass().isArray()) {
            int len = Math.min(n, Array.getLength(v));
            List<Object> out = new ArrayList<>(len);
            for (int i = 0; i < len; i++) out.add(Array.get(v, i));
            return out;
        }
        return null;
    }

    /** Elements in a collection or array; -1 for anything else. */
    static int size(Object v) {
        if (v instanceof Collection<?> c) return c.size();
        if (v != null && v.getClass().isArray()) return Array.getLength(v);
        return -1;
    }

    static List<String> columns(List<Map<String, Object>> rows) {
        Set<String> cols = new LinkedHashSet<>();
        for (Map<String, Object> m : rows) {
            Interrupts.check();
            cols.addAll(m.keySet());
        }
        return new ArrayList<>(cols);
    }

    static boolean isScalar(Object v) {
        return v == null || v instanceof Number || v instanceof CharSequence || v instanceof Boolean
                || v instanceof Character || v instanceof Enum;
    }
}
