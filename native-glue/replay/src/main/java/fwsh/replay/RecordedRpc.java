package fwsh.replay;

import fwsh.channel.Mailbox;
import fwsh.channel.Scope;

/**
 * One recorded RPC.
 *
 * @param seq         sequence number
 * @param line        line in the file
 * @param time        ISO-8601 instant the RPC was sent
 * @param offsetNanos monotonic nanoseconds since the recording started
 * @param thread      name of the calling thread
 * @param scope       scope the RPC was sent at (null if the caller passed none)
 * @param in          input mailbox as sent by the caller (uid bytes as the caller set them)
 * @param outLen      requested output length
 * @param out         output mailbox (expanded to its full length), or null when {@code error} is set
 * @param error       the errno-layer failure, or null
 * @param latencyNanos time the RPC took
 */
public record RecordedRpc(long seq, int line, String time, long offsetNanos, String thread, Scope scope,
                          byte[] in, int outLen, byte[] out, RecordedError error, long latencyNanos)
        implements RecordedCall {

    public int opcode() {
        return Mailbox.opcode(in);
    }

    public int opMod() {
        return Mailbox.opMod(in);
    }

    /** Whether {@code request} (with {@code outLen}) is this record's request: uid bytes 2–3 are not compared. */
    public boolean matches(byte[] request, int requestOutLen) {
        return Requests.sameRequest(in, outLen, request, requestOutLen);
    }

    @Override
    public String toString() {
        return "#" + seq + " " + Requests.describe(in) + (error != null ? " → " + error.errnoName() : "");
    }
}
