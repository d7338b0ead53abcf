package fwsh.emu;

import java.util.List;
import java.util.Map;

/**
 * QUERY_HCA_CAP pages built once from the profile: GENERAL (type 0) and DEBUG (type 0xD), each in
 * a current and a max version. Other cap types are not modelled (BAD_PARAM).
 */
final class Caps {
    static final int CAP_BYTES = 4096;
    static final int GENERAL = 0x0;
    static final int DEBUG = 0xd;

    final byte[] generalCur = new byte[CAP_BYTES];
    final byte[] generalMax = new byte[CAP_BYTES];
    final byte[] debugCur = new byte[CAP_BYTES];
    final byte[] debugMax = new byte[CAP_BYTES];
    final List<Long> diagCounters;
    final boolean allSync;
    final List<Long> syncCounters;

    Caps(Profile p) {
        fill(generalCur, generalMax, p.under("cap.general."), CapLayout.GENERAL);
        fill(debugCur, debugMax, p.under("cap.debug."), CapLayout.DEBUG);
        diagCounters = p.nums("diag.counters");
        allSync = p.str("diag.syncCounters", "all").trim().equals("all");
        syncCounters = allSync ? diagCounters : p.nums("diag.syncCounters");
        for (byte[] g : new byte[][]{generalCur, generalMax}) {
            Prm.set(g, 0, 0x50, 31, 16, diagCounters.size());
            Prm.set(g, 0, 0x34, 7, 0, p.integer("ports")); // num_ports: the ports PAOS, PTYS, PPCNT ... answer
        }
        for (byte[] d : new byte[][]{debugCur, debugMax}) {
            for (int i = 0; i < diagCounters.size(); i++) {
                long id = diagCounters.get(i);
                Prm.set(d, 0, 0x40 + 4 * i, 15, 0, id);
                Prm.set(d, 0, 0x40 + 4 * i, 31, 31, syncCounters.contains(id) ? 1 : 0);
            }
        }
    }

    private static void fill(byte[] cur, byte[] max, Map<String, String> values, Map<String, CapLayout.Field> layout) {
        values.forEach((k, v) -> {
            if (k.startsWith("max.")) return;
            CapLayout.Field f = layout.get(k);
            long n = parse(v);
            Prm.set(cur, 0, f.byteOff(), f.msb(), f.lsb(), n);
            Prm.set(max, 0, f.byteOff(), f.msb(), f.lsb(), n);
        });
        values.forEach((k, v) -> {
            if (!k.startsWith("max.")) return;
            CapLayout.Field f = layout.get(k.substring(4));
            Prm.set(max, 0, f.byteOff(), f.msb(), f.lsb(), parse(v));
        });
    }

    private static long parse(String v) {
        String t = v.trim().toLowerCase().replace("_", "");
        return t.startsWith("0x") ? Long.parseUnsignedLong(t.substring(2), 16) : Long.parseLong(t);
    }

    long debug(String field) {
        CapLayout.Field f = CapLayout.DEBUG.get(field);
        return Prm.get(debugCur, 0, f.byteOff(), f.msb(), f.lsb());
    }

    long general(String field) {
        CapLayout.Field f = CapLayout.GENERAL.get(field);
        return Prm.get(generalCur, 0, f.byteOff(), f.msb(), f.lsb());
    }
}
