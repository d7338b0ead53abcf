package fwsh.dsl;

import fwsh.dsl.engine.Describable;

/**
 * {@code dev.emu}: what a script may do to an emulated device that it could not do to hardware from a shell. Only
 * emulated devices have one (DeviceSources wires it; the DSL itself never looks for the emulator).
 */
public interface EmulatorControl extends Describable {
    /** A firmware reset: the NV configuration for the next boot takes effect (LINK_TYPE, SRIOV_EN, NUM_OF_VFS ...). */
    String reboot();

    /** The emulator profile (cx6dx, cx7, cx7ib ...). */
    String getProfile();

    @Override
    default String describe() {
        return "dev.emu — emulated " + getProfile() + ": reboot() applies NV configuration written for the next boot";
    }
}
