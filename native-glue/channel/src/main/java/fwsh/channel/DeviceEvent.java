package fwsh.channel;

/**
 * An asynchronous device event, as the mlx5 driver receives it on an event queue (an EQE): type, sub-type and the
 * device timestamp it was raised at. The firmware tracer raises type 0x26 (DEVICE_TRACER) with sub-types
 * 0 OWNERSHIP_CHANGE, 1 TRACES_AVAILABLE and 2 STRINGS_DB_UPDATE.
 */
public record DeviceEvent(int type, int subType, long deviceTimestamp, String description) {
    public static final int DEVICE_TRACER = 0x26;
    public static final int OWNERSHIP_CHANGE = 0x0;
    public static final int TRACES_AVAILABLE = 0x1;
    public static final int STRINGS_DB_UPDATE = 0x2;

    /** True for the tracer's "string DB updated" event. */
    public boolean isStringDbUpdate() {
        return type == DEVICE_TRACER && subType == STRINGS_DB_UPDATE;
    }
}
