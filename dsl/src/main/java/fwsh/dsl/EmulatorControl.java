package fwsh.dsl;

import fwsh.dsl.engine.Describable;

import java.time.Duration;
import java.util.Map;

/**
 * {@code dev.emu}: what a script or a pack spec may do to an emulated device that it could not do to hardware from a
 * shell. Only emulated devices have one (DeviceSources wires it; the DSL itself never looks for the emulator).
 */
public interface EmulatorControl extends Describable {
    /** A firmware reset: the NV configuration for the next boot takes effect (LINK_TYPE, SRIOV_EN, NUM_OF_VFS ...). */
    String reboot();

    /** The emulator profile (cx6dx, cx7, cx7ib ...). */
    String getProfile();

    /**
     * Moves device time forward on a device made with a virtual clock ({@code session.attachEmulated(..., clock:
     * 'virtual')}): what it does in that time (traffic, trace blocks, diagnostic samples) has happened at once.
     */
    void advance(Duration d);

    /**
     * What the traffic model has sent and received on PORT up to the device's time now, the numbers its counters
     * show: {@code rx_frames, tx_frames, rx_octets, tx_octets, fcs_errors, symbol_errors, xmit_discards}.
     */
    Map<String, Long> traffic(int port);

    /** True once an RPC at debug-write or above tainted the (emulated) kernel. */
    boolean isKernelTainted();

    /** umem buffers registered on the device and not released. */
    int getOpenUmems();

    /** Hot-unplug: every RPC fails with ENODEV until {@link #reinsert}; {@code session.rediscover()} attaches it again. */
    String remove();

    /** Puts a removed device back in its slot (firmware objects and umem are gone, counters carry on). */
    String reinsert();

    @Override
    default String describe() {
        return "dev.emu — emulated " + getProfile() + ": reboot() applies NV configuration written for the next boot;"
                + " advance(Duration) on a virtual clock, traffic(port), kernelTainted, openUmems, remove(), reinsert()";
    }
}
