package fwsh.dsl.nv;

import fwsh.nv.Expression;
import fwsh.nv.NvDatabase;
import fwsh.nv.NvException;
import fwsh.nv.NvItem;
import fwsh.nv.NvParam;
import fwsh.nv.NvValue;
import fwsh.nv.ParamDef;
import fwsh.nv.TlvDef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The database's expressions for one parameter against the NEXT values a device has (or will have after a set), as
 * mlxconfig evaluates them: {@code $param} is a parameter of the same item, {@code $item.param} one of another item
 * (the same port for Port items), {@code $_name} a temp_vars result. An item the device does not support makes a
 * dependency false; an expression fwsh cannot evaluate is reported, never guessed.
 */
final class NvEval {
    /** A referenced item the device does not support. */
    static final class Unsupported extends RuntimeException {
        Unsupported(String item) {
            super(item, null, false, false);
        }
    }

    private final NvDatabase db;
    private final Map<NvItem, byte[]> next;

    NvEval(NvDatabase db, Map<NvItem, byte[]> next) {
        this.db = db;
        this.next = next;
    }

    /** Items a parameter's expressions refer to (to read before evaluating). */
    static Set<NvItem> referenced(NvDatabase db, NvParam p) {
        Set<NvItem> out = new LinkedHashSet<>();
        ParamDef d = p.def();
        for (String text : new String[]{d.dependency(), d.minVal(), d.maxVal(), d.rule(), d.tempVars()}) {
            if (text == null || text.equalsIgnoreCase("ignore_dependency")) continue;
            for (String v : vars(text)) {
                int dot = v.indexOf('.');
                if (dot < 0) continue;
                TlvDef t = db.tlv(v.substring(0, dot));
                if (t != null && t.fitsMnvda()) out.add(instance(t, p.item()));
            }
        }
        return out;
    }

    private static Set<String> vars(String text) {
        try {
            String[] a = Expression.assignment(text);
            return Expression.parse(a == null ? text : a[1]).variables();
        } catch (NvException e) {
            return Set.of();
        }
    }

    static NvItem instance(TlvDef t, NvItem from) {
        if (t.perPort()) return new NvItem(t, from.def().perPort() ? from.port() : 1, 0);
        if (t.perModule()) return new NvItem(t, 0, from.def().perModule() ? from.module() : 0);
        return NvItem.of(t);
    }

    /** Null when the dependency holds; else why not, in one phrase. */
    String dependencyProblem(NvParam p) {
        String dep = p.def().dependency();
        if (dep == null || dep.equalsIgnoreCase("ignore_dependency")) return null;
        try {
            Map<String, Double> used = new java.util.LinkedHashMap<>();
            if (Expression.parse(dep).isTrue(vars(p, used))) return null;
            return "unmet dependency " + dep + " (" + describe(used) + ")";
        } catch (Unsupported u) {
            return "its dependency " + dep + " names item " + u.getMessage() + ", which this device does not support";
        } catch (NvException e) {
            return "its dependency cannot be checked: " + e.getMessage();
        }
    }

    /** Null when min_val, max_val and rule hold for the value the item will have; else why not. */
    String ruleProblem(NvParam p) {
        ParamDef d = p.def();
        if (!d.isNumeric() || d.isArray()) return null;
        long value = ((NvValue) d.decode(next.get(p.item()))).longValue();
        Map<String, Double> used = new java.util.LinkedHashMap<>();
        try {
            Function<String, Double> vars = vars(p, used);
            if (d.tempVars() != null) {
                String[] a = Expression.assignment(d.tempVars());
                if (a == null) throw new NvException("cannot evaluate temp_vars '" + d.tempVars() + "': not $_name=expression");
                double t = Expression.parse(a[1]).evaluate(vars);
                used.put(a[0], t);
            }
            if (d.maxVal() != null) {
                double max = Expression.parse(d.maxVal()).evaluate(vars);
                if (value > max) return value + " is above the maximum " + fmt(max) + " (" + d.maxVal() + ")";
            }
            if (d.minVal() != null) {
                double min = Expression.parse(d.minVal()).evaluate(vars);
                if (value < min) return value + " is below the minimum " + fmt(min) + " (" + d.minVal() + ")";
            }
            if (d.rule() != null && !Expression.parse(d.rule()).isTrue(vars)) {
                return "the values break the rule " + d.rule() + " (" + describe(used) + ")";
            }
            return null;
        } catch (Unsupported u) {
            return "its limits name item " + u.getMessage() + ", which this device does not support";
        } catch (NvException e) {
            return "its limits cannot be checked: " + e.getMessage();
        }
    }

    private Function<String, Double> vars(NvParam p, Map<String, Double> used) {
        Map<String, Double> cache = new HashMap<>();
        return name -> {
            if (used.containsKey(name) && name.startsWith("_")) return used.get(name);
            Double v = cache.computeIfAbsent(name, n -> value(n, p));
            used.put(name, v);
            return v;
        };
    }

    private Double value(String name, NvParam p) {
        if (name.startsWith("_")) return null;
        ParamDef d = db.variable(name, p.item().def());
        NvItem item = name.indexOf('.') < 0 ? p.item() : instance(db.tlv(name.substring(0, name.indexOf('.'))), p.item());
        byte[] data = next.get(item);
        if (data == null) throw new Unsupported(item.label());
        Object v = d.decode(data);
        if (v instanceof NvValue n) return (double) n.longValue();
        if (v instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof NvValue n) return (double) n.longValue();
        return 0d;
    }

    private static String describe(Map<String, Double> used) {
        List<String> parts = new ArrayList<>();
        used.forEach((k, v) -> parts.add(k + " = " + fmt(v)));
        return String.join(", ", parts);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && !Double.isInfinite(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
