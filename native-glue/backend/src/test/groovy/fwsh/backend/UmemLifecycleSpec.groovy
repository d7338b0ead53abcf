package fwsh.backend

import fwsh.channel.ChannelException
import fwsh.abi.FakeKernel
import fwsh.abi.NativeBuffers
import fwsh.channel.DeviceGoneException
import fwsh.channel.Mailbox
import fwsh.channel.Scope
import spock.lang.Specification

import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

/**
 * No leak and no double free: the live-buffer counter returns to where it started and the kernel double
 * (which tracks every mapping) never sees an unknown or repeated munmap.
 */
class UmemLifecycleSpec extends Specification {
    static final String NODE = '/dev/mlx5ctl-mlx5_core.ctl.0'

    FakeKernel kernel = new FakeKernel()
    long liveBefore = NativeBuffers.live()

    def setup() {
        kernel.addMlx5ctl(NODE)
    }

    def "each umem holds one live buffer until closed"() {
        given:
        def ch = Mlx5ctlChannel.open(kernel, NODE)

        when:
        def umems = (1..5).collect { ch.registerUmem(it * 4096L) }

        then:
        NativeBuffers.live() == liveBefore + 5
        kernel.mappings.size() == 5

        when:
        umems.each { it.close() }

        then:
        NativeBuffers.live() == liveBefore
        kernel.mappings.isEmpty()
        kernel.registeredUmems() == 0
        kernel.badFrees.get() == 0

        cleanup:
        ch?.close()
    }

    def "channel close unregisters and frees every umem; closing the umems afterwards is a no-op"() {
        given:
        def ch = Mlx5ctlChannel.open(kernel, NODE)
        def umems = (1..3).collect { ch.registerUmem(4096) }

        when:
        ch.close()
        umems.each { it.close() }

        then:
        umems.every { !it.isOpen() }
        NativeBuffers.live() == liveBefore
        kernel.registeredUmems() == 0
        kernel.pinned.get() == 0
        kernel.files.isEmpty()
        kernel.badFrees.get() == 0
    }

    def "a failed registration frees its pages"() {
        given:
        kernel.memlockLimit = 4096
        def ch = Mlx5ctlChannel.open(kernel, NODE)

        when:
        ch.registerUmem(8192)

        then:
        thrown(fwsh.channel.UmemLimitException)
        NativeBuffers.live() == liveBefore
        kernel.mappings.isEmpty()

        cleanup:
        ch?.close()
    }

    def "removal while umem is registered frees it exactly once, whoever notices first"() {
        given:
        def ch = Mlx5ctlChannel.open(kernel, NODE)
        def a = ch.registerUmem(4096)
        def b = ch.registerUmem(8192)
        kernel.remove(NODE)

        when: 'closing one umem is what discovers the removal'
        a.close()

        then:
        def e = thrown(DeviceGoneException)
        e.message.contains('device gone')
        !a.isOpen()
        !b.isOpen()                      // the channel freed the rest on the first ENODEV
        NativeBuffers.live() == liveBefore

        when: 'every other path to a free is a no-op now'
        a.close()
        b.close()
        ch.close()

        then:
        kernel.badFrees.get() == 0
        NativeBuffers.live() == liveBefore
        kernel.files.isEmpty()

        when:
        b.buffer()

        then:
        def closed = thrown(ChannelException)
        closed.message.contains('device gone')
    }

    def "umem close racing the removal discovery on other threads frees once"() {
        given:
        def ch = Mlx5ctlChannel.open(kernel, NODE)
        def umems = (1..16).collect { ch.registerUmem(4096) }
        kernel.remove(NODE)
        def pool = Executors.newFixedThreadPool(8)
        def start = new CountDownLatch(1)

        when:
        def futures = umems.collect { u ->
            pool.submit {
                start.await()
                try { u.close() } catch (DeviceGoneException ignored) { }
                try { ch.rpc(Scope.CONFIGURATION, Mailbox.newInput(16, 0x101, 0), 16) } catch (DeviceGoneException ignored) { }
            }
        }
        start.countDown()
        futures.each { it.get(10, TimeUnit.SECONDS) }
        ch.close()

        then:
        umems.every { !it.isOpen() }
        kernel.badFrees.get() == 0
        NativeBuffers.live() == liveBefore

        cleanup:
        pool?.shutdownNow()
    }

    def "RPC scratch buffers are released after success and after failure"() {
        given:
        def ch = Mlx5ctlChannel.open(kernel, NODE)

        when:
        100.times { ch.rpc(Scope.CONFIGURATION, Mailbox.newInput(64, 0x101, 0), 128) }
        kernel.capSysAdmin = false
        try { ch.rpc(Scope.CONFIGURATION, Mailbox.newInput(64, 0x101, 0), 128) } catch (fwsh.channel.PermissionException ignored) { }

        then:
        NativeBuffers.live() == liveBefore

        cleanup:
        ch?.close()
    }
}
