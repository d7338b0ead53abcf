package fwsh.dsl;

import fwsh.base.ArgumentException;
import fwsh.base.FwshException;
import fwsh.channel.Channel;
import fwsh.channel.DeviceInfo;
import fwsh.channel.Umem;
import fwsh.dsl.counters.DeviceCounters;
import fwsh.dsl.engine.Capabilities;
import fwsh.dsl.engine.Commands;
import fwsh.dsl.engine.Completable;
import fwsh.dsl.engine.Console;
import fwsh.dsl.engine.Decoded;
import fwsh.dsl.engine.Describable;
import fwsh.dsl.engine.DeviceAccess;
import fwsh.dsl.engine.DeviceUmem;
import fwsh.dsl.engine.Journal;
import fwsh.dsl.engine.RawReply;
import fwsh.dsl.engine.Registers;
import fwsh.dsl.engine.RpcArguments;
import fwsh.dsl.engine.RpcEngine;
import fwsh.dsl.engine.ScopeGuard;
import fwsh.dsl.ports.Port;
import fwsh.dsl.ports.PortList;
import fwsh.dsl.trace.DeviceTracer;
import fwsh.wire.Catalog;
import groovy.lang.Closure;
import groovy.transform.stc.ClosureParams;
import groovy.transform.stc.SimpleType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A device as scripts see it: {@code dev.info}, {@code dev.reg}, {@code dev.cap}, {@code dev.cmd},
 * {@code dev.rpc(...)}, {@code dev.umem(size)}. Safe to use from several threads.
 */
public class Device implements DeviceAccess, AutoCloseable, Describable, Completable {
    private final Channel channel;
    private final java.util.function.Supplier<Catalog> catalog;
    private final Channel guarded = new GuardedChannel(this);
    private final RpcEngine engine;
    private final Registers reg;
    private final Capabilities cap;
    private volatile Commands cmd; // made on first use: a Groovy object's meta-class costs start-up time
    private final Set<DeviceUmem> umems = ConcurrentHashMap.newKeySet();
    private final List<AutoCloseable> resources = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile Map<String, Object> identity;
    private volatile java.util.function.Supplier<java.util.function.Consumer<List<String>>> liveView = () -> null;
    private volatile java.util.function.Supplier<Appendable> output = () -> System.out;
    private volatile java.util.function.Supplier<Console> console = () -> Console.of(System.out);
    private volatile DeviceTracer tracer;
    private volatile DeviceCounters counters;
    private volatile PortList ports;
    private volatile fwsh.dsl.nv.DeviceNv nv;
    private final Journal journal;
    private volatile EmulatorControl emu;
    private volatile Source source = new Source("hardware", null);

    /**
     * Where a device's answers come from: {@code hardware}, {@code emulated} (detail: the profile) or {@code replay}
     * (detail: the recording file). Prints as "emulated cx6dx" or "replay of FILE", so output that could pass for a
     * real device says what it is.
     */
    public record Source(String kind, String detail) {
        public boolean isHardware() {
            return "hardware".equals(kind);
        }

        /** {source: kind} and, for the emulator or a replay, {profile: ...} or {recording: FILE}. */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", kind);
            if ("emulated".equals(kind)) m.put("profile", detail);
            if ("replay".equals(kind)) m.put("recording", detail);
            return m;
        }

