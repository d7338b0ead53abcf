package fwsh.emu;

/**
 * PPHCR 0x503e, the RS-FEC histogram's configuration: which histogram the active FEC uses and the
 * symbol-error range of each bin (PPCNT group 0x23 counts the codewords per bin). The emulator gives one
 * bin per symbol-error count, 0 up to the code's correction limit: RS(528,514) corrects 7 symbols (8 bins),
 * RS(544,514) corrects 15 (16 bins). The profile names the histogram ({@code link.fecHistogram}).
 */
final class Pphcr extends Register {
    static final int ID = 0x503e;
    static final int HIST_NONE = 0;
    static final int HIST_RS_544_514 = 1;
    static final int HIST_RS_528_514 = 3;
    static final int BIN_RANGE = 0x10;

    private final Hca hca;

    Pphcr(Hca hca) {
        super(ID, "PPHCR", 0x50);
        this.hca = hca;
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
        hca.port(io.inInt(0x00, 23, 16), name);
        int type = histType(hca.profile);
        int bins = bins(type);
        io.zero(0x04, 0x4c);
        io.set(0x00, 31, 28, type);
        io.set(0x04, 23, 16, bins);
        for (int i = 0; i < bins; i++) {
            io.set(BIN_RANGE + 4 * i, 21, 16, i);
            io.set(BIN_RANGE + 4 * i, 5, 0, i);
        }
    }
}
