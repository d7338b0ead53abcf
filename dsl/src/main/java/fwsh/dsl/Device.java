package fwsh.dsl;

import fwsh.channel.Channel;
import fwsh.channel.DeviceInfo;

/** A device as scripts see it. */
public class Device implements AutoCloseable, Describable {
    private final Channel channel;

    public Device(Channel channel) {
        this.channel = channel;
    }

    public DeviceInfo getInfo() {
        return channel.info();
    }

    public String getName() {
        return channel.info().name();
    }

    Channel channel() {
        return channel;
    }

    /** One line for the banner and the devices table. */
    public String summary() {
        DeviceInfo i = channel.info();
        return i.name() + "  " + (i.pci() == null ? "-" : i.pci()) + "  " + i.transport();
    }

    @Override
    public String describe() {
        return "Device " + summary();
    }

    @Override
    public String toString() {
        return "Device(" + summary() + ")";
    }

    @Override
    public void close() {
        channel.close();
    }
}
