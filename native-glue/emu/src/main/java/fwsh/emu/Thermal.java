package fwsh.emu;

/**
 * Temperatures: each sensor follows base + drift*sin(2*pi*t/period) + noise, where the noise is a
 * seeded hash of (sensor, whole second), so a reading is a pure function of time. MTMP reports
 * 0.125 degree C units. max_temperature is the highest value read since the last mtr reset.
 * Sensors: 0 = ASIC, 64+N = module N (one per port).
 */
final class Thermal {

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
        return new Mtmp(RegLayout.of("MTMP"));
    }

    /** MTMP 0x900a (layout mtmp_reg): one sensor's temperature, its maximum and thresholds. */
    private final class Mtmp extends Register {
        private final RegField sensorIndex, temperature, mte, mtr, maxTemperature, tee, thresholdHi, thresholdLo, sensorName, reply;

        Mtmp(RegLayout l) {
            super(l);
            sensorIndex = l.field("sensor_index");
            reply = l.after("sensor_index");
            temperature = l.field("temperature");
            mte = l.field("mte");
            mtr = l.field("mtr");
            maxTemperature = l.field("max_temperature");
            tee = l.field("tee");
            thresholdHi = l.field("temp_threshold_hi");
            thresholdLo = l.field("temp_threshold_lo");
            sensorName = l.field("sensor_name");
        }

        @Override
        void read(RegIo io) {
            int sensor = io.inInt(sensorIndex);
            int s = slot(sensor);
            long now = eighths(sensor, clock.nanos());
            long max;
            boolean enabled;
            int t;
            synchronized (Thermal.this) {
                if (Thermal.this.mte[s]) maxSeen[s] = Math.max(maxSeen[s], now);
                max = maxSeen[s] == Long.MIN_VALUE ? now : maxSeen[s];
                enabled = Thermal.this.mte[s];
                t = Thermal.this.tee[s];
            }
            io.zero(reply);
            io.set(temperature, now & 0xffff);
            io.set(mte, enabled ? 1 : 0);
            io.set(maxTemperature, max & 0xffff);
            io.set(tee, t);
            io.set(thresholdHi, Math.round(profile.dbl("thermal.thresholdHi", 105) * 8));
            io.set(thresholdLo, Math.round(profile.dbl("thermal.thresholdLo", 100) * 8));
            io.ascii(sensorName, sensor == 0 ? "ASIC" : "MODULE" + (sensor - 64));
        }

        @Override
        void write(RegIo io) {
            int sensor = io.inInt(sensorIndex);
            int s = slot(sensor);
            synchronized (Thermal.this) {
                Thermal.this.mte[s] = io.in(mte) != 0;
                if (io.in(mtr) != 0) maxSeen[s] = Long.MIN_VALUE;
                Thermal.this.tee[s] = io.inInt(tee);
            }
            read(io);
        }
    }

    Register mtcap() {
        RegLayout l = RegLayout.of("MTCAP");
        RegField count = l.field("sensor_count");
        RegField map = l.field("sensor_map");
        return new Register(l) {
            @Override
            void read(RegIo io) {
                io.set(count, 1);
                io.set(map, 1);
            }
        };
    }
}
