package fwsh.abi

import com.sun.jna.LastErrorException
import com.sun.jna.Memory
import fwsh.channel.Errno
import spock.lang.Specification

/** The real C library through JNA direct mapping: the calls bind, errno arrives as LastErrorException. */
class JnaLibcSpec extends Specification {
    Libc libc = JnaLibc.get()

    def "the fwctl and mlx5ctl ioctls on a non-device are ENOTTY from the real kernel"() {
        given:
        int fd = libc.open('/dev/null', Libc.O_RDWR | Libc.O_CLOEXEC)
        def arg = new Memory(64)
        arg.clear()

        when:
        libc.ioctl(fd, request, arg)

        then:
        def e = thrown(LastErrorException)
        e.errorCode == Errno.ENOTTY

        cleanup:
        libc.close(fd)
        arg.close()

        where:
        request << [FwctlUapi.FWCTL_INFO, FwctlUapi.FWCTL_RPC, Mlx5ctlUapi.MLX5CTL_IOCTL_INFO, Mlx5ctlUapi.MLX5CTL_IOCTL_CMDRPC]
    }

    def "close of a bad descriptor is EBADF"() {
        when:
        libc.close(-1)

        then:
        def e = thrown(LastErrorException)
        e.errorCode == Errno.EBADF
    }

    def "mmap gives page-aligned zeroed memory; munmap releases it; page size and memlock limit read"() {
        given:
        long page = libc.pageSize()
        long live = NativeBuffers.live()

        when:
        def p = NativeBuffers.map(libc, 3 * page)

        then:
        page >= 4096 && Long.bitCount(page) == 1
        com.sun.jna.Pointer.nativeValue(p) % page == 0
        (0..<3 * page).step(512).every { p.getByte(it) == 0 }
        NativeBuffers.live() == live + 1

        when:
        p.setLong(8, 0x1122334455667788L)

        then:
        p.getByteBuffer(0, 16).order(java.nio.ByteOrder.nativeOrder()).getLong(8) == 0x1122334455667788L

        when:
        NativeBuffers.unmap(libc, p, 3 * page)

        then:
        NativeBuffers.live() == live
        libc.memlockLimit() == Libc.RLIM_INFINITY || libc.memlockLimit() >= 0
    }

    def "mlock and munlock bind"() {
        given:
        long page = libc.pageSize()
        def p = libc.mmap(null, page, Libc.PROT_READ | Libc.PROT_WRITE, Libc.MAP_PRIVATE | Libc.MAP_ANONYMOUS, -1, 0)

        when:
        int locked
        try {
            locked = libc.mlock(p, page)
            libc.munlock(p, page)
        } catch (LastErrorException e) {
            locked = -e.errorCode       // ENOMEM/EPERM under a zero memlock limit is an answer too
        }

        then:
        locked == 0 || locked == -Errno.ENOMEM || locked == -Errno.EPERM

        cleanup:
        libc.munmap(p, page)
    }
}
