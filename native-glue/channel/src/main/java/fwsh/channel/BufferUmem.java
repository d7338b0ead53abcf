package fwsh.channel;

import java.nio.ByteBuffer;

/**
 * Umem backed by a direct ByteBuffer instead of pinned native pages: the emulator's and replay's. The id
 * and the (synthetic or recorded) address are what CREATE_MKEY and the dump registers refer to.
 */
public abstract class BufferUmem implements Umem {
    private final int id;
    private final long address;
    private final long size;
    protected final ByteBuffer memory;
    protected volatile boolean open = true;

    protected BufferUmem(int id, long address, long size) {
        if (size < 0 || size > Integer.MAX_VALUE) throw new IllegalArgumentException("umem size " + size + " does not fit a buffer");
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
        if (!open) throw closed();
        return memory.duplicate();
    }

    /** The error for a view of closed memory. */
    protected RuntimeException closed() {
        return new ChannelException(Errno.EBADF, "umem " + id + " is closed; register a new one");
    }

    @Override
    public boolean isOpen() {
        return open;
    }
}
