package fwsh.emu;

import fwsh.wire.Bits;

/**
 * Register data access for one ACCESS_REG call: reads come from the request, writes go to the reply. Every access
 * names a {@link RegField} resolved from the catalog; there is no access by raw offset.
 */
final class RegIo {
    static final int BASE = 0x10;
    final Cmd cmd;
    final boolean write;

    RegIo(Cmd cmd, boolean write) {
        this.cmd = cmd;
        this.write = write;
    }

    Hca hca() {
        return cmd.hca;
    }

    EmulatedDevice handle() {
        return cmd.handle;
    }

    long in(RegField f) {
        return Bits.get(cmd.in, BASE, f.bitOffset(), f.width());
    }

    int inInt(RegField f) {
        return (int) in(f);
    }

    void set(RegField f, long v) {
        if ((f.bitOffset() & 7) == 0 && f.width() == 64) Bits.putU64(cmd.out, BASE + f.byteOffset(), v);  // counters: the hot path
        else Bits.set(cmd.out, BASE, f.bitOffset(), f.width(), v);
    }

    /** ASCII, NUL padded to the field's size. */
    void ascii(RegField f, String s) {
        Prm.ascii(cmd.out, BASE + f.byteOffset(), f.bytes(), s);
    }

    /** {@code len} bytes of the request data from the start of {@code at}. */
    byte[] inBytes(RegField at, int len) {
        byte[] b = new byte[len];
        System.arraycopy(cmd.in, BASE + at.byteOffset(), b, 0, len);
        return b;
    }

    /** Copies raw bytes into the reply data from the start of {@code at}, cut to what the output mailbox holds. */
    void bytes(RegField at, byte[] src, int srcOff, int len) {
        int room = cmd.out.length - BASE - at.byteOffset();
        if (room <= 0) return;
        System.arraycopy(src, srcOff, cmd.out, BASE + at.byteOffset(), Math.min(len, room));
    }

    /** Clears the field's bytes in the reply (bytes echoed from the request that the model does not own). */
    void zero(RegField f) {
        clear(f.byteOffset(), f.end());
    }

    /** Clears the reply from the start of {@code f} to the end of the output mailbox. */
    void zeroFrom(RegField f) {
        clear(f.byteOffset(), outDataLen());
    }

    private void clear(int from, int to) {
        int end = Math.min(cmd.out.length, BASE + to);
        for (int i = BASE + from; i < end; i++) cmd.out[i] = 0;
    }

    int outDataLen() {
        return cmd.out.length - BASE;
    }

    int inDataLen() {
        return cmd.in.length - BASE;
    }
}
