package fwsh.backend

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
import fwsh.channel.Transport
import fwsh.channel.UmemLimitException
import fwsh.channel.UnknownUmemException
import spock.lang.Specification

/** Mlx5ctlChannel end to end through the kernel double: info, RPC, umem and every errno of the V4 driver. */
class Mlx5ctlChannelSpec extends Specification {
    static final String NODE = '/dev/mlx5ctl-mlx5_core.ctl.0'
    static final long MiB = 1024 * 1024

    FakeKernel kernel = new FakeKernel()
    long liveBefore = NativeBuffers.live()

    def setup() {
        kernel.addMlx5ctl(NODE, [uid: 0x21, uctxCaps: 0x5, devUctxCap: 0x7, ucap: 0x1d])
    }

    def cleanup() {
        assert NativeBuffers.live() == liveBefore
        assert kernel.badFrees.get() == 0
    }

    def "info comes from MLX5CTL_IOCTL_INFO"() {
        given:
        def ch = Mlx5ctlChannel.open(kernel, NODE)

        expect:
        with(ch.info()) {
            name() == 'mlx5ctl-mlx5_core.ctl.0'
            transport() == Transport.MLX5CTL
            uid() == 0x21
            uctxCaps() == 0x5
            !fwctlPolicy()
        }
        ch.mlx5ctlInfo().devUctxCap() == 0x7
        ch.mlx5ctlInfo().ucap() == 0x1d
        ch.supportsUmem()

        cleanup:
        ch?.close()
    }

    def "the scope is ignored: no opcode filter, and the uid is forced"() {
        given:
        def ch = Mlx5ctlChannel.open(kernel, NODE)
        byte[] inbox = Mailbox.newInput(20, Opcode.CREATE_MKEY, 0)   // refused by fwctl at any scope
        inbox[19] = 0x42

        when:
        byte[] out = ch.rpc(Scope.CONFIGURATION, inbox, 32)

        then:
        Mailbox.u16(out, 8) == Opcode.CREATE_MKEY
        Mailbox.u16(out, 10) == 0x21
        out[19] == 0x42

        cleanup:
        ch?.close()
    }

    def "RPC sizes outside 16 .. 262144 bytes are refused before the syscall"() {
        given:
        def ch = Mlx5ctlChannel.open(kernel, NODE)
        int calls = kernel.ioctlCalls.get()

        when:
        ch.rpc(Scope.CONFIGURATION, new byte[inLen], outLen)

        then:
        def e = thrown(RpcSizeException)
        e.message.contains(text)
        kernel.ioctlCalls.get() == calls

        cleanup:
        ch?.close()

        where:
        inLen      | outLen     | text
        15         | 16         | 'input mailbox is 15 bytes'
        16         | 262145     | 'mlx5ctl takes at most 262144 bytes'
        262145     | 16         | 'mlx5ctl takes at most 262144 bytes'
    }

    def "262144 bytes is still fine"() {
        given:
        def ch = Mlx5ctlChannel.open(kernel, NODE)

        when:
        byte[] out = ch.rpc(Scope.CONFIGURATION, Mailbox.newInput(262144, 0x100, 0), 262144)

        then:
        out.length == 262144

        cleanup:
        ch?.close()
    }

    def "without CAP_SYS_ADMIN every ioctl is EPERM: open fails on the INFO ioctl"() {
        given:
        kernel.capSysAdmin = false

        when:
        Mlx5ctlChannel.open(kernel, NODE)

        then:
        def e = thrown(PermissionException)
        e.errno() == Errno.EPERM
        e.message.contains('CAP_SYS_ADMIN')
        kernel.files.isEmpty()
    }

    def "losing CAP_SYS_ADMIN later makes RPCs EPERM too"() {
        given:
        def ch = Mlx5ctlChannel.open(kernel, NODE)
        kernel.capSysAdmin = false

        when:
        ch.rpc(Scope.CONFIGURATION, Mailbox.newInput(16, 0x101, 0), 16)

        then:
        def e = thrown(PermissionException)
        e.message.contains('MLX5CTL_IOCTL_CMDRPC not permitted')

        cleanup:
        ch?.close()
    }

