package fwsh.emu;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seedable traffic on one port. Every counter is a function of one number, the integral of the
 * link speed over time ("megabit-seconds", which is 0 while the link is down), so advancing a
 * virtual clock by d with the link up at S Mb/s adds exactly S*d to it and the counters move by a
 * computable amount. The atoms are frames per (direction, priority, frame size); every total
 * (frames, octets, per-priority, per-TC, size buckets, unicast/multicast) is a sum of floored atoms,
 * so per-priority and per-TC groups always add up to the port totals.
 *
 * <p>Rates: rx/tx fraction of line rate (profile traffic.rxLineRate / txLineRate, each scaled by a
 * seeded factor in [0.9, 1.1) per port), frame-size mix (traffic.sizeMix size:weight), priority mix
 * (traffic.prioMix prio:weight), multicast/broadcast fractions, FCS error, discard and ECN rates per
 * frame, pre-FEC bit error and symbol error rates per bit, transmit discards per transmitted frame (default 0).
 */
public final class TrafficModel {
    /** Upper bounds of the RFC 2819 size buckets (64, 65-127, ..., 8192-10239). */
    static final int[] BUCKET_LIMITS = {64, 127, 255, 511, 1023, 1518, 2047, 4095, 8191, 10239};
    public static final int RX = 0;
    public static final int TX = 1;

    private final int[] sizes;        // representative frame size per mix entry
    private final int[] bucketOf;     // RFC 2819 bucket of each mix entry
    private final double[][][] unit;  // frames per megabit-second [dir][prio][entry]
    private final double mcFraction;
    private final double bcFraction;
    private final double fcsRate;
    private final double discardRate;
    private final double ecnRate;
    private final double preFecBer;
    private final double symbolErrorRate;
    private final double xmitDiscardRate;
    private final double[] lineRate = new double[2];

    TrafficModel(Profile p, long seed, int port) {
        SplittableRandom rnd = new SplittableRandom(seed * 31 + port);
        lineRate[RX] = p.dbl("traffic.rxLineRate", 0.3) * (0.9 + 0.2 * rnd.nextDouble());
        lineRate[TX] = p.dbl("traffic.txLineRate", 0.25) * (0.9 + 0.2 * rnd.nextDouble());
        Map<Long, Double> mix = p.weights("traffic.sizeMix", "64:20,1500:80");
        Map<Long, Double> prios = p.weights("traffic.prioMix", "0:100");
        sizes = new int[mix.size()];
        bucketOf = new int[mix.size()];
        double[] w = new double[mix.size()];
        double weightedBytes = 0;
        double weightSum = 0;
        int i = 0;
        for (Map.Entry<Long, Double> e : mix.entrySet()) {
            int s = (int) (long) e.getKey();
            if (s < 64 || s > BUCKET_LIMITS[BUCKET_LIMITS.length - 1]) {
                throw new ProfileException("profile " + p.key() + ": traffic.sizeMix frame size " + s + " must be 64..10239");
            }
            sizes[i] = s;
            bucketOf[i] = bucket(s);
            w[i] = e.getValue();
            weightedBytes += w[i] * s;
            weightSum += w[i];
            i++;
        }
        if (weightSum <= 0) throw new ProfileException("profile " + p.key() + ": traffic.sizeMix weights sum to 0");
        double prioSum = prios.values().stream().mapToDouble(Double::doubleValue).sum();
        unit = new double[2][8][sizes.length];
        for (int d = 0; d < 2; d++) {
            // bytes per megabit-second on the wire at this fraction of line rate
            double bytesPerMbs = 1e6 / 8.0 * lineRate[d];
            for (Map.Entry<Long, Double> pe : prios.entrySet()) {
                int prio = (int) (long) pe.getKey();
                if (prio < 0 || prio > 7) throw new ProfileException("profile " + p.key() + ": traffic.prioMix priority " + prio + " must be 0..7");
                for (int e = 0; e < sizes.length; e++) {
                    unit[d][prio][e] = bytesPerMbs * (w[e] / weightedBytes) * (pe.getValue() / prioSum);
                }
            }
        }
        mcFraction = p.dbl("traffic.multicastFraction", 0.01);
        bcFraction = p.dbl("traffic.broadcastFraction", 0.001);
        fcsRate = p.dbl("traffic.fcsErrorRate", 1e-7);
        discardRate = p.dbl("traffic.discardRate", 1e-5);
        ecnRate = p.dbl("traffic.ecnRate", 1e-3);
        preFecBer = p.dbl("traffic.preFecBer", 1e-8);
        symbolErrorRate = p.dbl("traffic.symbolErrorRate", 1e-13);
        xmitDiscardRate = p.dbl("traffic.xmitDiscardRate", 0);
    }

