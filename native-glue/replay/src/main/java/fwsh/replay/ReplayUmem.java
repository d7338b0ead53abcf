package fwsh.replay;

import fwsh.channel.BufferUmem;

/**
 * Umem handed out on replay: the recorded id, address and size over fresh zeroed memory (the
 * recording never holds umem content, so nothing the device wrote into it is replayed).
 */
final class ReplayUmem extends BufferUmem {
    private final ReplayChannel owner;

    ReplayUmem(ReplayChannel owner, int id, long address, long size) {
        super(id, address, size);
        this.owner = owner;
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
        return "replayed umem " + id() + " @0x" + Long.toHexString(address()) + " " + size() + " B" + (open ? "" : " (closed)");
    }
}
