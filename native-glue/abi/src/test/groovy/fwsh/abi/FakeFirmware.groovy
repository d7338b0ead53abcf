package fwsh.abi

import fwsh.channel.Mailbox
import fwsh.channel.Opcode
import groovy.transform.CompileStatic

/**
 * A tiny firmware stand-in behind the libc double: enough to prove bytes travel both ways.
 * QUERY_ISSI answers current_issi = 1 and supported_issi_dw0 = 0x3; every other opcode echoes:
 * out[8..9] = opcode, out[10..11] = the uid the "kernel" forced into the header, out[12..15] = in length,
 * and the input payload (bytes 16..) copied to the output payload. op_mod 0xbad makes the firmware fail
 * with status BAD_PARAM (0x03) and syndrome 0x5a5a1234: delivered, not an errno.
 */
@CompileStatic
class FakeFirmware {
    static final int BAD_OP_MOD = 0xbad
    static final long BAD_SYNDROME = 0x5a5a1234L

    /** Called before answering each command, on the caller's thread: tests add latency or latches here. */
    volatile Closure<?> onCommand

    byte[] execute(byte[] inbox, int outLen) {
        int opcode = Mailbox.opcode(inbox)
        Closure<?> hook = onCommand
        if (hook != null) hook.call(opcode, inbox)
        byte[] out = new byte[outLen]
        if (Mailbox.opMod(inbox) == BAD_OP_MOD) {
            Mailbox.setStatus(out, 0x03, BAD_SYNDROME)
            return out
        }
        if (opcode == Opcode.QUERY_ISSI) {
            put16(out, 10, 1)
            if (outLen >= 112) put32(out, 108, 0x3)
            return out
        }
        put16(out, 8, opcode)
        put16(out, 10, Mailbox.uid(inbox))
        put32(out, 12, inbox.length)
        int n = Math.min(inbox.length, outLen) - 16
        if (n > 0) System.arraycopy(inbox, 16, out, 16, n)
        return out
    }

    private static void put16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8)
        b[off + 1] = (byte) v
    }

    private static void put32(byte[] b, int off, long v) {
        b[off] = (byte) (v >>> 24)
        b[off + 1] = (byte) (v >>> 16)
        b[off + 2] = (byte) (v >>> 8)
        b[off + 3] = (byte) v
    }
}
