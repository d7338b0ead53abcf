package fwsh.dsl.trace

import fwsh.channel.Channel
import fwsh.channel.DeviceClock
import fwsh.channel.DeviceEvent
import fwsh.channel.DeviceInfo
import fwsh.channel.Mailbox
import fwsh.channel.Opcode
import fwsh.channel.Scope
import fwsh.channel.Umem
import fwsh.wire.Bits

/** Wraps a channel and logs every RPC as "MTRC_CAP write", "MTRC_STDB read", "ALLOC_PD"..., with its input. */
class RegisterLog implements Channel {
    static final Map<Integer, String> REGS = [0x9040: 'MTRC_CAP', 0x9041: 'MTRC_CONF', 0x9042: 'MTRC_STDB', 0x9043: 'MTRC_CTRL',
                                              0x907f: 'MCAM', 0x402e: 'CORE_DUMP', 0x9020: 'MGIR']
    static final Map<Integer, String> OPS = [0x800: 'ALLOC_PD', 0x801: 'DEALLOC_PD', 0x200: 'CREATE_MKEY', 0x202: 'DESTROY_MKEY',
                                             0x100: 'QUERY_HCA_CAP']
    final Channel inner
    final List<Map> sent = Collections.synchronizedList([])

    RegisterLog(Channel inner) { this.inner = inner }

    DeviceInfo info() { inner.info() }

    byte[] rpc(Scope scope, byte[] input, int outLen) {
        int op = Mailbox.opcode(input)
        String what
        if (op == Opcode.ACCESS_REG) {
            int id = (int) Bits.get(input, 0, 80, 16)
            what = (REGS[id] ?: String.format('reg 0x%x', id)) + (Mailbox.opMod(input) == 1 ? ' read' : ' write')
        } else {
            what = OPS[op] ?: String.format('opcode 0x%x', op)
        }
        sent << [what: what, in: input.clone(), outLen: outLen]
        inner.rpc(scope, input, outLen)
    }

    List<String> names() { sent.collect { it.what } }

    /** A field of the register data (after the 16-byte ACCESS_REG header), PRM dword offset and msb..lsb. */
    static long field(Map entry, int dword, int msb, int lsb) {
        Bits.get(entry.in as byte[], 16, Bits.prmOffset(dword, msb), msb - lsb + 1)
    }

    /** The wrapped channel's clock, unless a spec puts its own in. */
    DeviceClock clockOverride

    DeviceClock clock() { clockOverride ?: inner.clock() }


    List<DeviceEvent> drainEvents() { inner.drainEvents() }


    boolean supportsUmem() { inner.supportsUmem() }

    Umem registerUmem(long size) { inner.registerUmem(size) }

    void close() { inner.close() }
}
