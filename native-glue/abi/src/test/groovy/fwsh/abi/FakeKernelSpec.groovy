package fwsh.abi

import com.sun.jna.LastErrorException
import com.sun.jna.Memory
import com.sun.jna.Pointer
import fwsh.channel.Errno
import fwsh.channel.Mailbox
import fwsh.channel.Opcode
import spock.lang.Specification

/**
 * The kernel double's own rules, driven with raw structs the way a buggy caller might send them: these are
 * the checks the channels' pre-validation normally keeps us from reaching, so they are proven here.
 */
class FakeKernelSpec extends Specification {
    FakeKernel kernel = new FakeKernel()
    List<Memory> mem = []

    def cleanup() {
        mem*.close()
    }

    Memory alloc(long n) {
        def m = new Memory(n)
        m.clear()
        mem << m
        m
    }

    int errnoOf(Closure c) {
        try {
            c()
            return 0
        } catch (LastErrorException e) {
            return e.errorCode
        }
    }

    Pointer rpcStruct(int size, int scope, int inLen, int outLen, int opcode = Opcode.QUERY_ADAPTER, int opMod = 0) {
        def inb = alloc(Math.max(inLen, 16))
        inb.write(0, Mailbox.newInput(16, opcode, opMod), 0, 16)
        def outb = alloc(Math.max(outLen, 16))
        def s = alloc(64)
        s.setInt(0, size)
        s.setInt(4, scope)
        s.setInt(8, inLen)
        s.setInt(12, outLen)
        s.setLong(16, Pointer.nativeValue(inb))
        s.setLong(24, Pointer.nativeValue(outb))
        s
    }

    def "fwctl core and mlx5 driver checks, in the kernel's order"() {
        given:
        kernel.addFwctl('/dev/fwctl/fwctl0')
        int fd = kernel.open('/dev/fwctl/fwctl0', 0)

        expect:
        errnoOf { kernel.ioctl(fd, FwctlUapi.FWCTL_RPC, rpcStruct(size, scope, inLen, outLen, op, opMod)) } == errno

        where:
        size | scope | inLen           | outLen | op                     | opMod | errno
        32   | 0     | 16              | 16     | Opcode.QUERY_ADAPTER   | 0     | 0
        16   | 0     | 16              | 16     | Opcode.QUERY_ADAPTER   | 0     | Errno.EINVAL      // below the struct size
        40   | 0     | 16              | 16     | Opcode.QUERY_ADAPTER   | 0     | 0                 // larger struct, zero tail
        32   | 0     | 2 * 1024 * 1024 + 1 | 16 | Opcode.QUERY_ADAPTER | 0     | Errno.EMSGSIZE
        32   | 4     | 16              | 16     | Opcode.QUERY_ADAPTER   | 0     | Errno.EOPNOTSUPP  // unknown scope
        32   | 3     | 16              | 16     | Opcode.QUERY_ADAPTER   | 0     | Errno.EPERM       // no CAP_SYS_RAWIO
        32   | 0     | 8               | 16     | Opcode.QUERY_ADAPTER   | 0     | Errno.EMSGSIZE    // driver: < 16
        32   | 0     | 16              | 8      | Opcode.QUERY_ADAPTER   | 0     | Errno.EMSGSIZE
        32   | 0     | 16              | 16     | Opcode.QUERY_ISSI      | 0     | Errno.EBADMSG
        32   | 1     | 16              | 16     | Opcode.QUERY_ISSI      | 0     | 0
        32   | 3     | 16              | 16     | Opcode.CREATE_UMEM     | 0     | Errno.EPERM       // caps before the filter
        32   | 2     | 16              | 16     | Opcode.CREATE_UMEM     | 0     | Errno.EBADMSG
    }

    def "nonzero bytes beyond the known struct are E2BIG; flags in FWCTL_INFO are EOPNOTSUPP"() {
        given:
        kernel.addFwctl('/dev/fwctl/fwctl0')
        int fd = kernel.open('/dev/fwctl/fwctl0', 0)
        def rpc = rpcStruct(40, 0, 16, 16)
        rpc.setByte(36, (byte) 1)
        def info = alloc(24)
        info.setInt(0, 24)
        info.setInt(4, 1)

        expect:
        errnoOf { kernel.ioctl(fd, FwctlUapi.FWCTL_RPC, rpc) } == Errno.E2BIG
        errnoOf { kernel.ioctl(fd, FwctlUapi.FWCTL_INFO, info) } == Errno.EOPNOTSUPP
        errnoOf { kernel.ioctl(fd, 0xC09A0001L, rpc) } == Errno.ENOTTY     // a wrong FWCTL_RPC seen in the wild
        errnoOf { kernel.ioctl(fd, FwctlUapi.FWCTL_RSC_UMEM_REG, alloc(48)) } == Errno.ENOTTY
    }

