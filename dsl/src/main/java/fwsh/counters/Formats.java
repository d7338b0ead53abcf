package fwsh.counters;

import fwsh.text.JsonString;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Text renderings of a snapshot: aligned table, CSV, JSON line, Prometheus text exposition. */
public final class Formats {
    private Formats() {
    }

    /** name, value, unit, group — aligned. */
    public static String table(Snapshot s) {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < s.defs().size(); i++) {
            CounterDef d = s.defs().get(i);
            rows.add(new String[]{d.name(), Units.value(s.value(i), d), d.unit(), d.group()});
        }
        return TextTable.render(new String[]{"name", "value", "unit", "group"}, rows);
    }

    /** Header {@code name,group,unit,kind,value}, one row per counter. */
    public static String csv(Snapshot s) {
        StringBuilder sb = new StringBuilder("name,group,unit,kind,value\n");
        for (int i = 0; i < s.defs().size(); i++) {
            CounterDef d = s.defs().get(i);
            sb.append(csvCell(d.name())).append(',').append(csvCell(d.group())).append(',').append(csvCell(d.unit())).append(',')
                    .append(d.isGauge() ? "gauge" : "counter").append(',').append(Units.value(s.value(i), d)).append('\n');
        }
        return sb.toString();
    }

    /** One JSON object: {@code {"wall_ms":..,"host_ns":..,"device_ns":..(if any),"<name>":value,...}}. */
    public static String jsonLine(Snapshot s) {
        StringBuilder sb = new StringBuilder("{\"wall_ms\":").append(s.wallMillis()).append(",\"host_ns\":").append(s.hostNanos());
        if (s.hasDeviceTime()) sb.append(",\"device_ns\":").append(s.deviceNanos());
        for (int i = 0; i < s.defs().size(); i++) {
            CounterDef d = s.defs().get(i);
            sb.append(',');
            JsonString.quote(sb, d.name());
            sb.append(':').append(Units.value(s.value(i), d));
        }
        return sb.append('}').toString();
    }

    /**
     * Prometheus text exposition (format 0.0.4): COUNTERs as {@code fwsh_<name>_total}, GAUGEs as {@code fwsh_<name>},
     * labels from the snapshot plus {@code extraLabels}. Values are raw counter units (HELP names the unit).
     */
    public static String prometheus(Snapshot s, Map<String, String> extraLabels) {
        StringBuilder labels = new StringBuilder();
        java.util.Map<String, String> all = new java.util.LinkedHashMap<>(s.labels());
        if (extraLabels != null) all.putAll(extraLabels);
        for (Map.Entry<String, String> e : all.entrySet()) {
            labels.append(labels.length() == 0 ? "{" : ",").append(promLabelName(e.getKey())).append("=\"");
            escapeLabelValue(labels, e.getValue());
            labels.append('"');
        }
        if (labels.length() > 0) labels.append('}');
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.defs().size(); i++) {
            CounterDef d = s.defs().get(i);
            String metric = promMetricName(d);
            sb.append("# HELP ").append(metric).append(' ');
            String help = d.description().isEmpty() ? d.name() : d.description();
            if (!d.unit().isEmpty()) help += " (unit: " + d.unit() + ")";
            escapeHelp(sb, help);
            sb.append('\n').append("# TYPE ").append(metric).append(d.isGauge() ? " gauge" : " counter").append('\n');
            sb.append(metric).append(labels).append(' ').append(Units.value(s.value(i), d)).append('\n');
        }
        return sb.toString();
    }

    public static String prometheus(Snapshot s) {
        return prometheus(s, Map.of());
    }

    /** {@code fwsh_<name>[_total]} with every character outside [a-zA-Z0-9_] turned into '_'. */
    public static String promMetricName(CounterDef d) {
        String base = "fwsh_" + sanitize(d.name(), true);
        if (d.isGauge()) return base;
        return base.endsWith("_total") ? base : base + "_total";
    }

    static String promLabelName(String name) {
        String s = sanitize(name, false);
        if (s.startsWith("__")) s = "l" + s; // names starting with __ are reserved
        return s;
    }

    /** Characters outside [a-zA-Z0-9_] become '_'; a leading digit too unless the result gets a prefix. */
    private static String sanitize(String name, boolean prefixed) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c >= '0' && c <= '9' && (i > 0 || prefixed));
            sb.append(ok ? c : '_');
        }
        return sb.length() == 0 ? "_" : sb.toString();
    }

    private static void escapeHelp(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') sb.append("\\\\");
            else if (c == '\n') sb.append("\\n");
            else sb.append(c);
        }
    }

    private static void escapeLabelValue(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') sb.append("\\\\");
            else if (c == '\n') sb.append("\\n");
            else if (c == '"') sb.append("\\\"");
            else sb.append(c);
        }
    }

    static String csvCell(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
