package fwsh.dsl.engine;

import fwsh.base.FwshException;
import fwsh.channel.Umem;

import java.nio.ByteBuffer;

/** Registered user memory as scripts see it ({@code dev.umem(2.MiB)}); released on close, device close or session end. */
public final class DeviceUmem implements AutoCloseable, Describable {
    private final Umem umem;
    private final Runnable onClose;

    public DeviceUmem(Umem umem, Runnable onClose) {
        this.umem = umem;
        this.onClose = onClose;
    }

    public int getId() {
        return umem.id();
    }

    public long getAddress() {
        return umem.address();
    }

    public long getSize() {
        return umem.size();
    }

    public boolean isOpen() {
        return umem.isOpen();
    }

    /** A ByteBuffer view of the memory, valid while open. */
    public ByteBuffer getBuffer() {
        checkOpen();
        return umem.buffer();
    }

    public byte[] bytes(long offset, int length) {
        checkOpen();
        if (offset < 0 || length < 0 || offset + length > umem.size()) {
            throw new FwshException("umem range " + offset + "+" + length + " is outside its " + umem.size() + " bytes");
        }
        byte[] out = new byte[length];
        umem.buffer().duplicate().position((int) offset).get(out);
        return out;
    }

    public String hexdump(long offset, int length) {
        return Hexdump.of(bytes(offset, length));
    }

    public String hexdump() {
        return hexdump(0, (int) Math.min(umem.size(), 256));
    }

    private void checkOpen() {
        if (!umem.isOpen()) throw new FwshException("umem " + umem.id() + " is closed");
    }

    public Umem raw() {
        return umem;
    }

    @Override
    public void close() {
        if (umem.isOpen()) {
            umem.close();
            onClose.run();
        }
    }

    @Override
    public String describe() {
        return "umem " + umem.id() + ": " + umem.size() + " bytes at 0x" + Long.toHexString(umem.address())
                + "; buffer, bytes(off, len), hexdump(), close()";
    }

    @Override
    public String toString() {
        return "Umem(id=" + umem.id() + " size=" + umem.size() + (umem.isOpen() ? "" : " closed") + ")";
    }
}
