package fwsh.emu;

import fwsh.channel.DeviceGoneException;
import fwsh.channel.Umem;

import java.nio.ByteBuffer;

/**
 * Emulated user memory: a direct ByteBuffer with a synthetic, page-aligned virtual address that
 * CREATE_MKEY start_addr and RESOURCE_DUMP/CORE_DUMP address refer to.
 */
final class EmuUmem implements Umem {
    private final EmulatedDevice owner;
    private final int id;
    private final long address;
    private final long size;
    private final ByteBuffer memory;
    private volatile boolean open = true;
    private volatile boolean goneWithDevice;

    EmuUmem(EmulatedDevice owner, int id, long address, long size) {
        this.owner = owner;
        this.id = id;
        this.address = address;
        this.size = size;
        this.memory = ByteBuffer.allocateDirect((int) size);
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public long address() {
        return address;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public ByteBuffer buffer() {
        if (!open) {
            if (goneWithDevice) throw new DeviceGoneException("umem " + id + " was released when the device was removed");
            throw new IllegalStateException("umem " + id + " is closed; register a new one");
        }
        return memory.duplicate();
    }

    /** Device-side write (DMA); silently dropped once the memory is released, as a real IOMMU unmap would fault. */
    boolean dmaWrite(long offset, byte[] src, int off, int len) {
        if (!open) return false;
        ByteBuffer b = memory.duplicate();
        b.position((int) offset);
        b.put(src, off, len);
        return true;
    }

    @Override
    public boolean isOpen() {
        return open;
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
        return "umem " + id + " @0x" + Long.toHexString(address) + " " + size + " B" + (open ? "" : " (closed)");
    }
}