    def "FWCTL_INFO zero-fills the device data buffer and reports the real length"() {
        given:
        kernel.addFwctl('/dev/fwctl/fwctl0', [uid: 0x55, uctxCaps: 4])
        int fd = kernel.open('/dev/fwctl/fwctl0', 0)
        def data = alloc(16)
        data.setMemory(0, 16, (byte) 0xee)
        def info = alloc(24)
        FwctlInfo.write(info, data, 16)

        when:
        kernel.ioctl(fd, FwctlUapi.FWCTL_INFO, info)

        then:
        FwctlInfo.outDeviceType(info) == 1
        FwctlInfo.deviceDataLen(info) == 8
        FwctlInfoMlx5.uid(data) == 0x55
        FwctlInfoMlx5.uctxCaps(data) == 4
        data.getLong(8) == 0
    }

    def "mlx5ctl driver checks"() {
        given:
        kernel.addMlx5ctl('/dev/mlx5ctl-mlx5_core.ctl.0')
        int fd = kernel.open('/dev/mlx5ctl-mlx5_core.ctl.0', 0)
        long page = kernel.pageSize()
        def pages = kernel.mmap(null, 2 * page, 3, 0x22, -1, 0)
        def reg = alloc(24)
        def unreg = alloc(8)

        expect: 'reserved must be 0 in UMEM_REG'
        reg.setLong(0, Pointer.nativeValue(pages)); reg.setLong(8, page); reg.setInt(20, 1)
        errnoOf { kernel.ioctl(fd, Mlx5ctlUapi.MLX5CTL_IOCTL_UMEM_REG, reg) } == Errno.EINVAL

        and: 'zero length, and memory the process does not own'
        reg.setInt(20, 0); reg.setLong(8, 0)
        errnoOf { kernel.ioctl(fd, Mlx5ctlUapi.MLX5CTL_IOCTL_UMEM_REG, reg) } == Errno.EINVAL
        reg.setLong(0, 0x1000); reg.setLong(8, page)
        errnoOf { kernel.ioctl(fd, Mlx5ctlUapi.MLX5CTL_IOCTL_UMEM_REG, reg) } == Errno.EFAULT

        and: 'a good one, not page-aligned inside the mapping'
        reg.setLong(0, Pointer.nativeValue(pages) + 100); reg.setLong(8, page)
        errnoOf { kernel.ioctl(fd, Mlx5ctlUapi.MLX5CTL_IOCTL_UMEM_REG, reg) } == 0
        int id = reg.getInt(16)

        and: 'UNREG: reserved != 0 is EOPNOTSUPP, unknown id ENOENT, the real id works once'
        unreg.setInt(0, id); unreg.setInt(4, 1)
        errnoOf { kernel.ioctl(fd, Mlx5ctlUapi.MLX5CTL_IOCTL_UMEM_UNREG, unreg) } == Errno.EOPNOTSUPP
        unreg.setInt(4, 0)
        errnoOf { kernel.ioctl(fd, Mlx5ctlUapi.MLX5CTL_IOCTL_UMEM_UNREG, unreg) } == 0
        errnoOf { kernel.ioctl(fd, Mlx5ctlUapi.MLX5CTL_IOCTL_UMEM_UNREG, unreg) } == Errno.ENOENT

        and: 'an ioctl number with a too-small size is EINVAL, an unknown one ENOTTY'
        errnoOf { kernel.ioctl(fd, Ioc.iowr(0x5c, 1, 16), alloc(24)) } == Errno.EINVAL
        errnoOf { kernel.ioctl(fd, Ioc.iowr(0x5c, 9, 8), alloc(8)) } == Errno.ENOTTY

        cleanup:
        kernel.munmap(pages, 2 * page)
    }

    def "the double catches a double free"() {
        given:
        long page = kernel.pageSize()
        def p = kernel.mmap(null, page, 3, 0x22, -1, 0)
        kernel.munmap(p, page)

        when:
        kernel.munmap(p, page)

        then:
        def e = thrown(LastErrorException)
        e.errorCode == Errno.EINVAL
        kernel.badFrees.get() == 1
    }
}
