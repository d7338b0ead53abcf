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
    static final int ID = 0x9051;
    static final int COUNTER_SET = 0x08;
    static final int PCIE_PERFORMANCE = 0;

    private final Hca hca;
    private final Map<Integer, long[]> baselines = new HashMap<>();

    Mpcnt(Hca hca) {
        super(ID, "MPCNT", 0x100);
        this.hca = hca;
    }

    /** Only the host's own PCIe node exists here: depth, pcie_index and node 0. */
    static void checkHostIndex(RegIo io, String register) {
        if (io.in(0x00, 29, 8) != 0) {
            throw FirmwareError.badParam(register + ".bad_pcie_node", "depth/pcie_index/node must be 0 from the host");
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
        checkHostIndex(io, name);
        int grp = io.inInt(0x00, 5, 0);
        if (grp != PCIE_PERFORMANCE) {
            throw FirmwareError.badParam("MPCNT.unsupported_group", "counter group " + grp + " is not modelled (0, PCIe performance, is)");
        }
        boolean clr = io.in(0x04, 31, 31) != 0;
        long[] now = raw();
        long[] v = new long[now.length];
        synchronized (baselines) {
            long[] base = baselines.getOrDefault(grp, new long[now.length]);
            for (int i = 0; i < now.length; i++) v[i] = now[i] - base[i];
            if (clr) baselines.put(grp, now);
        }
        io.zero(COUNTER_SET, 0xf8);
        io.u64(COUNTER_SET, (hca.clock.nanos() - hca.startNanos) / 1_000_000);
        io.u32(COUNTER_SET + 0x08, v[0] + v[1]);          // rx_errors
        io.u32(COUNTER_SET + 0x0c, v[2] + v[3]);          // tx_errors
        io.u32(COUNTER_SET + 0x10, v[2]);                 // l0_to_recovery_eieos
        io.u32(COUNTER_SET + 0x14, v[3]);                 // l0_to_recovery_ts
        io.u32(COUNTER_SET + 0x20, v[1]);                 // crc_error_dllp
        io.u32(COUNTER_SET + 0x24, v[0]);                 // crc_error_tlp
    }

    /** Never-cleared event totals: TLP CRC, DLLP CRC, EIEOS, TS. */
    private long[] raw() {
        double hours = (hca.clock.nanos() - hca.startNanos) / 3.6e12;
        long rx = (long) (hours * hca.profile.dbl("pcie.rxErrorsPerHour", 0));
        long tx = (long) (hours * hca.profile.dbl("pcie.txErrorsPerHour", 0));
        return new long[]{rx - rx / 2, rx / 2, tx - tx / 2, tx / 2};
    }
}