        @Override
        public String toString() {
            return switch (kind) {
                case "emulated" -> "emulated " + detail;
                case "replay" -> "replay of " + detail;
                default -> kind;
            };
        }
    }

    public Device(Channel channel, java.util.function.Supplier<Catalog> catalog, ScopeGuard scopes, Journal journal,
                  java.util.function.Consumer<String> warnings, java.time.Duration rpcTimeout) {
        this.channel = channel;
        this.catalog = catalog;
        this.journal = journal;
        this.engine = new RpcEngine(channel, scopes, journal, warnings, this::journalIdentity, rpcTimeout);
        this.reg = new Registers(catalog, engine);
        this.cap = new Capabilities(catalog, engine);
        engine.setConsole(() -> console.get());
    }

    public String getName() {
        return channel.info().name();
    }

    /** The channel as scripts may use it: RPCs keep the scope ceiling and the journal (see GuardedChannel). */
    public Channel getChannel() {
        return guarded;
    }

    /**
     * The backend itself (kernel channel, emulator, replay): bypasses the session's scope ceiling and journal.
     * For the engine, tools and tests; scripts that call it step outside fwsh's safety rules on purpose.
     */
    public Channel rawChannel() {
        return channel;
    }

    public Registers getReg() {
        return reg;
    }

    public Capabilities getCap() {
        return cap;
    }

    public Commands getCmd() {
        Commands c = cmd;
        if (c == null) {
            synchronized (this) {
                if (cmd == null) cmd = new Commands(catalog, engine);
                c = cmd;
            }
        }
        return c;
    }

    /** The firmware tracer (created on first use). */
    public synchronized DeviceTracer getTracer() {
        if (tracer == null) tracer = new DeviceTracer(this);
        return tracer;
    }

    /** Counters by name across PPCNT, vport, congestion, temperature and diagnostic counters (created on first use). */
    public synchronized DeviceCounters getCounters() {
        if (counters == null) counters = new DeviceCounters(this);
        return counters;
    }

    /** The device's ports (local_port 1..num_ports) with their state, speed, link modes and module (listed on first use). */
    public PortList getPorts() {
        PortList p = ports;
        if (p == null) ports = p = PortList.of(this);
        return p;
    }

    /** The port with this local_port number: {@code dev.port(1).speed}. */
    public Port port(int localPort) {
        return getPorts().port(localPort);
    }

    /** NV configuration (mlxconfig's parameters): query, set, reset, backup, restore, diff (created on first use). */
    public synchronized fwsh.dsl.nv.DeviceNv getNv() {
        if (nv == null) nv = new fwsh.dsl.nv.DeviceNv(this);
        return nv;
    }

    @Override
    public Journal journal() {
        return journal;
    }

    void setEmulatorControl(EmulatorControl control) {
        this.emu = control;
    }

    /** After an emulated reboot: capabilities and identity changed, so read them again. */
    void rebooted() {
        cap.refresh();
        identity = null;
    }

    void setSource(Source source) {
        this.source = source;
    }

    /** {@code dev.source}: hardware, "emulated cx6dx" or "replay of FILE" (see {@link Source}). */
    public Source getSource() {
        return source;
    }

    /**
     * The device's identity for a result a person or a program keeps (a snapshot, a backup): name, PCI address,
     * transport, firmware, PSID, and where the answers came from ({@code source}: hardware, emulated with its
     * {@code profile}, or replay with its {@code recording}).
     */
    public Map<String, Object> identity() {
        Map<String, Object> m = journalIdentity();
        m.putAll(source.toMap());
        return m;
    }

    /** Emulator control ({@code dev.emu.reboot()}); only an emulated device has it. */
    public EmulatorControl getEmu() {
        EmulatorControl e = emu;
        if (e == null) {
            throw new FwshException("dev.emu: " + getName() + " is not an emulated device (" + channel.info().transport().label
                    + "); emulator control (reboot, faults) exists only on --emulate devices. On hardware a reboot or"
                    + " firmware reset (mlxfwreset) applies NV configuration");
        }
        return e;
    }

    /** Transport, type, uid, caps and PCI from the channel; firmware version and PSID from the device. */
    public Map<String, Object> getInfo() {
        DeviceInfo i = channel.info();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", i.name());
        m.put("transport", i.transport().label);
        if (i.personality() != i.transport()) m.put("personality", i.personality().label);
        m.put("type", i.deviceType() == 1 ? "mlx5" : String.valueOf(i.deviceType()));
        m.put("uid", i.uid());
        m.put("uctx_caps", "0x" + Long.toHexString(i.uctxCaps()));
        m.put("pci", i.pci());
        m.put("node", i.node());
        m.put("netdevs", i.netdevs());
        m.put("rdma", i.rdmaDevs());
        if (i.profile() != null) m.put("profile", i.profile());
        m.putAll(source.toMap());
        m.putAll(firmwareIdentity());
        return m;
    }

    /** Firmware version and PSID (MGIR), read once. Errors are reported in the map, not thrown. */
    public Map<String, Object> firmwareIdentity() {
        Map<String, Object> id = identity;
        if (id != null) return id;
        id = new LinkedHashMap<>();
        try {
            Decoded mgir = reg.get("MGIR").read();
            Decoded fw = (Decoded) mgir.getProperty("fw_info");
            id.put("fw_version", fw.getProperty("extended_major") + "." + fw.getProperty("extended_minor") + "."
                    + fw.getProperty("extended_sub_minor"));
            id.put("psid", fw.getProperty("psid"));
            Decoded hw = (Decoded) mgir.getProperty("hw_info");
            id.put("device_id", "0x" + Long.toHexString(((Number) hw.getProperty("device_id")).longValue()));
        } catch (RuntimeException e) {
            id.put("identity_error", e.getMessage());
        }
        identity = id;
        return id;
    }

    private Map<String, Object> journalIdentity() {
        DeviceInfo i = channel.info();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", i.name());
        m.put("pci", i.pci());
        m.put("transport", i.transport().label);
        Map<String, Object> fw = firmwareIdentity();
        m.put("psid", fw.get("psid"));
        m.put("fw_version", fw.get("fw_version"));
        return m;
    }

    /**
     * Raw RPC for what the catalog lacks: {@code dev.rpc(opcode: 0x101, op_mod: 0, outlen: 272)} with optional
     * {@code data: byte[]} placed after the 8-byte header prefix, or {@code dev.rpc(bytes, outlen)}.
     */
    public RawReply rpc(Map<String, ?> args) {
        RpcArguments.known("dev.rpc", args, RPC_KEYS);
        if (args.get("opcode") == null) throw new ArgumentException("dev.rpc needs 'opcode:' (e.g. dev.rpc(opcode: 0x101, outlen: 272))");
        DeviceInfo i = channel.info();
        int opcode = RpcArguments.u16("dev.rpc", "opcode", args.get("opcode"), 0);
        int opMod = RpcArguments.u16("dev.rpc", "op_mod", args.get("op_mod"), 0);
        int outLen = RpcArguments.length("dev.rpc", "outlen", args.get("outlen"), i, 16);
        int inLen = RpcArguments.length("dev.rpc", "inlen", args.get("inlen"), i, 16);
        Object d = args.get("data");
        if (d != null && !(d instanceof byte[])) {
            throw new ArgumentException("dev.rpc data: give a byte[] (the mailbox after its first 8 bytes), not " + d.getClass().getSimpleName());
        }
        byte[] data = d == null ? new byte[0] : (byte[]) d;
        byte[] in = new byte[Math.max(inLen, 8 + data.length)];
        catalog.get().layout("mbox_in").encodeInto(in, 0, Map.of("opcode", opcode, "op_mod", opMod));
        System.arraycopy(data, 0, in, 8, data.length);
        return rpc(in, outLen);
    }

    private static final List<String> RPC_KEYS = List.of("opcode", "op_mod", "outlen", "inlen", "data");

    @Override
    public RawReply rpc(byte[] in, int outLen) {
        return engine.rawRpc(in, outLen);
    }

    /** Registers {@code size} bytes of user memory; released on close, device close or session end. */
    public DeviceUmem umem(long size) {
        if (size <= 0) throw new ArgumentException("dev.umem size: " + size + " is not a size; give a positive number of bytes (e.g. dev.umem(2.MiB))");
        if (!channel.supportsUmem()) {
            throw new FwshException("device " + getName() + " (" + channel.info().personality()
                    + ") has no umem: only the mlx5ctl driver (and the emulator in mlx5ctl mode) can register user memory");
        }
        Umem u = channel.registerUmem(size);
        DeviceUmem[] holder = new DeviceUmem[1];
        holder[0] = new DeviceUmem(u, () -> umems.remove(holder[0]));
        umems.add(holder[0]);
        return holder[0];
    }

    /** The closure form: the memory is always released when the closure returns or throws. */
    public <T> T umem(long size, @ClosureParams(value = SimpleType.class, options = "fwsh.dsl.engine.DeviceUmem") Closure<T> body) {
        try (DeviceUmem u = umem(size)) {
            return body.call(u);
        }
    }

    public List<DeviceUmem> getUmems() {
        return new ArrayList<>(umems);
    }

    void setLiveViewSource(java.util.function.Supplier<java.util.function.Consumer<List<String>>> source) {
        this.liveView = source;
    }

    /** The session's live view (the REPL's status area), or null in batch runs. */
    public java.util.function.Consumer<List<String>> liveView() {
        return liveView.get();
    }

    void setOutputSource(java.util.function.Supplier<Appendable> source) {
        this.output = source;
    }

    /** Where the device's verbs (tail, capture, watch) print unless told otherwise: the session's script output. */
    public Appendable output() {
        return output.get();
    }

    void setConsoleSource(java.util.function.Supplier<Console> source) {
        this.console = source;
    }

    /** Where show() and help() print: the session's console. */
    public Console console() {
        return console.get();
    }

    /** Tracks a resource (tracer, sampler) so closing the device releases it. */
    public void track(AutoCloseable resource) {
        resources.add(resource);
    }

    public void untrack(AutoCloseable resource) {
        resources.remove(resource);
    }

    /** The row of the devices table: name, pci, transport, type, firmware, PSID. */
    public Map<String, Object> toMap() {
        DeviceInfo i = channel.info();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", i.name());
        m.put("pci", i.pci());
        m.put("transport", i.transport() == fwsh.channel.Transport.EMULATED ? "emulated/" + i.personality() : i.transport().label);
        Map<String, Object> fw = firmwareIdentity();
        m.put("fw", fw.get("fw_version"));
        m.put("psid", fw.get("psid"));
        m.put("profile", i.profile());
        return m;
    }

    /** One line for the banner and the devices table. */
    public String summary() {
        DeviceInfo i = channel.info();
        String kind = i.transport() == fwsh.channel.Transport.EMULATED
                ? "emulated " + (i.profile() == null ? "" : i.profile() + " ") + "(" + i.personality() + ")"
                : i.transport().label;
        return i.name() + "  " + (i.pci() == null ? "-" : i.pci()) + "  " + kind;
    }

    @Override
    public List<String> completionCandidates() {
        return List.of("info", "reg", "cap", "cmd", "ports", "port(", "rpc(", "umem(", "tracer", "counters", "nv", "emu", "name", "close()");
    }

    @Override
    public String describe() {
        return "Device " + summary() + "\n  info       identity: transport, pci, uid, firmware version, PSID"
                + "\n  reg.NAME   registers: read(index...), write(fields...), modify(index) { }"
                + "\n  cap.TYPE   HCA capabilities: cap.general.log_max_qp, cap.general.max.log_max_qp"
                + "\n  cmd.NAME() commands from the catalog"
                + "\n  ports      the ports: state, speed, linkModes, protocol, module, mtu; port(N) by number"
                + "\n  rpc(...)   raw mailbox: rpc(opcode: 0x101, outlen: 272)"
                + "\n  umem(size) registered user memory (mlx5ctl and emulator)"
                + "\n  nv         NV configuration: nv.query(), nv.SRIOV_EN, nv.set(NAME: value), backup/restore/diff"
                + "\n  emu        emulator control (emulated devices only): emu.reboot(), emu.advance(Duration) on a virtual clock,"
                + " emu.traffic(port), emu.remove(), emu.reinsert()";
    }

    @Override
    public String toString() {
        return "Device(" + summary() + ")";
    }

    @Override
    public void close() {
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception ignored) {
                // closing is best effort: the device may already be gone
            }
        }
        resources.clear();
        for (DeviceUmem u : new ArrayList<>(umems)) {
            try {
                u.close();
            } catch (RuntimeException ignored) {
                // a removed device has already released its umem
            }
        }
        channel.close();
    }
}
