package fwsh.emu;

import java.util.HashMap;
import java.util.Map;

/**
 * MPCNT 0x9051, PCIe counters: group 0 (performance) only. Recovery events come from the profile's rates
 * ({@code pcie.rxErrorsPerHour}, {@code pcie.txErrorsPerHour}; 0 by default, a clean link) over the device
 * clock: rx_errors are split between TLP and DLLP CRC errors, tx_errors between EIEOS and TS. life_time_counter
 * counts milliseconds since the device started and is not cleared; {@code clr} zeroes the rest.
 */
final class Mpcnt extends Register {
    static final int PCIE_PERFORMANCE = 0;

    private final Hca hca;
    private final Map<Integer, long[]> baselines = new HashMap<>();
    private final HostIndex host;
    private final RegField grp, clr, counterSet, lifeTime, rxErrors, txErrors, eieos, ts, crcDllp, crcTlp;

    Mpcnt(Hca hca) {
        this(hca, RegLayout.of("MPCNT"));
    }

    private Mpcnt(Hca hca, RegLayout l) {
        super(l);
        this.hca = hca;
        host = new HostIndex(l);
        grp = l.field("grp");
        clr = l.field("clr");
        counterSet = l.area("counter_set");
        lifeTime = l.field("counter_set.life_time_counter");
        rxErrors = l.field("counter_set.rx_errors");
        txErrors = l.field("counter_set.tx_errors");
        eieos = l.field("counter_set.l0_to_recovery_eieos");
        ts = l.field("counter_set.l0_to_recovery_ts");
        crcDllp = l.field("counter_set.crc_error_dllp");
        crcTlp = l.field("counter_set.crc_error_tlp");
    }

    /** Only the host's own PCIe node exists here: depth, pcie_index and node 0 (MPCNT and MPEIN share the fields). */
    static final class HostIndex {
        private final RegField depth, pcieIndex, node;

        HostIndex(RegLayout l) {
            depth = l.field("depth");
            pcieIndex = l.field("pcie_index");
            node = l.field("node");
        }

        void check(RegIo io, String register) {
            if (io.in(depth) != 0 || io.in(pcieIndex) != 0 || io.in(node) != 0) {
                throw FirmwareError.badParam(register + ".bad_pcie_node", "depth/pcie_index/node must be 0 from the host");
            }
        }
    }

    @Override
    void read(RegIo io) {
        access(io);
    }

    @Override
    void write(RegIo io) {
        access(io);
    }

    private void access(RegIo io) {
        host.check(io, name);
        int g = io.inInt(grp);
        if (g != PCIE_PERFORMANCE) {
            throw FirmwareError.badParam("MPCNT.unsupported_group", "counter group " + g + " is not modelled (0, PCIe performance, is)");
        }
        boolean clear = io.in(clr) != 0;
        long[] now = raw();
        long[] v = new long[now.length];
        synchronized (baselines) {
            long[] base = baselines.getOrDefault(g, new long[now.length]);
            for (int i = 0; i < now.length; i++) v[i] = now[i] - base[i];
            if (clear) baselines.put(g, now);
        }
        io.zero(counterSet);
        io.set(lifeTime, (hca.clock.nanos() - hca.startNanos) / 1_000_000);
        io.set(rxErrors, v[0] + v[1]);
        io.set(txErrors, v[2] + v[3]);
        io.set(eieos, v[2]);
        io.set(ts, v[3]);
        io.set(crcDllp, v[1]);
        io.set(crcTlp, v[0]);
    }

    /** Never-cleared event totals: TLP CRC, DLLP CRC, EIEOS, TS. */
    private long[] raw() {
        double hours = (hca.clock.nanos() - hca.startNanos) / 3.6e12;
        long rx = (long) (hours * hca.profile.dbl("pcie.rxErrorsPerHour", 0));
        long tx = (long) (hours * hca.profile.dbl("pcie.txErrorsPerHour", 0));
        return new long[]{rx - rx / 2, rx / 2, tx - tx / 2, tx / 2};
    }
}
