package fwsh.emu;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An emulated device model, loaded from a properties-style text file (see {@link ProfileLoader}).
 * Values are kept as text and parsed by the typed getters; every getter names the key and the file
 * in its error so a user-written profile is easy to fix.
 */
public final class Profile {
    private final String key;
    private final String source;
    private final Map<String, String> props;

    Profile(String key, String source, Map<String, String> props) {
        this.key = key;
        this.source = source;
        this.props = Collections.unmodifiableMap(new TreeMap<>(props));
        validate();
    }

    /** The name used in {@code Emulator.create}, e.g. "cx6dx". */
    public String key() {
        return key;
    }

    /** Marketing name, e.g. "ConnectX-6 Dx". */
    public String displayName() {
        return str("name");
    }

    public String source() {
        return source;
    }

    public Map<String, String> properties() {
        return props;
    }

    /** A copy with some properties replaced (used by {@code Emulator.Builder.set}). */
    public Profile with(Map<String, String> overrides) {
        Map<String, String> m = new LinkedHashMap<>(props);
        m.putAll(overrides);
        return new Profile(key, source + " + overrides", m);
    }

    public boolean has(String k) {
        return props.containsKey(k);
    }

    public String str(String k) {
        String v = props.get(k);
        if (v == null) throw new ProfileException("profile " + key + " (" + source + ") has no '" + k + "'; add it");
        return v;
    }

    public String str(String k, String dflt) {
        return props.getOrDefault(k, dflt);
    }

    public long num(String k) {
        return parseNum(k, str(k));
    }

    public long num(String k, long dflt) {
        return has(k) ? num(k) : dflt;
    }

    public int integer(String k) {
        return (int) num(k);
    }

    public int integer(String k, int dflt) {
        return (int) num(k, dflt);
    }

    public double dbl(String k, double dflt) {
        if (!has(k)) return dflt;
        try {
            return Double.parseDouble(str(k).trim());
        } catch (NumberFormatException e) {
            throw bad(k, "a decimal number");
        }
    }

    public List<Long> nums(String k) {
        List<Long> out = new ArrayList<>();
        if (!has(k) || str(k).isBlank()) return out;
        for (String p : str(k).split(",")) out.add(parseNum(k, p));
        return out;
    }

    /** "a:b, c:d" as an ordered map of numbers to decimals. */
    public Map<Long, Double> weights(String k, String dflt) {
        Map<Long, Double> out = new LinkedHashMap<>();
        for (String p : str(k, dflt).split(",")) {
            if (p.isBlank()) continue;
            String[] kv = p.split(":");
            if (kv.length != 2) throw bad(k, "a list of value:weight pairs such as 64:20,1500:80");
            try {
                out.put(parseNum(k, kv[0]), Double.parseDouble(kv[1].trim()));
            } catch (NumberFormatException e) {
                throw bad(k, "a list of value:weight pairs such as 64:20,1500:80");
            }
        }
        return out;
    }

    /** Properties under a prefix, prefix removed, e.g. "cap.general.". */
    public Map<String, String> under(String prefix) {
        Map<String, String> out = new TreeMap<>();
        props.forEach((k, v) -> {
            if (k.startsWith(prefix)) out.put(k.substring(prefix.length()), v);
        });
        return out;
    }

    private long parseNum(String k, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace("_", "");
        try {
            if (t.startsWith("0x")) return Long.parseUnsignedLong(t.substring(2), 16);
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw bad(k, "a number (decimal or 0x hex), not '" + text.trim() + "'");
        }
    }

    private ProfileException bad(String k, String what) {
        return new ProfileException("profile " + key + " (" + source + "): '" + k + "' must be " + what);
    }

    private void validate() {
        for (String req : new String[]{"name", "pci.deviceId", "hwId", "fw.version", "psid", "serial", "ports"}) str(req);
        num("pci.deviceId");
        num("hwId");
        int ports = integer("ports");
        if (ports < 1 || ports > 2) throw bad("ports", "1 or 2");
        String fw = str("fw.version");
        if (!fw.matches("\\d+\\.\\d+\\.\\d+")) throw bad("fw.version", "major.minor.subminor such as 22.39.1002");
        for (String f : under("cap.general.").keySet()) {
            String name = f.startsWith("max.") ? f.substring(4) : f;
            if (name.equals("num_ports")) throw bad("cap.general." + f, "left out: num_ports follows 'ports' (the ports the emulator answers)");
            if (!CapLayout.GENERAL.containsKey(name)) {
                throw bad("cap.general." + f, "a known general cap field (known: " + CapLayout.GENERAL.keySet() + ")");
            }
            num("cap.general." + f);
        }
        for (String f : under("cap.debug.").keySet()) {
            String name = f.startsWith("max.") ? f.substring(4) : f;
            if (!CapLayout.DEBUG.containsKey(name)) {
                throw bad("cap.debug." + f, "a known debug cap field (known: " + CapLayout.DEBUG.keySet() + ")");
            }
            num("cap.debug." + f);
        }
        nums("diag.counters");
        if (str("psid").length() > 16) throw bad("psid", "at most 16 characters");
    }

    public int[] fwVersion() {
        String[] p = str("fw.version").split("\\.");
        return new int[]{Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2])};
    }

    @Override
    public String toString() {
        return key + " (" + displayName() + ", fw " + str("fw.version") + ")";
    }
}
