package fwsh.backend

import fwsh.channel.ChannelException
import fwsh.abi.FakeFirmware
import fwsh.abi.FakeKernel
import fwsh.abi.NativeBuffers
import fwsh.channel.DeviceGoneException
import fwsh.channel.Errno
import fwsh.channel.Mailbox
import fwsh.channel.NotADeviceException
import fwsh.channel.Opcode
import fwsh.channel.PermissionException
import fwsh.channel.RpcSizeException
import fwsh.channel.Scope
import fwsh.channel.ScopeNotAllowedException
import fwsh.channel.Transport
import fwsh.channel.UmemUnsupportedException
import spock.lang.Specification

/** FwctlChannel end to end through the kernel double: every errno the fwctl core and mlx5 driver return. */
class FwctlChannelSpec extends Specification {
    static final String NODE = '/dev/fwctl/fwctl0'

    FakeKernel kernel = new FakeKernel()
    long liveBefore = NativeBuffers.live()

    def setup() {
        kernel.addFwctl(NODE, [uid: 0x1234, uctxCaps: 0x4])
    }

    def cleanup() {
        assert NativeBuffers.live() == liveBefore
        assert kernel.badFrees.get() == 0
    }

    def "info comes from FWCTL_INFO and fwctl_info_mlx5"() {
        given:
        def ch = FwctlChannel.open(kernel, new NodeRef('fwctl0', NODE, '0000:3b:00.0', ['eth0'], ['mlx5_0']))

        expect:
        with(ch.info()) {
            name() == 'fwctl0'
            transport() == Transport.FWCTL
            deviceType() == 1
            uid() == 0x1234
            uctxCaps() == 0x4
            pci() == '0000:3b:00.0'
            netdevs() == ['eth0']
            rdmaDevs() == ['mlx5_0']
            fwctlPolicy()
        }
        !ch.supportsUmem()

        cleanup:
        ch?.close()
    }

    def "an RPC carries the mailbox both ways and the kernel forces the uid"() {
        given:
        def ch = FwctlChannel.open(kernel, NODE)
        byte[] inbox = Mailbox.newInput(24, Opcode.QUERY_VPORT_COUNTER, 0)
        Mailbox.setUid(inbox, 0x9999)          // whatever we put is overwritten
        (16..<24).each { inbox[it] = (byte) (0xa0 + it) }

        when:
        byte[] out = ch.rpc(Scope.DEBUG_READ_ONLY, inbox, 40)

        then:
        out.length == 40
        Mailbox.status(out) == 0
        Mailbox.u16(out, 8) == Opcode.QUERY_VPORT_COUNTER
        Mailbox.u16(out, 10) == 0x1234          // the fd's uid, not ours
        Mailbox.u32(out, 12) == 24
        (16..<24).every { out[it] == (byte) (0xa0 + it) }
        (24..<40).every { out[it] == 0 }

        cleanup:
        ch?.close()
    }

    def "QUERY_ISSI gets the firmware stand-in's fixed answer"() {
        given:
        def ch = FwctlChannel.open(kernel, NODE)

        when:
        byte[] out = ch.rpc(Scope.DEBUG_READ_ONLY, Mailbox.newInput(16, Opcode.QUERY_ISSI, 0), 112)

        then:
        Mailbox.u16(out, 10) == 1
        Mailbox.u32(out, 108) == 3

        cleanup:
        ch?.close()
    }

    def "a firmware failure is returned in the output header, not thrown"() {
        given:
        def ch = FwctlChannel.open(kernel, NODE)

        when:
        byte[] out = ch.rpc(Scope.CONFIGURATION, Mailbox.newInput(16, Opcode.QUERY_HCA_CAP, FakeFirmware.BAD_OP_MOD), 16)

        then:
        Mailbox.status(out) == 3
        Mailbox.syndrome(out) == FakeFirmware.BAD_SYNDROME

        cleanup:
        ch?.close()
    }

    def "EBADMSG names the opcode, the scope sent and the minimum scope"() {
        given:
        def ch = FwctlChannel.open(kernel, NODE)

        when: 'ACCESS_REG read at configuration scope'
        ch.rpc(Scope.CONFIGURATION, Mailbox.newInput(32, Opcode.ACCESS_REG, Opcode.ACCESS_REG_OP_MOD_READ), 32)

        then:
        def e = thrown(ScopeNotAllowedException)
        e.errno() == Errno.EBADMSG
        e.message.contains('0x805 (ACCESS_REG)')
        e.message.contains('at scope configuration')
        e.message.contains('minimum scope is debug-read-only')
        !e.message.contains('\n')

        when: 'the same read at its minimum scope'
        ch.rpc(Scope.DEBUG_READ_ONLY, Mailbox.newInput(32, Opcode.ACCESS_REG, Opcode.ACCESS_REG_OP_MOD_READ), 32)

        then:
        noExceptionThrown()

        cleanup:
        ch?.close()
    }

    def "EBADMSG for an opcode fwctl never allows says so"() {
        given:
        def ch = FwctlChannel.open(kernel, NODE)

        when:
        ch.rpc(Scope.DEBUG_WRITE, Mailbox.newInput(16, Opcode.CREATE_MKEY, 0), 16)

        then:
        def e = thrown(ScopeNotAllowedException)
        e.message.contains('0x200 (CREATE_MKEY)')
        e.message.contains('not allowed at any fwctl scope')

        cleanup:
        ch?.close()
    }

