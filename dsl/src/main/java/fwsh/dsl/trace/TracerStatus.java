package fwsh.dsl.trace;

import fwsh.channel.DeviceInfo;
import fwsh.dsl.engine.DeviceAccess;
import fwsh.trace.MtrcCap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code dev.tracer.status()}: what the device offers (tracer registers in MCAM; MTRC_CAP: trace_to_memory,
 * trace_owner as this handle sees it, trc_ver, string-trace ids, buffer limit, string DB sections) and what this
 * session is doing (stopped, active with buffer/mkey/counters, or the tracefs fallback). A register that cannot be
 * read is reported in the map, not thrown.
 */
final class TracerStatus {
    private TracerStatus() {
    }

    static Map<String, Object> of(DeviceAccess device, TracerRegisters regs, TraceSession session) {
        Map<String, Object> m = new LinkedHashMap<>();
        DeviceInfo info = device.rawChannel().info();
        m.put("device", info.name());
        m.put("umem", device.rawChannel().supportsUmem());
        if (session != null && session.goneMessage() != null) {
            m.put("session", "device removed");
            return m;
        }
        try {
            boolean present = regs.present();
            m.put("tracer_registers", present);
            if (present) capabilities(regs.cap(), m);
        } catch (RuntimeException e) {
            m.put("error", e.getMessage());
        }
        if (session == null) m.put("session", "stopped");
        else session.describe(m);
        return m;
    }

    private static void capabilities(MtrcCap c, Map<String, Object> m) {
        m.put("trace_to_memory", c.traceToMemory());
        m.put("trace_owner", c.traceOwner());
        m.put("trc_ver", c.trcVer());
        m.put("first_string_trace", "0x" + Integer.toHexString(c.firstStringTrace()));
        m.put("num_string_trace", c.numStringTrace());
        m.put("log_max_trace_buffer_size", c.logMaxTraceBufferSize());
        List<Map<String, Object>> dbs = new ArrayList<>();
        for (int i = 0; i < c.numStringDb(); i++) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("base", "0x" + Long.toHexString(c.stringDbBase()[i]));
            s.put("size", c.stringDbSize()[i]);
            dbs.add(s);
        }
        m.put("string_dbs", dbs);
    }
}
