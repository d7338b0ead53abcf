package fwsh.dsl.counters;

import fwsh.base.FwshException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line arguments of the counters scripts: {@code --name value} options (repeatable ones collect into a
 * list), bare {@code --flag}s, and positional words. Unknown options are one clear line naming the allowed ones.
 * <pre>
 * def a = ScriptArgs.parse(args, 'counters/sample.groovy', ['port', 'every', 'for', 'out'], ['all'])
 * a.integer('port', 1); a.duration('every', 1.ms); a.positional
 * </pre>
 */
public final class ScriptArgs {
    private final String script;
    private final Map<String, List<String>> options = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();

    private ScriptArgs(String script) {
        this.script = script;
    }

    /**
     * @param valued options that take a value
     * @param flags  options that take none
     */
    public static ScriptArgs parse(String[] args, String script, List<String> valued, List<String> flags) {
        ScriptArgs a = new ScriptArgs(script);
        Set<String> v = Set.copyOf(valued), f = Set.copyOf(flags);
        List<String> list = args == null ? List.of() : Arrays.asList(args);
        for (int i = 0; i < list.size(); i++) {
            String w = list.get(i);
            if (!w.startsWith("--") || w.equals("--")) {
                a.positional.add(w);
                continue;
            }
            String name = w.substring(2), value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (f.contains(name) && value == null) {
                a.options.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
            } else if (v.contains(name)) {
                if (value == null) {
                    if (i + 1 >= list.size()) throw new FwshException(script + ": --" + name + " needs a value");
                    value = list.get(++i);
                }
                a.options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else {
                List<String> all = new ArrayList<>();
                for (String s : valued) all.add("--" + s + " VALUE");
                for (String s : flags) all.add("--" + s);
                throw new FwshException(script + ": unknown option --" + name + "; options: " + String.join(", ", all));
            }
        }
        return a;
    }

    public List<String> getPositional() {
        return positional;
    }

    public boolean has(String name) {
        return options.containsKey(name);
    }

    public String string(String name, String dflt) {
        List<String> l = options.get(name);
        return l == null ? dflt : l.get(l.size() - 1);
    }

    /** Every value of a repeatable option, in order. */
    public List<String> all(String name) {
        return options.getOrDefault(name, List.of());
    }

    public int integer(String name, int dflt) {
        String s = string(name, null);
        if (s == null) return dflt;
        try {
            return Integer.decode(s.trim());
        } catch (NumberFormatException e) {
            throw new FwshException(script + ": --" + name + " '" + s + "' is not a whole number");
        }
    }

    public Duration duration(String name, Duration dflt) {
        String s = string(name, null);
        return s == null ? dflt : Options.parseDuration(s, script + ": --" + name);
    }

    public boolean flag(String name) {
        return options.containsKey(name);
    }
}
