package fwsh.dsl;

import fwsh.base.FwshException;
import fwsh.backend.DiscoveredDevice;
import fwsh.backend.Discovery;
import fwsh.channel.Channel;
import fwsh.channel.ChannelException;
import fwsh.channel.Transport;
import fwsh.emu.Emulator;
import fwsh.replay.RecordingChannel;
import fwsh.replay.ReplayChannel;
import fwsh.replay.ReplayMode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the devices a session starts with: hardware by discovery; the emulated ConnectX when asked
 * (--emulate) or when no hardware is usable, with a note saying how to reach hardware.
 */
final class DeviceSources {
    /** The embedded default: a ConnectX-6 Dx behind the mlx5ctl personality, so umem and the tracer work. */
    static final String DEFAULT_EMULATION = "cx6dx:mlx5ctl";

    private DeviceSources() {
    }

    static void populate(Session session, SessionOptions options) {
        if (options.replay != null) {
            ReplayMode mode = options.replayMode == null ? ReplayMode.MATCHED : ReplayMode.parse(options.replayMode);
            ReplayChannel replay = ReplayChannel.open(options.replay, mode);
            replay.notes().forEach(n -> session.note("replay: " + n));
            session.attach(replay);
            return;
        }
        if (!options.emulate && options.discoverHardware) discover(session, options);
        if (options.emulate || session.devices().isEmpty()) {
            if (!options.emulate) {
                session.note("no usable ConnectX device found; using the emulated device. To reach hardware: Linux >= 6.15 "
                        + "with fwctl/mlx5 (/dev/fwctl/fwctlN) or the mlx5ctl module (/dev/mlx5ctl-*), and read/write "
                        + "permission on the node (root, or a udev rule granting your group)");
            }
            String spec = options.emulateProfile == null || options.emulateProfile.isBlank() ? DEFAULT_EMULATION : options.emulateProfile;
            for (String one : spec.split(",")) session.attach(emulated(one.trim()));
        }
    }

    /** With --record, each device's channel is wrapped so every RPC lands in the recording. */
    static Channel recorded(Channel channel, SessionOptions options, int index) {
        if (options.record == null) return channel;
        Path file = index == 0 ? options.record : options.record.resolveSibling(options.record.getFileName() + "." + index);
        return RecordingChannel.create(channel, file);
    }

    private static void discover(Session session, SessionOptions options) {
        Discovery discovery = options.sysfsRoot != null
                ? Discovery.at(options.sysfsRoot, options.devRoot != null ? options.devRoot : Path.of("/dev"))
                : Discovery.system();
        List<DiscoveredDevice> found;
        try {
            found = discovery.scan();
        } catch (RuntimeException e) {
            session.note("device discovery failed: " + e.getMessage());
            return;
        }
        for (DiscoveredDevice d : found) {
            if (options.transport != null && d.transport() != options.transport) continue;
            if (!d.usable()) {
                session.note(d.name() + " " + (d.pci() == null ? "" : d.pci() + " ") + "not usable: " + d.reason());
                continue;
            }
            try {
                session.attach(discovery.open(d));
            } catch (ChannelException e) {
                session.note(d.name() + ": " + e.getMessage());
            }
        }
    }

    /** {@code dev.emu} for an emulated device, null for any other channel. */
    static EmulatorControl control(Channel channel) {
        if (!(channel instanceof fwsh.emu.EmulatedDevice ed)) return null;
        return new EmulatorControl() {
            @Override
            public String reboot() {
                ed.reboot();
                return ed.info().name() + " rebooted: NV configuration for the next boot is now in use";
            }

            @Override
            public String getProfile() {
                return ed.profile().key();
            }

            @Override
            public String toString() {
                return "EmulatorControl(" + ed + ")";
            }
        };
    }

    /** "cx7", "cx7:fwctl", "cx6dx:mlx5ctl". */
    static fwsh.emu.EmulatedDevice emulated(String spec) {
        String[] parts = spec.split(":", 2);
        String profile = parts[0].isEmpty() ? "cx6dx" : parts[0];
        Transport personality = Transport.MLX5CTL;
        if (parts.length == 2) {
            personality = switch (parts[1].toLowerCase(Locale.ROOT)) {
                case "fwctl" -> Transport.FWCTL;
                case "mlx5ctl" -> Transport.MLX5CTL;
                default -> throw new FwshException("unknown emulated personality '" + parts[1] + "' in --emulate=" + spec
                        + "; use fwctl or mlx5ctl");
            };
        }
        if (!Emulator.profiles().contains(profile)) {
            throw new FwshException("unknown emulator profile '" + profile + "'; profiles: " + String.join(", ", new ArrayList<>(Emulator.profiles())));
        }
        return Emulator.create(profile, personality);
    }
}
