package fwsh.counters;

import fwsh.text.JsonString;

import java.util.ArrayList;
import java.util.List;

/** Text renderings of a snapshot: aligned table, CSV, JSON line (Prometheus exposition: fwsh.dsl.metrics). */
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

    static String csvCell(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
