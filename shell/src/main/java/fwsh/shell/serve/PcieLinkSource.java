package fwsh.shell.serve;

import fwsh.counters.CounterDef;
import fwsh.counters.CounterSource;
import fwsh.dsl.engine.Register;
import fwsh.dsl.engine.Registers;
import fwsh.wire.Field;
import fwsh.wire.Layout;
import fwsh.wire.Value;

import java.util.List;
import java.util.Map;

/**
 * The PCIe link as four gauges out of one MPEIN read: negotiated and enabled speed (MT/s per lane, from the PCIe
 * generation bit) and width (lanes, from the width code); descriptions from the catalog's MPEIN layout.
 */
final class PcieLinkSource implements CounterSource {
    /** MT/s per lane of each MPEIN speed bit (gen1 0x1 … gen5 0x20, gen6 0x40; bit 3 is unused). */
    private static final long[] MTS_BY_BIT = {2_500, 5_000, 8_000, 0, 16_000, 32_000, 64_000};
    private static final Map<String, Object> INDEX = Map.of("pcie_index", 0);

    private final Register mpein;
    private final Field widthActive;
    private final List<CounterDef> defs;

    PcieLinkSource(Registers registers) {
        this.mpein = registers.get("MPEIN");
        Layout l = mpein.getLayout();
        this.widthActive = l.field("link_width_active");
        String speeds = " (PCIe generation: 2.5, 5, 8, 16, 32 GT/s per lane)";
        this.defs = List.of(
                CounterDef.gauge("pcie_link_speed", "MPEIN", l.field("link_speed_active").description() + speeds, "MT/s", 32),
                CounterDef.gauge("pcie_link_width", "MPEIN", l.field("link_width_active").description(), "lanes", 8),
                CounterDef.gauge("pcie_link_max_speed", "MPEIN", "Fastest of the " + l.field("link_speed_enabled").description() + speeds, "MT/s", 32),
                CounterDef.gauge("pcie_link_max_width", "MPEIN", l.field("link_width_enabled").description(), "lanes", 8));
    }

    @Override
    public String name() {
        return "mpein";
    }

    @Override
    public List<CounterDef> counters() {
        return defs;
    }

    @Override
    public long read(int[] indices, long[] into) {
        Value v = mpein.read(INDEX).value();
        long[] all = {mts(v.getLong("link_speed_active")), lanes(v.getLong("link_width_active")),
                mts(v.getLong("link_speed_enabled")), lanes(v.getLong("link_width_enabled"))};
        for (int k = 0; k < indices.length; k++) into[k] = all[indices[k]];
        return NO_DEVICE_TIME;
    }

    /** The fastest speed in an MPEIN speed mask. */
    static long mts(long mask) {
        for (int bit = MTS_BY_BIT.length - 1; bit >= 0; bit--) if ((mask & (1L << bit)) != 0 && MTS_BY_BIT[bit] > 0) return MTS_BY_BIT[bit];
        return 0;
    }

    /** Lanes of a width code, by the catalog's enum name (x1=0 … x16=4). */
    long lanes(long code) {
        for (Map.Entry<String, Long> e : widthActive.enumValues().entrySet())
            if (e.getValue() == code && e.getKey().startsWith("x")) return Long.parseLong(e.getKey().substring(1));
        return 0;
    }
}
