package fwsh.replay;

import fwsh.channel.Umem;

import java.nio.ByteBuffer;

/**
 * Umem handed out on replay: the recorded id, address and size over fresh zeroed memory (the
 * recording never holds umem content, so nothing the device wrote into it is replayed).
 */
final class ReplayUmem implements Umem {
    private final ReplayChannel owner;
    private final int id;
    private final long address;
    private final long size;
    private final ByteBuffer memory;
    private volatile boolean open = true;

    ReplayUmem(ReplayChannel owner, int id, long address, long size) {
        if (size < 0 || size > Integer.MAX_VALUE) throw new IllegalArgumentException("recorded umem size " + size + " cannot be replayed");
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
        if (!open) throw new IllegalStateException("umem " + id + " is closed; register a new one");
        return memory.duplicate();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        if (open) {
            open = false;
            owner.released(this);
        }
    }

    @Override
    public String toString() {
        return "replayed umem " + id + " @0x" + Long.toHexString(address) + " " + size + " B" + (open ? "" : " (closed)");
    }
}