    def "ENOTTY: a node that is not mlx5ctl"() {
        given:
        kernel.addPlain('/dev/mlx5ctl-bogus')

        when:
        Mlx5ctlChannel.open(kernel, '/dev/mlx5ctl-bogus')

        then:
        def e = thrown(NotADeviceException)
        e.message.contains('/dev/mlx5ctl-bogus is not a mlx5ctl device')
    }

    def "umem: page-aligned, registered, visible to the device, unregistered then freed"() {
        given:
        def ch = Mlx5ctlChannel.open(kernel, NODE)

        when:
        def umem = ch.registerUmem(5000)

        then:
        umem.size() == 8192
        umem.address() % 4096 == 0
        kernel.registeredUmems() == 1
        kernel.pinned.get() == 8192

        when: 'the device writes into it'
        kernel.dma(umem.id(), 4100, [1, 2, 3] as byte[])
        def buf = umem.buffer()

        then:
        buf.capacity() == 8192
        buf.get(4100) == 1 && buf.get(4101) == 2 && buf.get(4102) == 3

        when:
        umem.close()
        umem.close()

        then:
        !umem.isOpen()
        kernel.registeredUmems() == 0
        kernel.pinned.get() == 0
        ch.liveUmemCount() == 0

        cleanup:
        ch?.close()
    }

    def "umem over 64 MiB is refused before the syscall"() {
        given:
        def ch = Mlx5ctlChannel.open(kernel, NODE)
        int calls = kernel.ioctlCalls.get()

        when:
        ch.registerUmem(64 * MiB + 1)

        then:
        def e = thrown(RpcSizeException)
        e.errno() == Errno.EINVAL
        e.message.contains('limit of 67108864 bytes (64 MiB)')
        kernel.ioctlCalls.get() == calls

        cleanup:
        ch?.close()
    }

    def "the memlock limit gives ENOMEM with the limit and ulimit -l"() {
        given:
        kernel.memlockLimit = 1 * MiB
        def ch = Mlx5ctlChannel.open(kernel, NODE)
        def first = ch.registerUmem(768 * 1024)

        when:
        ch.registerUmem(512 * 1024)

        then:
        def e = thrown(UmemLimitException)
        e.errno() == Errno.ENOMEM
        e.message.contains('memlock limit (1048576 bytes = ulimit -l 1024)')
        e.message.contains('ulimit -l')
        ch.liveUmemCount() == 1

        cleanup:
        first?.close()
        ch?.close()
    }

    def "ENOENT: unregistering an id the kernel no longer knows"() {
        given:
        def ch = Mlx5ctlChannel.open(kernel, NODE)
        def umem = ch.registerUmem(4096)
        kernel.forget(umem.id())

        when:
        umem.close()

        then:
        def e = thrown(UnknownUmemException)
        e.errno() == Errno.ENOENT
        e.message.contains("no umem with id ${umem.id()}")
        !umem.isOpen()           // nothing pinned any more, so the pages were freed

        cleanup:
        ch?.close()
    }

    def "ENODEV on an RPC kills the handle and frees the umem once"() {
        given:
        def ch = Mlx5ctlChannel.open(kernel, NODE)
        def umem = ch.registerUmem(4096)
        kernel.remove(NODE)

        when:
        ch.rpc(Scope.CONFIGURATION, Mailbox.newInput(16, 0x101, 0), 16)

        then:
        thrown(DeviceGoneException)
        !umem.isOpen()

        when:
        int calls = kernel.ioctlCalls.get()
        ch.registerUmem(4096)

        then:
        thrown(DeviceGoneException)
        kernel.ioctlCalls.get() == calls

        when:
        umem.close()
        ch.close()

        then:
        kernel.ioctlCalls.get() == calls
        kernel.files.isEmpty()
    }
}
