/**
 * The emulated ConnectX: a {@link fwsh.channel.Channel} that answers mlx5 command mailboxes the way
 * the firmware and the kernel (fwctl or mlx5ctl personality) would, with state, a seedable traffic
 * model, a firmware tracer, diagnostic counters, resource dumps and fault injection.
 *
 * <p>Entry points: {@link fwsh.emu.Emulator#create(String, fwsh.channel.Transport, fwsh.emu.EmuClock, long)}
 * and {@link fwsh.emu.Emulator#builder(String)}; time via {@link fwsh.emu.EmuClock} /
 * {@link fwsh.emu.VirtualClock#advance}; faults via {@link fwsh.emu.EmulatedDevice#faults()}.
 * Profiles are {@code NAME.profile} text files (see {@link fwsh.emu.ProfileLoader}).
 */
package fwsh.emu;
