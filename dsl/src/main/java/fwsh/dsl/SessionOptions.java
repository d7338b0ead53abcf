package fwsh.dsl;

import fwsh.channel.Scope;
import fwsh.channel.Transport;

import java.nio.file.Path;

/** What the command line (or a spec) asks of a session. Mutable builder-style bean; every field optional. */
public final class SessionOptions {
    /** --device: index, PCI address, netdev/RDMA name, node path or emulated name. */
    public String device;
    /** --emulate[=PROFILE]: use emulated devices only; null profile means the default one. */
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
    /** Test hooks: roots for discovery, and whether hardware discovery runs at all. */
    public Path sysfsRoot;
    public Path devRoot;
    public boolean discoverHardware = true;

    public SessionOptions emulate(String profile) {
        this.emulate = true;
        this.emulateProfile = profile;
        return this;
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
