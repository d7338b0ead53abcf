package fwsh.emu

import fwsh.channel.Channel
import fwsh.channel.Mailbox
import fwsh.channel.Scope
import fwsh.wire.Bits

/**
 * Test helper: builds command mailboxes with Bits and reads fields back, in the PRM "0x04[23:16]"
 * notation. Register helpers add the 0x10 ACCESS_REG data offset.
 */
class Mbox {
    static final int ACCESS_REG = 0x805
    static final int DATA = 0x10

    static byte[] cmd(int opcode, int opMod = 0, int len = 16) {
        Mailbox.newInput(len, opcode, opMod)
    }

    /** Sets a field at an absolute byte offset. */
    static byte[] set(byte[] b, int off, int msb, int lsb, long v) {
        Bits.set(b, 0, Bits.prmOffset(off, msb), msb - lsb + 1, v)
        b
    }

    static long get(byte[] b, int off, int msb, int lsb) {
        Bits.get(b, 0, Bits.prmOffset(off, msb), msb - lsb + 1)
    }

    static long u32(byte[] b, int off) { Bits.u32(b, off) & 0xffffffffL }

    static long u64(byte[] b, int off) { Bits.u64(b, off) }

    static void putU32(byte[] b, int off, long v) { Bits.putU32(b, off, (int) v) }

    static void putU64(byte[] b, int off, long v) { Bits.putU64(b, off, v) }

    static int status(byte[] out) { Mailbox.status(out) }

    static long syndrome(byte[] out) { Mailbox.syndrome(out) }

    /** An ACCESS_REG mailbox; {@code fields} maps [dataOffset, msb, lsb] to a value. */
    static byte[] reg(int id, boolean write, int dataLen, Map<List<Integer>, Long> fields = [:]) {
        byte[] in = cmd(ACCESS_REG, write ? 0 : 1, DATA + dataLen)
        set(in, 0x08, 15, 0, id)
        fields.each { k, v -> set(in, DATA + k[0], k[1], k[2], v) }
        in
    }

    static long rget(byte[] out, int off, int msb, int lsb) { get(out, DATA + off, msb, lsb) }

    static long ru32(byte[] out, int off) { u32(out, DATA + off) }

    static long ru64(byte[] out, int off) { u64(out, DATA + off) }

    static boolean between(long v, long lo, long hi) { v >= lo && v <= hi }

    static String ascii(byte[] b, int off, int len) {
        new String(b, off, len, 'US-ASCII').replaceAll('\u0000.*$', '').trim()
    }

    /** Reads a register (op_mod 1) at debug-read-only scope and returns the output mailbox. */
    static byte[] read(Channel ch, int id, int dataLen, Map<List<Integer>, Long> fields = [:]) {
        ch.rpc(Scope.DEBUG_READ_ONLY, reg(id, false, dataLen, fields), DATA + dataLen)
    }

    static byte[] write(Channel ch, int id, int dataLen, Map<List<Integer>, Long> fields = [:]) {
        ch.rpc(Scope.CONFIGURATION, reg(id, true, dataLen, fields), DATA + dataLen)
    }

    static byte[] call(Channel ch, byte[] in, int outLen, Scope scope = Scope.DEBUG_READ_ONLY) {
        ch.rpc(scope, in, outLen)
    }
}
