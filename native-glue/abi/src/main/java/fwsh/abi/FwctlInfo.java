package fwsh.abi;

import com.sun.jna.Pointer;

/** struct fwctl_info (24 bytes), the argument of FWCTL_INFO. */
public final class FwctlInfo {
    public static final int SIZE = 24;
    public static final int OFF_SIZE = 0;
    public static final int OFF_FLAGS = 4;
    public static final int OFF_OUT_DEVICE_TYPE = 8;
    public static final int OFF_DEVICE_DATA_LEN = 12;
    public static final int OFF_OUT_DEVICE_DATA = 16;

    private FwctlInfo() {
    }

    /** Prepares a request: size, flags 0, device data buffer of {@code dataLen} bytes at {@code data}. */
    public static void write(Pointer p, Pointer data, int dataLen) {
        p.setMemory(0, SIZE, (byte) 0);
        p.setInt(OFF_SIZE, SIZE);
        p.setInt(OFF_FLAGS, 0);
        p.setInt(OFF_DEVICE_DATA_LEN, dataLen);
        p.setLong(OFF_OUT_DEVICE_DATA, Pointer.nativeValue(data));
    }

    public static int outDeviceType(Pointer p) {
        return p.getInt(OFF_OUT_DEVICE_TYPE);
    }

    public static int deviceDataLen(Pointer p) {
        return p.getInt(OFF_DEVICE_DATA_LEN);
    }
}
