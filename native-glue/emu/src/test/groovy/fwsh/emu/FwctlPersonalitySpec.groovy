package fwsh.emu

import fwsh.channel.Errno
import fwsh.channel.FwctlPolicy
import fwsh.channel.PermissionException
import fwsh.channel.RpcSizeException
import fwsh.channel.Scope
import fwsh.channel.ScopeNotAllowedException
import fwsh.channel.Transport
import fwsh.channel.UmemUnsupportedException
import spock.lang.Specification

import static fwsh.emu.Mbox.*

class FwctlPersonalitySpec extends Specification {
    def dev = Emulator.create('cx6dx', Transport.FWCTL, EmuClock.virtual(), 3)

    def "the policy table is enforced opcode by opcode at every scope"() {
        given:
        int mismatches = 0
        List<String> wrong = []

        when:
        for (int op = 0; op < 0xc00; op++) {
            for (Scope s : Scope.values()) {
                boolean allowed = FwctlPolicy.allows(op, 0, s)
                boolean delivered
                try {
                    dev.rpc(s, cmd(op, 0, 64), 64)
                    delivered = true
                } catch (ScopeNotAllowedException e) {
                    assert e.errno() == Errno.EBADMSG
                    delivered = false
                }
                if (delivered != allowed) { mismatches++; wrong << String.format('0x%x@%s', op, s) }
            }
        }
        for (int op : [0x8000, 0x8001, 0x8006, 0x8002]) {
            for (Scope s : Scope.values()) {
                boolean delivered = true
                try { dev.rpc(s, cmd(op, 0, 64), 64) } catch (ScopeNotAllowedException e) { delivered = false }
                if (delivered != FwctlPolicy.allows(op, 0, s)) { mismatches++; wrong << String.format('0x%x@%s', op, s) }
            }
        }

        then:
        mismatches == 0
        wrong.isEmpty()
    }

    def "ACCESS_REG writes are allowed at configuration scope, reads need debug-read-only"() {
        when:
        dev.rpc(Scope.CONFIGURATION, reg(0x5006, false, 16, [[0, 23, 16]: 1L]), 32)

        then:
        def e = thrown(ScopeNotAllowedException)
        e.message.contains('debug-read-only')
        e.message.contains('0x805')

        expect:
        status(dev.rpc(Scope.CONFIGURATION, reg(0x5006, true, 16, [[0, 23, 16]: 1L]), 32)) == 0
        status(dev.rpc(Scope.DEBUG_READ_ONLY, reg(0x5006, false, 16, [[0, 23, 16]: 1L]), 32)) == 0
    }

    def "object-creating commands are refused with a message pointing at mlx5ctl"() {
        when:
        dev.rpc(Scope.DEBUG_WRITE_FULL, cmd(0x200, 0, 0x100), 16)

        then:
        def e = thrown(ScopeNotAllowedException)
        e.errno() == Errno.EBADMSG
        e.message.contains('0x200') && e.message.contains('mlx5ctl')
    }

    def "mailboxes under 16 bytes or over 2 MiB are EMSGSIZE"() {
        when:
        dev.rpc(Scope.DEBUG_READ_ONLY, new byte[inLen], outLen)

        then:
        def e = thrown(RpcSizeException)
        e.errno() == Errno.EMSGSIZE

        where:
        inLen           | outLen
        8               | 16
        16              | 8
        (2 << 20) + 1   | 16
        16              | (2 << 20) + 1
    }

    def "the uid in the header is forced to the handle's uid"() {
        given:
        def in = cmd(0x100, 1)
        Mbox.set(in, 0x00, 15, 0, 0x7777)

        when:
        dev.rpc(Scope.CONFIGURATION, in, 16 + 4096)

        then:
        dev.hca().lastSeenUid == dev.uid()
        dev.uid() != 0x7777
        get(in, 0x00, 15, 0) == 0x7777   // the caller's buffer is not modified
    }

    def "the first scope-2 RPC taints the kernel; reads do not"() {
        when:
        dev.rpc(Scope.DEBUG_READ_ONLY, cmd(0x10a), 0x70)

        then:
        !dev.kernelTainted()

        when:
        dev.rpc(Scope.DEBUG_WRITE, cmd(0x10a), 0x70)

        then:
        dev.kernelTainted()
        dev.openHandle().kernelTainted()
    }

    def "scope 3 needs CAP_SYS_RAWIO"() {
        given:
        def noRaw = Emulator.builder('cx6dx').rawIo(false).build()

        when:
        noRaw.rpc(Scope.DEBUG_WRITE_FULL, cmd(0x10a), 0x70)

        then:
        def e = thrown(PermissionException)
        e.errno() == Errno.EPERM
        e.message.contains('CAP_SYS_RAWIO')
        !noRaw.kernelTainted()

        expect:
        status(dev.rpc(Scope.DEBUG_WRITE_FULL, cmd(0x10a), 0x70)) == 0
    }

    def "fwctl has no umem"() {
        expect:
        !dev.supportsUmem()

        when:
        dev.registerUmem(4096)

        then:
        thrown(UmemUnsupportedException)
    }
}
