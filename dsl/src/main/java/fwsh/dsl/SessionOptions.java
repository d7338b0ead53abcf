package fwsh.dsl;

import fwsh.backend.Discovery;
import fwsh.channel.Scope;
import fwsh.channel.Transport;

import java.nio.file.Path;
import java.util.List;

/** What the command line (or a spec) asks of a session. Mutable builder-style bean; every field optional. */
public final class SessionOptions {
    /** --device: index, PCI address, netdev/RDMA name, node path or emulated name. */
    public String device;
    /** --emulate[=SPEC]: use emulated devices only; SPEC as {@link #checkEmulation}, null means the default one. */
    public boolean emulate;
    public String emulateProfile;
    /** --transport: restrict hardware discovery to one kernel interface. */
    public Transport transport;
    /** --scope: the highest scope scripts may raise to with withScope. */
    public Scope ceiling = Scope.DEBUG_READ_ONLY;
    /** --journal: where state-changing RPCs are journaled (default under the XDG state directory). */
    public Path journal;
    public boolean verbose;
    /** How long to wait for one RPC on a kernel device before abandoning it (the ioctl itself cannot be interrupted). */
    public java.time.Duration rpcTimeout = java.time.Duration.ofSeconds(30);
    /** --record FILE: every RPC of the session, every device, to FILE. */
    public Path record;
    /** --replay FILE: serve a recording back instead of hardware or the emulator; mode matched or ordered. */
    public Path replay;
    public String replayMode;
    /**
     * With neither emulate nor replay and no usable device: use the emulated device and say so (the REPL
     * does), instead of failing with {@link NoUsableDeviceException} and the discovery report (batch runs).
     */
    public boolean emulatorFallback;
    /** Test hooks: roots for discovery, or a whole discovery (fake tree and C library); whether it runs at all. */
    public Path sysfsRoot;
    public Path devRoot;
    public Discovery discovery;
    /** False: no discovery, the emulated device (specs and benchmarks that want it without saying --emulate). */
    public boolean discoverHardware = true;

    public SessionOptions emulate(String profile) {
        this.emulate = true;
        this.emulateProfile = profile;
        return this;
    }

    /**
     * Checks an emulation spec as {@code --emulate=} takes it: {@code PROFILE[:PERSONALITY]}, comma-separated for
     * several ({@code cx6dx:fwctl,cx7:mlx5ctl}); an empty profile is the default one. Throws {@link fwsh.base.FwshException}
     * naming the unknown profile or personality; returns the spec.
     */
    public static String checkEmulation(String spec) {
        DeviceSources.parseEmulation(spec);
        return spec;
    }

    /** The emulator profiles --emulate knows (built in and from fwsh.emu.profiles). */
    public static List<String> emulatorProfiles() {
        return DeviceSources.profiles();
    }

    /** Checks a --replay-mode value (matched or ordered, any case); returns it in lower case. */
    public static String checkReplayMode(String mode) {
        return DeviceSources.replayModeName(mode);
    }

    public SessionOptions ceiling(Scope scope) {
        this.ceiling = scope;
        return this;
    }

    public SessionOptions journal(Path path) {
        this.journal = path;
        return this;
    }

    public SessionOptions noHardware() {
        this.discoverHardware = false;
        return this;
    }
}
