package fwsh.backend

import com.sun.jna.LastErrorException
import fwsh.abi.JnaLibc
import fwsh.abi.Libc
import fwsh.abi.NativeBuffers
import fwsh.channel.DeviceGoneException
import fwsh.channel.Errno
import fwsh.channel.NotADeviceException
import spock.lang.Specification

import java.nio.file.Files

/** Channels opened on the real C library: the kernel's errno becomes the typed one-line error, nothing leaks. */
class RealLibcOpenSpec extends Specification {
    Libc libc = JnaLibc.get()

    def "open of a missing path fails with ENOENT, mapped to a rediscover message"() {
        when:
        libc.open('/nonexistent/fwctl/fwctl0', Libc.O_RDWR)

        then:
        def e = thrown(LastErrorException)
        e.errorCode == Errno.ENOENT

        when:
        FwctlChannel.open(libc, '/nonexistent/fwctl/fwctl0')

        then:
        def gone = thrown(DeviceGoneException)
        gone.errno() == Errno.ENOENT
        gone.message.contains('cannot open /nonexistent/fwctl/fwctl0')
    }

    def "opening /dev/null as a device: NotADeviceException and no descriptor or buffer leak"() {
        given:
        long live = NativeBuffers.live()

        when:
        FwctlChannel.open(libc, '/dev/null')

        then:
        def e = thrown(NotADeviceException)
        e.message == '/dev/null is not a fwctl device (FWCTL_INFO failed with ENOTTY); pick a node from device discovery'

        when:
        Mlx5ctlChannel.open(libc, '/dev/null')

        then:
        def e2 = thrown(NotADeviceException)
        e2.message.contains('MLX5CTL_IOCTL_INFO failed with ENOTTY')
        NativeBuffers.live() == live
    }

    def "a regular file is ENOTTY too"() {
        given:
        def f = Files.createTempFile('fwsh', '.node')

        when:
        FwctlChannel.open(libc, f.toString())

        then:
        thrown(NotADeviceException)

        cleanup:
        Files.deleteIfExists(f)
    }
}
