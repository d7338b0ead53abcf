package fwsh.emu;

/**
 * PPHCR 0x503e, the RS-FEC histogram's configuration: which histogram the active FEC uses and the
 * symbol-error range of each bin (PPCNT group 0x23 counts the codewords per bin). The emulator gives one
 * bin per symbol-error count, 0 up to the code's correction limit: RS(528,514) corrects 7 symbols (8 bins),
 * RS(544,514) corrects 15 (16 bins). The profile names the histogram ({@code link.fecHistogram}).
 */
final class Pphcr extends Register {
    static final int HIST_NONE = 0;
    static final int HIST_RS_544_514 = 1;
    static final int HIST_RS_528_514 = 3;

    private final Hca hca;
    private final RegField localPort, activeHistType, numOfBins, reply;
    private final RegField[] high;
    private final RegField[] low;

    Pphcr(Hca hca) {
        this(hca, RegLayout.of("PPHCR"));
    }

    private Pphcr(Hca hca, RegLayout l) {
        super(l);
        this.hca = hca;
        localPort = l.field("local_port");
        activeHistType = l.field("active_hist_type");
        numOfBins = l.field("num_of_bins");
        reply = l.after("local_port");
        int n = l.count("bin_range");
        high = new RegField[n];
        low = new RegField[n];
        for (int i = 0; i < n; i++) {
            high[i] = l.field("bin_range[" + i + "].high_val");
            low[i] = l.field("bin_range[" + i + "].low_val");
        }
    }

    /** The histogram type for this device's active FEC, from the profile. */
    static int histType(Profile p) {
        return switch (p.str("link.fecHistogram", "none").trim()) {
            case "rs_528_514" -> HIST_RS_528_514;
            case "rs_544_514" -> HIST_RS_544_514;
            default -> HIST_NONE;
        };
    }

    static int bins(int histType) {
        return switch (histType) {
            case HIST_RS_528_514 -> 8;
            case HIST_RS_544_514 -> 16;
            default -> 0;
        };
    }

    @Override
    void read(RegIo io) {
        hca.port(io.inInt(localPort), name);
        int type = histType(hca.profile);
        int bins = bins(type);
        io.zero(reply);
        io.set(activeHistType, type);
        io.set(numOfBins, bins);
        for (int i = 0; i < bins; i++) {
            io.set(high[i], i);
            io.set(low[i], i);
        }
    }
}
