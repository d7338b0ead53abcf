package fwsh.emu;

import fwsh.channel.BufferUmem;
import fwsh.channel.DeviceGoneException;

import java.nio.ByteBuffer;

/**
 * Emulated user memory: a direct ByteBuffer with a synthetic, page-aligned virtual address that
 * CREATE_MKEY start_addr and RESOURCE_DUMP/CORE_DUMP address refer to.
 */
final class EmuUmem extends BufferUmem {
    private final EmulatedDevice owner;
    private volatile boolean goneWithDevice;

    EmuUmem(EmulatedDevice owner, int id, long address, long size) {
        super(id, address, size);
        this.owner = owner;
    }

    @Override
    protected RuntimeException closed() {
        return goneWithDevice ? new DeviceGoneException("umem " + id() + " was released when the device was removed") : super.closed();
    }

    /** Device-side write (DMA); silently dropped once the memory is released, as a real IOMMU unmap would fault. */
    boolean dmaWrite(long offset, byte[] src, int off, int len) {
        if (!open) return false;
        ByteBuffer b = memory.duplicate();
        b.position((int) offset);
        b.put(src, off, len);
        return true;
    }

    void release(boolean deviceGone) {
        goneWithDevice = deviceGone;
        open = false;
    }

    @Override
    public void close() {
        if (open) owner.releaseUmem(this);
    }

    @Override
    public String toString() {
        return "umem " + id() + " @0x" + Long.toHexString(address()) + " " + size() + " B" + (open ? "" : " (closed)");
    }
}
