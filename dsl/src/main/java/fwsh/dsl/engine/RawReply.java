package fwsh.dsl.engine;

import fwsh.channel.Mailbox;
import fwsh.wire.Catalog;

/** The output mailbox of a raw dev.rpc(...): bytes plus the decoded header status. */
public final class RawReply implements Describable {
    private final byte[] bytes;

    RawReply(byte[] bytes) {
        this.bytes = bytes;
    }

    public byte[] getBytes() {
        return bytes.clone();
    }

    public int getStatus() {
        return Mailbox.status(bytes);
    }

    public String getStatusName() {
        return Catalog.builtin().statusName(getStatus());
    }

    public long getSyndrome() {
        return Mailbox.syndrome(bytes);
    }

    public boolean isOk() {
        return getStatus() == 0;
    }

    public String hexdump() {
        return Hexdump.of(bytes);
    }

    @Override
    public String describe() {
        return "raw reply: bytes, status, statusName, syndrome, ok, hexdump()";
    }

    @Override
    public String toString() {
        return "RawReply(status=" + getStatusName() + " syndrome=0x" + Long.toHexString(getSyndrome()) + " " + bytes.length + " bytes)";
    }
}
