package fwsh.dsl;

import fwsh.base.FwshException;
import fwsh.channel.Channel;
import fwsh.channel.DeviceInfo;
import fwsh.dsl.engine.Console;
import fwsh.dsl.engine.Journal;
import fwsh.dsl.engine.ScopeGuard;
import fwsh.wire.Catalog;
import groovy.lang.Binding;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One user session: the devices in reach, the scope ceiling, the journal. The REPL, a batch run and a
 * spec each open one; closing it releases everything the scripts left behind (tracer ownership, mkeys,
 * PDs, umem). A session still open when the JVM ends (SIGTERM, SIGHUP, System.exit) is closed by a
 * shutdown hook ({@link OpenSessions}); a session that fails to open closes what it had attached.
 */
public final class Session implements AutoCloseable {
    private final SessionOptions options;
    private final List<Device> devices = new CopyOnWriteArrayList<>();
    private final List<String> notes = new ArrayList<>();
    /** The emulated devices the session started with: {@link #rediscover} re-opens one that was re-inserted. */
    final List<Channel> emulatedSlots = new CopyOnWriteArrayList<>();
    private final Binding binding = new Binding();
    private final ScopeGuard scopes;
    private final Journal journal;
    private final CatalogSource catalog;
    private volatile Consumer<String> warnings = System.err::println;
    private volatile Consumer<List<String>> liveView;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Console console;

    private Session(SessionOptions options) {
        this.options = options;
        this.scopes = new ScopeGuard(options.ceiling);
        this.journal = new Journal(options.journal != null ? options.journal : Journal.defaultPath());
        this.catalog = new CatalogSource(line -> warnings.accept(line));
    }

