package fwsh.reliability

import fwsh.channel.Channel
import fwsh.channel.DeviceInfo
import fwsh.channel.Mailbox
import fwsh.channel.Scope
import fwsh.channel.Umem
import fwsh.emu.EmulatedDevice

/**
 * Passes RPCs to an emulated device and pulls the device out (faults().remove()) just before the RPC that
 * matches {@code when} for the {@code nth} time: removal lands in the middle of whatever the DSL is doing.
 */
class RemoveAfter implements Channel {
    final EmulatedDevice emu
    final Closure<Boolean> when
    final int nth
    int seen
    int sent
    /** [opcode, op_mod] of every RPC passed on, in order. */
    final List<List<Integer>> log = Collections.synchronizedList([])
    boolean removed

    RemoveAfter(EmulatedDevice emu, int nth, Closure<Boolean> when = { int opcode -> true }) {
        this.emu = emu
        this.nth = nth
        this.when = when
    }

    DeviceInfo info() { emu.info() }

    synchronized byte[] rpc(Scope scope, byte[] input, int outLen) {
        if (!removed && when.call(Mailbox.opcode(input)) && ++seen >= nth) {
            removed = true
            emu.faults().remove()
        }
        sent++
        log << [Mailbox.opcode(input), Mailbox.opMod(input)]
        emu.rpc(scope, input, outLen)
    }

    fwsh.channel.DeviceClock clock() { emu.clock() }

    List<fwsh.channel.DeviceEvent> drainEvents() { emu.drainEvents() }

    boolean supportsUmem() { emu.supportsUmem() }

    Umem registerUmem(long size) { emu.registerUmem(size) }

    void close() { emu.close() }
}
