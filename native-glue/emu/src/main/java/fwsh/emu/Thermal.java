package fwsh.emu;

/**
 * Temperatures: each sensor follows base + drift*sin(2*pi*t/period) + noise, where the noise is a
 * seeded hash of (sensor, whole second), so a reading is a pure function of time. MTMP reports
 * 0.125 degree C units. max_temperature is the highest value read since the last mtr reset.
 * Sensors: 0 = ASIC, 64+N = module N (one per port).
 */
final class Thermal {
    static final int MTMP_ID = 0x900a;
    static final int MTCAP_ID = 0x9009;

    private final Profile profile;
    private final long seed;
    private final EmuClock clock;
    private final int modules;
    private final long[] maxSeen;
    private final boolean[] mte;
    private final int[] tee;

    Thermal(Profile p, long seed, EmuClock clock) {
        this.profile = p;
        this.seed = seed;
        this.clock = clock;
        this.modules = p.integer("ports");
        this.maxSeen = new long[1 + modules];
        this.mte = new boolean[1 + modules];
        this.tee = new int[1 + modules];
        java.util.Arrays.fill(maxSeen, Long.MIN_VALUE);
        java.util.Arrays.fill(mte, true);
    }

    private int slot(int sensor) {
        if (sensor == 0) return 0;
        if (sensor >= 64 && sensor < 64 + modules) return sensor - 63;
        throw FirmwareError.badParam("MTMP.unknown_sensor", "sensor_index " + sensor + " does not exist (0 = ASIC, 64.." + (63 + modules) + " = modules)");
    }

    /** Temperature of a sensor at a clock reading, in 0.125 degree C units. */
    long eighths(int sensor, long nanos) {
        double base = sensor == 0 ? profile.dbl("thermal.asic", 50) : profile.dbl("thermal.module", 38);
        double drift = profile.dbl("thermal.drift", 2);
        double period = profile.dbl("thermal.driftPeriodSeconds", 600);
        double noise = profile.dbl("thermal.noise", 0.25);
        double t = nanos / 1e9;
        long h = mix(seed * 1_000_003L + sensor * 7919L + (long) Math.floor(t));
        double u = (h >>> 11) * 0x1.0p-53;
        double deg = base + drift * Math.sin(2 * Math.PI * t / period + sensor) + noise * (2 * u - 1);
        return Math.round(deg * 8);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    Register mtmp() {
        return new Register(MTMP_ID, "MTMP", 0x20) {
            @Override
            void read(RegIo io) {
                int sensor = io.inInt(0x00, 11, 0);
                int s = slot(sensor);
                long now = eighths(sensor, clock.nanos());
                long max;
                boolean enabled;
                int t;
                synchronized (Thermal.this) {
                    if (mte[s]) maxSeen[s] = Math.max(maxSeen[s], now);
                    max = maxSeen[s] == Long.MIN_VALUE ? now : maxSeen[s];
                    enabled = mte[s];
                    t = tee[s];
                }
                io.zero(0x04, 0x1c);
                io.set(0x04, 15, 0, now & 0xffff);
                io.set(0x08, 31, 31, enabled ? 1 : 0);
                io.set(0x08, 15, 0, max & 0xffff);
                io.set(0x0c, 31, 30, t);
                io.set(0x0c, 15, 0, Math.round(profile.dbl("thermal.thresholdHi", 105) * 8));
                io.set(0x10, 15, 0, Math.round(profile.dbl("thermal.thresholdLo", 100) * 8));
                String name = sensor == 0 ? "ASIC" : "MODULE" + (sensor - 64);
                byte[] n = new byte[8];
                Prm.ascii(n, 0, 8, name);
                io.bytes(0x18, n, 0, 8);
            }

            @Override
            void write(RegIo io) {
                int sensor = io.inInt(0x00, 11, 0);
                int s = slot(sensor);
                synchronized (Thermal.this) {
                    mte[s] = io.in(0x08, 31, 31) != 0;
                    if (io.in(0x08, 30, 30) != 0) maxSeen[s] = Long.MIN_VALUE;
                    tee[s] = io.inInt(0x0c, 31, 30);
                }
                read(io);
            }
        };
    }

    Register mtcap() {
        return new Register(MTCAP_ID, "MTCAP", 0x10) {
            @Override
            void read(RegIo io) {
                io.set(0x00, 6, 0, 1);
                io.u64(0x08, 1);
            }
        };
    }
}