    def "scope 3 without CAP_SYS_RAWIO is EPERM; with it the RPC goes through and taints"() {
        given:
        def ch = FwctlChannel.open(kernel, NODE)
        byte[] write = Mailbox.newInput(32, Opcode.ACCESS_REG, Opcode.ACCESS_REG_OP_MOD_WRITE)

        when:
        ch.rpc(Scope.DEBUG_WRITE_FULL, write, 32)

        then:
        def e = thrown(PermissionException)
        e.errno() == Errno.EPERM
        e.message.contains('CAP_SYS_RAWIO')
        kernel.taints.get() == 0

        when:
        kernel.capSysRawio = true
        ch.rpc(Scope.DEBUG_WRITE_FULL, write, 32)

        then:
        kernel.taints.get() == 1

        cleanup:
        ch?.close()
    }

    def "sizes outside 16 bytes .. 2 MiB are refused before the syscall"() {
        given:
        def ch = FwctlChannel.open(kernel, NODE)
        int calls = kernel.ioctlCalls.get()

        when:
        ch.rpc(Scope.CONFIGURATION, new byte[inLen], outLen)

        then:
        def e = thrown(RpcSizeException)
        e.errno() == Errno.EMSGSIZE
        e.message.contains(text)
        kernel.ioctlCalls.get() == calls

        cleanup:
        ch?.close()

        where:
        inLen           | outLen          | text
        8               | 16              | 'input mailbox is 8 bytes'
        16              | 4               | 'output mailbox is 4 bytes'
        2 * 1024 * 1024 + 1 | 16          | 'at most 2097152 bytes'
        16              | 2 * 1024 * 1024 + 4 | 'at most 2097152 bytes'
    }

    def "the largest legal RPC (2 MiB both ways) goes through"() {
        given:
        def ch = FwctlChannel.open(kernel, NODE)
        byte[] inbox = Mailbox.newInput(2 * 1024 * 1024, Opcode.QUERY_HCA_CAP, 0)
        inbox[inbox.length - 1] = 0x77

        when:
        byte[] out = ch.rpc(Scope.CONFIGURATION, inbox, 2 * 1024 * 1024)

        then:
        out[out.length - 1] == 0x77

        cleanup:
        ch?.close()
    }

    def "ENOTTY on open: the node is not a fwctl device"() {
        given:
        kernel.addPlain('/dev/null-ish')

        when:
        FwctlChannel.open(kernel, '/dev/null-ish')

        then:
        def e = thrown(NotADeviceException)
        e.errno() == Errno.ENOTTY
        e.message.contains('/dev/null-ish is not a fwctl device')
        kernel.files.isEmpty()     // the descriptor was closed again
    }

    def "a fwctl device of another type is refused with its type name"() {
        given:
        kernel.addFwctl('/dev/fwctl/fwctl1', [type: 2])

        when:
        FwctlChannel.open(kernel, '/dev/fwctl/fwctl1')

        then:
        def e = thrown(NotADeviceException)
        e.message.contains('type CXL, not MLX5')
        kernel.files.isEmpty()
    }

    def "EACCES on open names the node and the fix"() {
        given:
        kernel.nodes[NODE].denyOpen = true

        when:
        FwctlChannel.open(kernel, NODE)

        then:
        def e = thrown(PermissionException)
        e.errno() == Errno.EACCES
        e.message.contains("cannot open $NODE: permission denied")
        e.message.contains('udev rule')
        e.message.contains('run as root')
    }

    def "ENODEV kills the handle: later calls fail fast without a syscall"() {
        given:
        def ch = FwctlChannel.open(kernel, NODE)
        kernel.remove(NODE)

        when:
        ch.rpc(Scope.CONFIGURATION, Mailbox.newInput(16, Opcode.QUERY_ADAPTER, 0), 16)

        then:
        def e = thrown(DeviceGoneException)
        e.errno() == Errno.ENODEV
        e.message.contains('device gone')
        e.message.contains('discovery again')
        ch.isGone()

        when:
        int calls = kernel.ioctlCalls.get()
        ch.rpc(Scope.CONFIGURATION, Mailbox.newInput(16, Opcode.QUERY_ADAPTER, 0), 16)

        then:
        def again = thrown(DeviceGoneException)
        again.message == e.message
        kernel.ioctlCalls.get() == calls

        when: 'close still releases the descriptor'
        ch.close()

        then:
        kernel.files.isEmpty()
    }

    def "mainline fwctl has no umem"() {
        given:
        def ch = FwctlChannel.open(kernel, NODE)

        when:
        ch.registerUmem(4096)

        then:
        def e = thrown(UmemUnsupportedException)
        e.message.contains('mainline fwctl has no umem')

        cleanup:
        ch?.close()
    }

    def "with the RSC extension umem registers (with an mkey) and is destroyed on close"() {
        given:
        kernel.addFwctl('/dev/fwctl/fwctl2', [rscUmem: true])
        def ch = FwctlChannel.open(kernel, '/dev/fwctl/fwctl2')

        when:
        def umem = ch.registerUmem(10000) as KernelUmem

        then:
        ch.supportsUmem()
        umem.size() == 12288
        umem.mkey() == 0x100 + umem.id()
        kernel.registeredUmems() == 1
        kernel.pinned.get() == 12288

        when:
        umem.close()

        then:
        kernel.registeredUmems() == 0
        kernel.pinned.get() == 0
        !umem.isOpen()

        cleanup:
        ch?.close()
    }

    def "closed channels say so"() {
        given:
        def ch = FwctlChannel.open(kernel, NODE)
        ch.close()
        ch.close()

        when:
        ch.rpc(Scope.CONFIGURATION, new byte[16], 16)

        then:
        def e = thrown(ChannelException)
        e.message == 'fwctl0: channel is closed; open the device again'
    }
}
