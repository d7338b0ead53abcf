package fwsh.emu;

import fwsh.channel.Mailbox;

/** One command being executed: the mailboxes, who sent it, and length checks that become firmware statuses. */
final class Cmd {
    final EmulatedDevice handle;
    final Hca hca;
    final byte[] in;
    final byte[] out;
    final int opcode;
    final int opMod;
    final String name;

    Cmd(EmulatedDevice handle, Hca hca, byte[] in, byte[] out, String name) {
        this.handle = handle;
        this.hca = hca;
        this.in = in;
        this.out = out;
        this.opcode = Mailbox.opcode(in);
        this.opMod = Mailbox.opMod(in);
        this.name = name;
    }

    void needIn(int len) {
        if (in.length < len) {
            throw new FirmwareError(FwStatus.BAD_INP_LEN, name + ".short_input",
                    name + " needs an input mailbox of at least " + len + " bytes, got " + in.length);
        }
    }

    void needOut(int len) {
        if (out.length < len) {
            throw new FirmwareError(FwStatus.BAD_OUTP_LEN, name + ".short_output",
                    name + " needs an output mailbox of at least " + len + " bytes, got " + out.length);
        }
    }

    long inField(int byteOff, int msb, int lsb) {
        return Prm.get(in, 0, byteOff, msb, lsb);
    }

    void outField(int byteOff, int msb, int lsb, long v) {
        Prm.set(out, 0, byteOff, msb, lsb, v);
    }
}