    static int bucket(int size) {
        for (int b = 0; b < BUCKET_LIMITS.length; b++) if (size <= BUCKET_LIMITS[b]) return b;
        return BUCKET_LIMITS.length - 1;
    }

    /** Fraction of line rate actually used in a direction (after the seeded jitter). */
    public double lineRate(int dir) {
        return lineRate[dir];
    }

    /** Frames per megabit-second in direction {@code dir}: times the link speed in Mb/s, the frame rate. */
    public double framesPerMegabitSecond(int dir) {
        double sum = 0;
        for (double[] prio : unit[dir]) for (double f : prio) sum += f;
        return sum;
    }

    /** All counters at a given megabit-second integral. */
    public Totals at(double megabitSeconds) {
        Totals t = new Totals();
        for (int d = 0; d < 2; d++) {
            for (int p = 0; p < 8; p++) {
                for (int e = 0; e < sizes.length; e++) {
                    long f = (long) Math.floor(unit[d][p][e] * megabitSeconds);
                    t.frames[d][p] += f;
                    t.octets[d][p] += f * sizes[e];
                    t.buckets[d][bucketOf[e]] += f;
                }
                t.totalFrames[d] += t.frames[d][p];
                t.totalOctets[d] += t.octets[d][p];
            }
            t.multicast[d] = (long) Math.floor(t.totalFrames[d] * mcFraction);
            t.broadcast[d] = (long) Math.floor(t.totalFrames[d] * bcFraction);
            t.unicast[d] = t.totalFrames[d] - t.multicast[d] - t.broadcast[d];
        }
        t.fcsErrors = (long) Math.floor(t.totalFrames[RX] * fcsRate);
        for (int p = 0; p < 8; p++) {
            t.discards[p] = (long) Math.floor(t.frames[RX][p] * discardRate);
            t.ecnMarked[p] = (long) Math.floor(t.frames[TX][p] * ecnRate);
            t.totalDiscards += t.discards[p];
            t.totalEcn += t.ecnMarked[p];
        }
        t.phyBits = (long) Math.floor(megabitSeconds * 1e6);
        t.correctedBits = (long) Math.floor(t.phyBits * preFecBer);
        t.symbolErrors = (long) Math.floor(t.phyBits * symbolErrorRate);
        t.xmitDiscards = (long) Math.floor(t.totalFrames[TX] * xmitDiscardRate);
        return t;
    }

    /** Counter values derived from the atoms; all sums are exact. */
    public static final class Totals {
        public final long[][] frames = new long[2][8];
        public final long[][] octets = new long[2][8];
        public final long[][] buckets = new long[2][BUCKET_LIMITS.length];
        public final long[] totalFrames = new long[2];
        public final long[] totalOctets = new long[2];
        public final long[] multicast = new long[2];
        public final long[] broadcast = new long[2];
        public final long[] unicast = new long[2];
        public final long[] discards = new long[8];
        public final long[] ecnMarked = new long[8];
        public long totalDiscards;
        public long totalEcn;
        public long fcsErrors;
        public long phyBits;
        public long correctedBits;
        public long symbolErrors;
        /** Packets dropped before transmission (traffic.xmitDiscardRate per transmitted packet; InfiniBand port_xmit_discards). */
        public long xmitDiscards;

        /** Splits n over 4 lanes so the lanes add up to n. */
        static long lane(long n, int lane) {
            return n / 4 + (lane < n % 4 ? 1 : 0);
        }
    }
}
