package fwsh.emu;

import fwsh.wire.Bits;

/** Register data access for one ACCESS_REG call: reads come from the request, writes go to the reply. */
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

    long in(int off, int msb, int lsb) {
        return Prm.get(cmd.in, BASE, off, msb, lsb);
    }

    int inInt(int off, int msb, int lsb) {
        return (int) in(off, msb, lsb);
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

    /** {@code len} bytes of the request data from {@code off}. */
    byte[] inBytes(int off, int len) {
        byte[] b = new byte[len];
        System.arraycopy(cmd.in, BASE + off, b, 0, len);
        return b;
    }

    long inU32(int off) {
        return Prm.u32(cmd.in, BASE + off);
    }

    long inU64(int off) {
        return Prm.u64(cmd.in, BASE + off);
    }

    void set(int off, int msb, int lsb, long v) {
        Prm.set(cmd.out, BASE, off, msb, lsb, v);
    }

    void u32(int off, long v) {
        Prm.u32(cmd.out, BASE + off, v);
    }

    void u64(int off, long v) {
        Prm.u64(cmd.out, BASE + off, v);
    }

    void ascii(int off, int len, String s) {
        Prm.ascii(cmd.out, BASE + off, len, s);
    }

    /** Copies raw bytes into the reply data, cut to what the output mailbox holds. */
    void bytes(int off, byte[] src, int srcOff, int len) {
        int room = cmd.out.length - BASE - off;
        if (room <= 0) return;
        System.arraycopy(src, srcOff, cmd.out, BASE + off, Math.min(len, room));
    }

    /** Clears reply data from {@code off} (bytes echoed from the request that the model does not own). */
    void zero(int off, int len) {
        int from = BASE + off;
        int to = Math.min(cmd.out.length, from + len);
        for (int i = from; i < to; i++) cmd.out[i] = 0;
    }

    int outDataLen() {
        return cmd.out.length - BASE;
    }

    int inDataLen() {
        return cmd.in.length - BASE;
    }
}
