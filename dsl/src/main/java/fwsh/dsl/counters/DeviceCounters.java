package fwsh.dsl.counters;

import fwsh.dsl.Describable;
import fwsh.dsl.Device;

/** {@code dev.counters}: every counter of one device by name. */
public class DeviceCounters implements Describable {
    private final Device device;

    public DeviceCounters(Device device) {
        this.device = device;
    }

    protected Device device() {
        return device;
    }

    @Override
    public String describe() {
        return "dev.counters — counters of " + device.getName();
    }
}
