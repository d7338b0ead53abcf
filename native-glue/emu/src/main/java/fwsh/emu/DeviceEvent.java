package fwsh.emu;

/**
 * An asynchronous device event (what the kernel would receive as an EQE). The tracer raises type
 * 0x26 (DEVICE_TRACER) with sub-types 0 OWNERSHIP_CHANGE, 1 TRACES_AVAILABLE, 2 STRINGS_DB_UPDATE.
 */
public record DeviceEvent(int type, int subType, long deviceTimestamp, String description) {
    public static final int DEVICE_TRACER = 0x26;
    public static final int OWNERSHIP_CHANGE = 0x0;
    public static final int TRACES_AVAILABLE = 0x1;
    public static final int STRINGS_DB_UPDATE = 0x2;
}
