package fwsh.dsl;

import fwsh.channel.Channel;
import fwsh.channel.DeviceClock;
import fwsh.channel.DeviceEvent;
import fwsh.channel.DeviceInfo;
import fwsh.channel.Scope;
import fwsh.channel.Umem;

import java.util.List;

/**
 * What scripts get as {@code dev.channel}: the device's channel with the session's rules kept. An RPC goes
 * through the same path as {@code dev.rpc(bytes, outlen)} — sent at the opcode's minimum scope whatever
 * scope the caller names, refused above the scope in force, journaled when it changes state — and umem is
 * tracked by the device. {@link Device#rawChannel()} is the explicit way around it, for tools and tests.
 */
final class GuardedChannel implements Channel {
    private final Device device;

    GuardedChannel(Device device) {
        this.device = device;
    }

    @Override
    public DeviceInfo info() {
        return device.rawChannel().info();
    }

    @Override
    public byte[] rpc(Scope ignored, byte[] in, int outLen) {
        return device.rpc(in, outLen).getBytes();
    }

    @Override
    public boolean supportsUmem() {
        return device.rawChannel().supportsUmem();
    }

    @Override
    public DeviceClock clock() {
        return device.rawChannel().clock();
    }

    @Override
    public List<DeviceEvent> drainEvents() {
        return device.rawChannel().drainEvents();
    }

    @Override
    public Umem registerUmem(long size) {
        return device.umem(size).raw();
    }

    @Override
    public void close() {
        device.close();
    }

    @Override
    public String toString() {
        return "Channel(" + device.getName() + ", guarded by the session's scope and journal)";
    }
}
