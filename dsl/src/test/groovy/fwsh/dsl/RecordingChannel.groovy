package fwsh.dsl

import fwsh.channel.Channel
import fwsh.channel.DeviceClock
import fwsh.channel.DeviceEvent
import fwsh.channel.DeviceInfo
import fwsh.channel.Mailbox
import fwsh.channel.Scope
import fwsh.channel.Umem

/** Wraps a channel and records every RPC (scope, opcode, the input array and a copy of it) that reached it, and what a hook saw then. */
class RecordingChannel implements Channel {
    final Channel inner
    final List<Map> sent = Collections.synchronizedList([])
    Closure onSend = null

    RecordingChannel(Channel inner) { this.inner = inner }

    DeviceInfo info() { inner.info() }

    byte[] rpc(Scope scope, byte[] input, int outLen) {
        def rec = [scope: scope, opcode: Mailbox.opcode(input), opMod: Mailbox.opMod(input), input: input, copy: input.clone()]
        if (onSend) rec.hook = onSend.call(rec)
        sent << rec
        inner.rpc(scope, input, outLen)
    }

    DeviceClock clock() { inner.clock() }


    List<DeviceEvent> drainEvents() { inner.drainEvents() }


    boolean supportsUmem() { inner.supportsUmem() }

    Umem registerUmem(long size) { inner.registerUmem(size) }

    void close() { inner.close() }
}
