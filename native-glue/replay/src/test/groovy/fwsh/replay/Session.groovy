package fwsh.replay

import fwsh.channel.Channel
import fwsh.channel.ChannelException
import fwsh.channel.Opcode
import fwsh.channel.Scope

import static fwsh.emu.Mbox.*

/**
 * Test helper: one scripted session of requests, run against any channel; each step's result is the
 * output bytes or the exception thrown, so a recorded run and a replayed run can be compared.
 */
class Session {
    /** A request: scope, input mailbox, output length. */
    static class Step {
        Scope scope
        byte[] input
        int outLen
        String label
    }

    static Step step(String label, Scope scope, byte[] input, int outLen) {
        new Step(label: label, scope: scope, input: input, outLen: outLen)
    }

    static Step ppcnt(int port = 1) { step("PPCNT port $port", Scope.DEBUG_READ_ONLY, reg(0x5008, false, 0x100, [[0, 23, 16]: (long) port]), DATA + 0x100) }

    static Step paos() { step('PAOS', Scope.DEBUG_READ_ONLY, reg(0x5006, false, 16, [[0, 23, 16]: 1L]), DATA + 16) }

    static Step mgir() { step('MGIR', Scope.DEBUG_READ_ONLY, reg(0x9020, false, 0xa0), DATA + 0xa0) }

    static Step hcaCap() { step('QUERY_HCA_CAP', Scope.CONFIGURATION, cmd(Opcode.QUERY_HCA_CAP, 1), 16 + 4096) }

    static Step nop() { step('NOP', Scope.DEBUG_READ_ONLY, cmd(Opcode.NOP), 16) }

    /** fwctl rejects CREATE_MKEY at every scope: EBADMSG. */
    static Step createMkey() { step('CREATE_MKEY', Scope.CONFIGURATION, cmd(Opcode.CREATE_MKEY, 0, 0x110), 16) }

    /** Runs one step; returns the output bytes or the exception. */
    static Object run(Channel ch, Step s) {
        try {
            ch.rpc(s.scope, s.input.clone(), s.outLen)
        } catch (ChannelException e) {
            e
        }
    }

    static List<Object> runAll(Channel ch, List<Step> steps) {
        steps.collect { run(ch, it) }
    }

    /** Same outcome: equal bytes, or the same exception class, errno and message. */
    static boolean same(Object a, Object b) {
        if (a instanceof byte[] && b instanceof byte[]) return Arrays.equals((byte[]) a, (byte[]) b)
        if (a instanceof ChannelException && b instanceof ChannelException) {
            return a.class == b.class && a.errno() == b.errno() && a.message == b.message
        }
        false
    }
}
