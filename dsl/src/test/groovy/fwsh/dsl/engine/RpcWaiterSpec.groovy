package fwsh.dsl.engine

import fwsh.base.FwshException
import fwsh.channel.Channel
import fwsh.channel.DeviceInfo
import fwsh.channel.Scope
import fwsh.channel.Transport
import fwsh.channel.Umem
import fwsh.dsl.Session
import fwsh.dsl.SessionOptions
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path
import java.time.Duration
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit

class RpcWaiterSpec extends Specification {
    @TempDir Path tmp

    /** A kernel-like channel whose ioctl blocks uninterruptibly until released. */
    static class HungKernel implements Channel {
        final CountDownLatch release = new CountDownLatch(1)
        final CountDownLatch entered = new CountDownLatch(1)

        DeviceInfo info() { new DeviceInfo('fwctl9', Transport.FWCTL, Transport.FWCTL, '0000:01:00.0', '/dev/fwctl/fwctl9', 1, 1, 4, [], [], null) }

        byte[] rpc(Scope scope, byte[] input, int outLen) {
            entered.countDown()
            while (true) {
                try { release.await(); break } catch (InterruptedException ignored) { /* like an ioctl: keeps waiting */ }
            }
            new byte[outLen]
        }

        boolean supportsUmem() { false }
        Umem registerUmem(long size) { throw new UnsupportedOperationException() }
        void close() { release.countDown() }
    }

    def "a hung kernel RPC times out with one line and leaves the caller free"() {
        given:
        def opts = new SessionOptions().noHardware().emulate('cx6dx').journal(tmp.resolve('j'))
        opts.rpcTimeout = Duration.ofMillis(200)
        def s = Session.open(opts)
        def kernel = new HungKernel()
        def d = s.attach(kernel)

        when:
        d.rpc(opcode: 0x10a, outlen: 112)

        then:
        def e = thrown(FwshException)
        e.message == 'QUERY_ISSI (raw) got no answer within 200 ms; the RPC was abandoned (its late answer is dropped). The firmware may be busy or hung'

        cleanup:
        kernel.release.countDown()
        s.close()
    }

    def "interrupting the waiting thread (Ctrl-C) returns at once although the ioctl still blocks"() {
        given:
        def s = Session.open(new SessionOptions().noHardware().emulate('cx6dx').journal(tmp.resolve('j')))
        def kernel = new HungKernel()
        def d = s.attach(kernel)
        Throwable caught = null
        def caller = Thread.start { try { d.rpc(opcode: 0x10a, outlen: 112) } catch (Throwable t) { caught = t } }

        when:
        kernel.entered.await(5, TimeUnit.SECONDS)
        caller.interrupt()
        caller.join(5000)

        then:
        !caller.alive
        caught instanceof FwshException
        caught.message == 'QUERY_ISSI (raw) interrupted while waiting for the device; the RPC was abandoned'
        kernel.release.count == 1

        cleanup:
        kernel.release.countDown()
        s.close()
    }
}