    /** Opens the devices the options ask for; if any step fails, the devices already attached are closed. */
    public static Session open(SessionOptions options) {
        Session s = new Session(options);
        OpenSessions.add(s);
        try {
            DeviceSources.populate(s, options);
            s.binding.setVariable("session", s);
            s.binding.setVariable("devices", s.devices());
            s.binding.setVariable("journal", s.journal);
            if (!s.devices.isEmpty()) {
                s.binding.setVariable("dev", options.device == null ? s.devices.get(0) : s.device(selector(options.device)));
            }
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    private static Object selector(String text) {
        return text.matches("\\d+") ? (Object) Integer.valueOf(text) : text;
    }

    public SessionOptions options() {
        return options;
    }

    public List<Device> devices() {
        return Collections.unmodifiableList(devices);
    }

    /**
     * Wraps a channel as a session device; the device is closed with the session. The session owns the channel from
     * here: if it cannot be attached (its --record file cannot be created), it is closed.
     */
    public Device attach(Channel channel) {
        if (closed.get()) {
            channel.close();
            throw new FwshException("the session is closed; open a new one");
        }
        Channel c;
        try {
            c = DeviceSources.recorded(channel, options, devices);
        } catch (RuntimeException e) {
            try {
                channel.close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        Device d = new Device(c, catalog, scopes, journal, line -> warnings.accept(line), options.rpcTimeout);
        d.setEmulatorControl(DeviceSources.control(channel, d::rebooted));
        d.setSource(DeviceSources.source(channel));
        d.setLiveViewSource(this::liveView);
        d.setOutputSource(this::output);
        d.setConsoleSource(this::console);
        devices.add(d);
        return d;
    }

    /**
     * Attaches CHANNEL, a wrapper around the channel of OF (a pack spec's changed answers), as one more device that
     * says where its answers come from as OF does ({@code dev.source}).
     */
    public Device attachView(Channel channel, Device of) {
        Device d = attach(channel);
        d.setSource(of.getSource());
        return d;
    }

    /**
     * Attaches one more emulated device, as {@code --emulate SPEC} would make it ("cx7ib:fwctl"; the personality
     * defaults to mlx5ctl), with SETTINGS: profile properties ({@code 'traffic.fcsErrorRate': '1e-4'}), {@code seed}
     * (the emulator's random seed, default 0) and {@code clock: 'virtual'} (device time stands still until
     * {@code dev.emu.advance(...)}). The device is closed with the session.
     */
    public Device attachEmulated(String spec, Map<String, ?> settings) {
        return attach(DeviceSources.emulated(this, spec, settings));
    }

    /** Groovy's named arguments: {@code session.attachEmulated('cx7ib', seed: 2, clock: 'virtual')}. */
    public Device attachEmulated(Map<String, ?> settings, String spec) {
        return attachEmulated(spec, settings);
    }

    public Device attachEmulated(String spec) {
        return attachEmulated(spec, Map.of());
    }

    /**
     * Closes a device and drops it from the session: one that was removed (its RPCs fail with ENODEV), so that
     * {@link #rediscover} can attach it again when it comes back.
     */
    public void detach(Device d) {
        if (!devices.remove(d)) return;
        try {
            d.close();
        } catch (RuntimeException ignored) {
            // a removed device is already closed
        }
    }

    /**
     * Attaches the devices that appeared since the session opened and are not in it now: on hardware a usable node
     * a new discovery finds (of the session's transport), on the emulator a device of the session's that was removed
     * and re-inserted ({@code faults().reinsert()}); a recording never comes back. Returns the devices attached.
     */
    public List<Device> rediscover() {
        return rediscover(List.of());
    }

    /**
     * As {@link #rediscover()}, for the devices one of {@code selectors} names (see {@link #selects}; none: all). A
     * device no selector names is not even opened: on fwctl an open makes the firmware create a user context.
     */
    public synchronized List<Device> rediscover(List<String> selectors) {
        if (closed.get()) return List.of();
        List<Device> added = new ArrayList<>();
        for (Channel c : DeviceSources.appeared(this, options, selectors)) added.add(attach(c));
        return added;
    }

    /** Whether one of {@code selectors} (names, node paths, PCI addresses, netdev or RDMA names) names the device; none: yes. */
    public static boolean selects(DeviceInfo info, List<String> selectors) {
        if (selectors.isEmpty()) return true;
        for (String s : selectors) if (matches(info, s)) return true;
        return false;
    }

    /** By index, name, PCI address (full or without domain), netdev or RDMA name, or node path. */
    public Device device(Object selector) {
        if (selector instanceof Number n) {
            int i = n.intValue();
            if (i < 0 || i >= devices.size()) {
                throw new FwshException("no device [" + i + "]: " + devices.size() + " device(s) in this session");
            }
            return devices.get(i);
        }
        String s = String.valueOf(selector);
        for (Device d : devices) if (matches(d.rawChannel().info(), s)) return d;
        List<String> names = new ArrayList<>();
        for (Device d : devices) names.add(d.getName());
        throw new FwshException("no device '" + s + "'; devices: " + (names.isEmpty() ? "none" : String.join(", ", names)));
    }

    /** Whether {@code selector} names this device: its name, node path, PCI address (full or without domain), netdev or RDMA name. */
    private static boolean matches(DeviceInfo info, String selector) {
        String s = selector;
        return s.equals(info.name()) || s.equals(info.node()) || s.equals(info.pci())
                || (info.pci() != null && info.pci().endsWith(":" + s) && s.length() == 7)
                || info.netdevs().contains(s) || info.rdmaDevs().contains(s);
    }

    public ScopeGuard scopes() {
        return scopes;
    }

    public Journal journal() {
        return journal;
    }

    public Catalog catalog() {
        return catalog.get();
    }

    /** Where warnings (kernel taint) go; the shell routes them above the prompt. */
    public void setWarnings(Consumer<String> sink) {
        this.warnings = sink;
    }

    public void setWarnings(PrintStream stream) {
        this.warnings = stream::println;
    }

    /**
     * Where live views (dev.counters.watch) draw their refreshing table; the REPL points it at the terminal's
     * status area. Null (batch runs) means no live view: only breach lines are printed.
     */
    public void setLiveView(Consumer<List<String>> view) {
        this.liveView = view;
    }

    public Consumer<List<String>> liveView() {
        return liveView;
    }

    /** Where scripts print: the binding's {@code out} (the shell sets it to the terminal or batch stream), else System.out. */
    public Appendable output() {
        Object out = binding.hasVariable("out") ? binding.getVariable("out") : null;
        return out instanceof Appendable a ? a : System.out;
    }

    /**
     * Where show() and help() print. The REPL sets one that pages long text and knows the terminal's width;
     * without one (batch runs, pack specs) they print to {@link #output()}, unwrapped.
     */
    public void setConsole(Console console) {
        this.console = console;
    }

    public Console console() {
        Console c = console;
        return c != null ? c : Console.of(output());
    }

    void note(String line) {
        notes.add(line);
    }

    /** A warning printed now (stderr, or above the REPL prompt), not kept for the banner. */
    void warn(String line) {
        warnings.accept(line);
    }

    /** Lines for the start-up banner: what was found, and what to do when it is not what the user expected. */
    public List<String> banner() {
        List<String> lines = new ArrayList<>(notes);
        if (devices.isEmpty()) lines.add("no devices");
        for (int i = 0; i < devices.size(); i++) lines.add("[" + i + "] " + devices.get(i).summary());
        lines.add("scope: " + scopes.active() + " (ceiling " + scopes.ceiling() + "); journal: " + journal.getPath());
        return lines;
    }

    /** The variables scripts see: session, devices, dev (the first device), journal, catalog. */
    public Binding binding() {
        return binding;
    }

    public boolean isClosed() {
        return closed.get();
    }

    /** Closes every device (tracer, mkeys, PDs, umem, the channel); idempotent and safe from any thread. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        OpenSessions.remove(this);
        for (Device d : devices) {
            try {
                d.close();
            } catch (RuntimeException ignored) {
                // a removed device is already closed
            }
        }
    }
}
