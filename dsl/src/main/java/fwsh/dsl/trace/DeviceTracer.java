package fwsh.dsl.trace;

import fwsh.dsl.Describable;
import fwsh.dsl.Device;

/** {@code dev.tracer}: the firmware tracer of one device. */
public class DeviceTracer implements Describable {
    private final Device device;

    public DeviceTracer(Device device) {
        this.device = device;
    }

    protected Device device() {
        return device;
    }

    @Override
    public String describe() {
        return "dev.tracer — firmware tracer of " + device.getName();
    }
}
