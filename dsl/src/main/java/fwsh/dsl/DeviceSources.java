package fwsh.dsl;

/** Finds the devices a session starts with: hardware by discovery, else (or with --emulate) the emulator. */
final class DeviceSources {
    private DeviceSources() {
    }

    static void populate(Session session, SessionOptions options) {
        // Filled in as the backends land: discovery, then the emulated ConnectX.
    }
}
