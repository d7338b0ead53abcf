package fwsh.emu;

import fwsh.base.ArgumentException;
import fwsh.channel.Transport;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates emulated ConnectX devices. Each device gets its own name (emu0, emu1, ...), PCI address
 * and state.
 *
 * <pre>
 *   EmulatedDevice d = Emulator.create("cx6dx", Transport.MLX5CTL);             // real clock, seed 0
 *   VirtualClock clk = EmuClock.virtual();
 *   EmulatedDevice t = Emulator.create("cx7", Transport.FWCTL, clk, 42);         // deterministic
 *   EmulatedDevice b = Emulator.builder("cx6dx").personality(Transport.MLX5CTL)
 *           .clock(clk).seed(7).set("traffic.rxLineRate", "0.9").memlockLimit(8 << 20).build();
 * </pre>
 */
public final class Emulator {
    private static final AtomicInteger NEXT = new AtomicInteger();

    private Emulator() {
    }

    public static EmulatedDevice create(String profile, Transport personality) {
        return builder(profile).personality(personality).build();
    }

    public static EmulatedDevice create(String profile, Transport personality, EmuClock clock, long seed) {
        return builder(profile).personality(personality).clock(clock).seed(seed).build();
    }

    public static Builder builder(String profile) {
        return new Builder(profile);
    }

    /** Profile names available (built-in and from added directories). */
    public static List<String> profiles() {
        return ProfileLoader.names();
    }

    public static Profile profile(String name) {
        return ProfileLoader.load(name);
    }

    /** Adds a directory of NAME.profile files (searched before the built-ins). */
    public static void addProfileDirectory(Path dir) {
        ProfileLoader.addDirectory(dir);
    }

    public static final class Builder {
        private final String profileName;
        private Profile profile;
        private Transport personality = Transport.FWCTL;
        private EmuClock clock = EmuClock.system();
        private long seed;
        private String name;
        private String pci;
        private long memlockLimit = 64L << 20;
        private boolean rawIo = true;
        private final Map<String, String> overrides = new LinkedHashMap<>();
        private final List<fwsh.nv.TlvDef> nvItems = new java.util.ArrayList<>();
        private int nvFill;

        private Builder(String profileName) {
            this.profileName = profileName;
        }

        /** Use an already loaded or parsed profile instead of looking up the name. */
        public Builder profile(Profile p) {
            this.profile = p;
            return this;
        }

        public Builder personality(Transport t) {
            this.personality = t;
            return this;
        }

        public Builder clock(EmuClock c) {
            this.clock = c;
            return this;
        }

        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        public Builder name(String n) {
            this.name = n;
            return this;
        }

        public Builder pci(String bdf) {
            if (!bdf.matches("[0-9a-fA-F]{4}:[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\\.[0-7]")) {
                throw new ArgumentException("PCI address '" + bdf + "' must look like 0000:3b:00.0");
            }
            this.pci = bdf;
            return this;
        }

        /** Locked-memory budget for umem (RLIMIT_MEMLOCK stand-in); default 64 MiB. */
        public Builder memlockLimit(long bytes) {
            this.memlockLimit = bytes;
            return this;
        }

        /** Whether the simulated process has CAP_SYS_RAWIO (needed for fwctl scope 3); default true. */
        public Builder rawIo(boolean has) {
            this.rawIo = has;
            return this;
        }

        /** Overrides one profile property for this device, e.g. set("traffic.rxLineRate", "0.9"). */
        public Builder set(String key, String value) {
            overrides.put(key, value);
            return this;
        }

        /**
         * Makes these NV items supported too (writable unless a capability), their defaults every byte {@code fill}:
         * for testing definitions the built-in list lacks, such as every item of mstflint's database.
         */
        public Builder nvItems(java.util.Collection<fwsh.nv.TlvDef> items, int fill) {
            nvItems.addAll(items);
            nvFill = fill;
            return this;
        }

        public EmulatedDevice build() {
            Profile p = profile != null ? profile : ProfileLoader.load(profileName);
            if (!overrides.isEmpty()) p = p.with(overrides);
            int n = NEXT.getAndIncrement();
            String nm = name != null ? name : "emu" + n;
            String bdf = pci != null ? pci : String.format("0000:%02x:00.0", 0xe0 + (n % 32));
            Hca hca = new Hca(nm, bdf, p, clock, seed, memlockLimit, rawIo, nvItems, nvFill);
            return new EmulatedDevice(hca, personality);
        }
    }
}
