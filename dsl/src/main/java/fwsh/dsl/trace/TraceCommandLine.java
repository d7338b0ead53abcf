package fwsh.dsl.trace;

import org.codehaus.groovy.runtime.InvokerHelper;
import org.codehaus.groovy.runtime.typehandling.DefaultTypeTransformation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tracer's command-line options, one set for every script that follows or captures the tracer
 * (trace/live.groovy, trace/capture.groovy): declared for parseArgs, and read back as the options
 * {@code dev.tracer.tail}/{@code capture} take, so the scripts stay in step.
 */
public final class TraceCommandLine {
    private static final List<Map<String, Object>> OPTIONS = List.of(
            option("for", "DURATION", "how long (5s, 250ms, 2min; default: until Ctrl-C or --count)"),
            option("count", "N", "stop after N messages"),
            option("grep", "REGEX", "only messages matching REGEX"),
            option("events", "IDS", "only these event ids: 0xb3, 0xb0-0xb4, 0xb0,0xb3"),
            flag("json", "one JSON object per message"),
            flag("real-ts", "wall-clock timestamps"),
            option("wait", "DURATION", "how long to wait for the tracer"),
            option("every", "DURATION", "poll period"));

    /** Options with a value, passed on as given (the tracer checks them); flags, with the tracer's name. */
    private static final List<String> VALUED = List.of("for", "count", "grep", "events", "wait", "every");
    private static final Map<String, String> FLAGS = Map.of("json", "json", "real-ts", "realTs");

    private TraceCommandLine() {
    }

    private static Map<String, Object> option(String name, String argName, String description) {
        return Map.of("longOpt", name, "args", 1, "argName", argName, "description", description);
    }

    private static Map<String, Object> flag(String name, String description) {
        return Map.of("longOpt", name, "description", description);
    }

    /** The declarations, for {@code parseArgs(include: traceOptions()) { ... }}. */
    public static List<Map<String, Object>> declarations() {
        return OPTIONS;
    }

    /** What was given of them (OPTIONS from parseArgs), as tail/capture options: for, count, ..., json, realTs. */
    public static Map<String, Object> from(Object options) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String name : VALUED) {
            Object v = InvokerHelper.getProperty(options, name);
            if (DefaultTypeTransformation.castToBoolean(v)) m.put(name, v);       // Groovy truth: not given, or empty
        }
        FLAGS.forEach((flag, name) -> {
            if (Boolean.TRUE.equals(InvokerHelper.getProperty(options, flag))) m.put(name, true);
        });
        return m;
    }
}
