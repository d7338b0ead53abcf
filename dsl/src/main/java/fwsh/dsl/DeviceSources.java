package fwsh.dsl;

import fwsh.base.FwshException;
import fwsh.backend.DiscoveredDevice;
import fwsh.backend.Discovery;
import fwsh.channel.Channel;
import fwsh.channel.ChannelException;
import fwsh.channel.Transport;
import fwsh.channel.DeviceGoneException;
import fwsh.emu.EmuClock;
import fwsh.emu.EmulatedDevice;
import fwsh.emu.Emulator;
import fwsh.emu.TrafficModel;
import fwsh.emu.VirtualClock;
import fwsh.replay.Recording;
import fwsh.replay.RecordingChannel;
import fwsh.replay.RecordingFormatException;
import fwsh.replay.ReplayChannel;
import fwsh.replay.ReplayMode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the devices a session starts with: a recording (--replay), the emulated ConnectX (--emulate), or
 * hardware by discovery. A fake device never stands in for a real one unasked: with no usable hardware the
 * session fails with the discovery report, unless {@link SessionOptions#emulatorFallback} lets it use the
 * emulator (the REPL), which it then says.
 */
final class DeviceSources {
    /** The embedded default: a ConnectX-6 Dx behind the mlx5ctl personality, so umem and the tracer work. */
    static final String DEFAULT_EMULATION = "cx6dx:mlx5ctl";

    /** One emulated device of an --emulate spec. */
    record Emulation(String profile, Transport personality) {
    }

    private DeviceSources() {
    }

    static void populate(Session session, SessionOptions options) {
        if (options.replay != null) {
            ReplayMode mode = options.replayMode == null ? ReplayMode.MATCHED : replayMode(options.replayMode);
            Recording shown = null;
            List<ReplayChannel> replays;
            try {
                replays = ReplayChannel.openAll(options.replay, mode);
            } catch (RecordingFormatException e) {
                throw new UnreadableRecordingException(e.getMessage(), e);
            }
            for (ReplayChannel replay : replays) {
                if (replay.recording() != shown) {
                    shown = replay.recording();
                    replay.notes().forEach(n -> session.note("replay: " + n));
                    // damaged lines were skipped: say so once, on stderr, whatever the run prints
                    shown.errors().forEach(e -> session.warn("replay: " + e));
                }
                session.attach(replay);
            }
            return;
        }
        if (options.emulate || !options.discoverHardware) {
            attachEmulated(session, options.emulateProfile);
            return;
        }
        Discovery discovery = discovery(options);
        List<String> report = new ArrayList<>();
        List<DiscoveredDevice> usable = usable(discovery, options, report);
        for (DiscoveredDevice d : usable) {
            try {
                session.attach(discovery.open(d));
            } catch (ChannelException e) {
                report.add(d.name() + "  " + pci(d) + "  cannot open: " + e.getMessage());
            }
        }
        if (!session.devices().isEmpty()) {
            report.forEach(l -> session.note("not used: " + l));
            return;
        }
        String wanted = options.transport == null ? "fwctl or mlx5ctl" : options.transport.label;
        if (!options.emulatorFallback) throw new NoUsableDeviceException("no usable " + wanted + " device; nothing was run", report);
        session.note("EMULATED: no usable " + wanted + " device, so this session runs on the emulated ConnectX, not on hardware");
        report.forEach(l -> session.note("  " + l));
        attachEmulated(session, null);
    }

    /**
     * The usable devices of the transport asked for; every other node goes into {@code report} with its status
     * and reason. A node path given as --device must be one of them, else the session fails naming what it is.
     */
    private static List<DiscoveredDevice> usable(Discovery discovery, SessionOptions options, List<String> report) {
        List<DiscoveredDevice> found;
        try {
            found = discovery.scan();
        } catch (RuntimeException e) {
            report.add("device discovery failed: " + e.getMessage());
            found = List.of();
        }
        List<DiscoveredDevice> usable = new ArrayList<>();
        for (DiscoveredDevice d : found) {
            if (options.transport != null && d.transport() != options.transport) {
                report.add(line(d) + " (not " + options.transport.label + ", as --transport asks)");
            } else if (!d.usable()) {
                report.add(line(d));
            } else {
                usable.add(d);
            }
        }
        if (found.isEmpty() && report.isEmpty()) {
            report.add("no fwctl or mlx5ctl device found (nothing in " + root(options.sysfsRoot, "/sys").resolve("class/fwctl")
                    + ", no " + root(options.devRoot, "/dev").resolve("mlx5ctl-*") + ")");
            report.add("fwsh needs Linux >= 6.15 with fwctl/mlx5, or the mlx5ctl module, and read/write permission on the node"
                    + " (root, or a udev rule for your group)");
        }
        if (options.device != null && options.device.contains("/")) {
            String node = options.device;
            DiscoveredDevice named = found.stream().filter(d -> node.equals(d.node())).findFirst().orElse(null);
            if (named == null || !usable.contains(named)) {
                String why = named == null ? discovery.describeNode(Path.of(node))
                        : !named.usable() ? named.status() + ": " + named.reason()
                        : "a " + named.transport().label + " device, not " + options.transport.label + " as --transport asks";
                throw new NoUsableDeviceException("--device " + node + ": " + why + "; nothing was run", report);
            }
        }
        return usable;
    }

    private static String line(DiscoveredDevice d) {
        return d.name() + "  " + pci(d) + "  " + d.status() + ": " + d.reason();
    }

    private static String pci(DiscoveredDevice d) {
        return d.pci() == null ? "-" : d.pci();
    }

    private static Path root(Path given, String system) {
        return given != null ? given : Path.of(system);
    }

    private static Discovery discovery(SessionOptions options) {
        if (options.discovery != null) return options.discovery;
        return options.sysfsRoot != null || options.devRoot != null
                ? Discovery.at(root(options.sysfsRoot, "/sys"), root(options.devRoot, "/dev"))
                : Discovery.system();
    }

    private static void attachEmulated(Session session, String spec) {
        for (Emulation e : parseEmulation(spec)) {
            EmulatedDevice d = Emulator.create(e.profile(), e.personality());
            session.emulatedSlots.add(d);
            session.attach(d);
        }
    }

    /** Channels for devices that are back or new and not in the session: see {@link Session#rediscover}. */
    static List<Channel> appeared(Session session, SessionOptions options, List<String> selectors) {
        List<Channel> out = new ArrayList<>();
        if (options.replay != null) return out;
        if (options.emulate || !options.discoverHardware || !session.emulatedSlots.isEmpty()) {
            for (Channel slot : session.emulatedSlots) {
                if (present(session, slot.info().name(), null) || !Session.selects(slot.info(), selectors)) continue;
                try {
                    out.add(((EmulatedDevice) slot).openHandle());
                } catch (DeviceGoneException stillOut) {
                    // not re-inserted (yet)
                }
            }
            return out;
        }
        Discovery discovery = discovery(options);
        List<DiscoveredDevice> found;
        try {
            found = discovery.scan();
        } catch (RuntimeException e) {
            return out; // the next rescan tries again
        }
        for (DiscoveredDevice d : found) {
            if (!d.usable() || (options.transport != null && d.transport() != options.transport) || present(session, null, d.node())) continue;
            if (!selectors.isEmpty() && selectors.stream().noneMatch(d::matches)) continue;
            try {
                out.add(discovery.open(d));
            } catch (ChannelException e) {
                // not openable now (permissions, removed again): the next rescan tries again
            }
        }
        return out;
    }

    private static boolean present(Session session, String name, String node) {
        for (Device d : session.devices()) {
            var i = d.rawChannel().info();
            if ((name != null && name.equals(i.name())) || (node != null && node.equals(i.node()))) return true;
        }
        return false;
    }

    /**
     * With --record, each device's channel is wrapped so every RPC lands in the recording: the first device creates
     * the file, the others are recorded into it (one file replays the whole session).
     */
    static Channel recorded(Channel channel, SessionOptions options, List<Device> devices) {
        if (options.record == null) return channel;
        for (Device d : devices) {
            if (d.rawChannel() instanceof RecordingChannel first && first.file().equals(options.record)) return first.record(channel);
        }
        return RecordingChannel.create(channel, options.record);
    }

    static List<String> profiles() {
        return Emulator.profiles();
    }

    /** The mode's name in lower case (matched, ordered); throws an ArgumentException naming a bad one. */
    static String replayModeName(String text) {
        return replayMode(text).name().toLowerCase(Locale.ROOT);
    }

    /** Throws an ArgumentException naming the bad mode. */
    static ReplayMode replayMode(String text) {
        return ReplayMode.parse(text);
    }

    /** Where a device's answers come from, for {@code dev.source}: the emulator, a recording, or hardware. */
    static Device.Source source(Channel channel) {
        if (channel instanceof fwsh.emu.EmulatedDevice ed) return new Device.Source("emulated", ed.profile().key());
        if (channel instanceof ReplayChannel r) return new Device.Source("replay", r.recording().file().toString());
        return new Device.Source("hardware", null);
    }

    /** {@code dev.emu} for an emulated device, null for any other channel; {@code rebooted} runs after each reboot. */
    static EmulatorControl control(Channel channel, Runnable rebooted) {
        if (!(channel instanceof EmulatedDevice ed)) return null;
        return new EmulatorControl() {
            @Override
            public String reboot() {
                ed.reboot();
                rebooted.run();
                return ed.info().name() + " rebooted: NV configuration for the next boot is now in use";
            }

            @Override
            public String getProfile() {
                return ed.profile().key();
            }

            @Override
            public void advance(Duration d) {
                if (!(ed.clock() instanceof VirtualClock v)) {
                    throw new FwshException("dev.emu.advance: " + ed.info().name() + " runs on the host clock; attach it with"
                            + " session.attachEmulated(PROFILE, [clock: 'virtual']) to move its time by hand");
                }
                if (d.isNegative()) throw new FwshException("dev.emu.advance(" + d + "): device time only moves forward");
                v.advance(d);
            }

            @Override
            public Map<String, Long> traffic(int port) {
                TrafficModel.Totals t = ed.traffic(port).at(ed.megabitSeconds(port));
                Map<String, Long> m = new LinkedHashMap<>();
                m.put("rx_frames", t.totalFrames[TrafficModel.RX]);
                m.put("tx_frames", t.totalFrames[TrafficModel.TX]);
                m.put("rx_octets", t.totalOctets[TrafficModel.RX]);
                m.put("tx_octets", t.totalOctets[TrafficModel.TX]);
                m.put("fcs_errors", t.fcsErrors);
                m.put("symbol_errors", t.symbolErrors);
                m.put("xmit_discards", t.xmitDiscards);
                return m;
            }

            @Override
            public boolean isKernelTainted() {
                return ed.kernelTainted();
            }

            @Override
            public int getOpenUmems() {
                return ed.umems().size();
            }

            @Override
            public String remove() {
                ed.remove();
                return ed.info().name() + " removed: its RPCs fail with ENODEV until dev.emu.reinsert()";
            }

            @Override
            public String reinsert() {
                ed.faults().reinsert();
                return ed.info().name() + " re-inserted: session.rediscover() attaches it again";
            }

            @Override
            public String toString() {
                return "EmulatorControl(" + ed + ")";
            }
        };
    }

    /** A device for {@link Session#attachEmulated}: SPEC as for --emulate, SETTINGS profile properties, seed and clock. */
    static Channel emulated(Session session, String spec, Map<String, ?> settings) {
        List<Emulation> parsed = parseEmulation(spec);
        if (parsed.size() != 1) throw new FwshException("attachEmulated('" + spec + "'): one device at a time; call it once for each");
        Emulation e = parsed.get(0);
        Emulator.Builder b = Emulator.builder(e.profile()).personality(e.personality());
        for (Map.Entry<String, ?> s : settings.entrySet()) {
            String key = s.getKey();
            String value = String.valueOf(s.getValue());
            switch (key) {
                case "seed" -> b.seed(s.getValue() instanceof Number n ? n.longValue() : parseSeed(value));
                case "clock" -> {
                    if (!value.equals("virtual") && !value.equals("host")) {
                        throw new FwshException("attachEmulated clock: '" + value + "'; use 'virtual' (moved by dev.emu.advance) or 'host'");
                    }
                    if (value.equals("virtual")) b.clock(EmuClock.virtual());
                }
                default -> b.set(key, value);
            }
        }
        EmulatedDevice d = b.build();
        session.emulatedSlots.add(d);
        return d;
    }

    private static long parseSeed(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException ex) {
            throw new FwshException("attachEmulated seed: '" + text + "' is not a whole number");
        }
    }

    /** "cx7", "cx7:fwctl", "cx6dx:mlx5ctl,cx7:fwctl"; null or blank is the default device. */
    static List<Emulation> parseEmulation(String spec) {
        String all = spec == null || spec.isBlank() ? DEFAULT_EMULATION : spec;
        List<Emulation> out = new ArrayList<>();
        for (String one : all.split(",")) {
            String[] parts = one.trim().split(":", 2);
            String profile = parts[0].isEmpty() ? "cx6dx" : parts[0];
            Transport personality = Transport.MLX5CTL;
            if (parts.length == 2) {
                personality = switch (parts[1].toLowerCase(Locale.ROOT)) {
                    case "fwctl" -> Transport.FWCTL;
                    case "mlx5ctl" -> Transport.MLX5CTL;
                    default -> throw new FwshException("unknown emulated personality '" + parts[1] + "' in '" + one.trim()
                            + "'; use fwctl or mlx5ctl");
                };
            }
            if (!Emulator.profiles().contains(profile)) {
                throw new FwshException("unknown emulator profile '" + profile + "'; profiles: " + String.join(", ", Emulator.profiles()));
            }
            out.add(new Emulation(profile, personality));
        }
        return out;
    }
}
