package fwsh.backend

import fwsh.abi.FakeKernel
import fwsh.abi.NativeBuffers
import fwsh.channel.Channel
import fwsh.channel.DeviceGoneException
import fwsh.channel.Mailbox
import fwsh.channel.Opcode
import fwsh.channel.Scope
import spock.lang.Specification
import spock.lang.Unroll

import java.util.concurrent.ConcurrentLinkedQueue
import java.util.concurrent.CountDownLatch
import java.util.concurrent.CyclicBarrier
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

/**
 * No global lock: concurrent RPCs on one channel run in parallel, each gets its own answer, and a slow
 * command does not hold up fast ones. Proven with latches, not timings: the slow RPC is held inside the
 * "kernel" until the fast ones have finished, which could never happen if the channel serialised them.
 */
class ConcurrencySpec extends Specification {
    FakeKernel kernel = new FakeKernel()
    def pool = Executors.newFixedThreadPool(16)
    long liveBefore = NativeBuffers.live()

    def setup() {
        kernel.addFwctl('/dev/fwctl/fwctl0')
        kernel.addMlx5ctl('/dev/mlx5ctl-mlx5_core.ctl.0')
    }

    def cleanup() {
        pool.shutdownNow()
        assert NativeBuffers.live() == liveBefore
    }

    Channel open(String which) {
        which == 'fwctl' ? FwctlChannel.open(kernel, '/dev/fwctl/fwctl0') : Mlx5ctlChannel.open(kernel, '/dev/mlx5ctl-mlx5_core.ctl.0')
    }

    static byte[] tagged(int tag) {
        byte[] inbox = Mailbox.newInput(32, Opcode.QUERY_VPORT_COUNTER, 0)
        Mailbox.putU32(inbox, 16, tag)
        inbox
    }

    @Unroll
    def "#which: 16 threads x 20 RPCs each get their own response"() {
        given:
        def ch = open(which)
        def dev = kernel.nodes.values().find { it.kind.name() == which.toUpperCase() }
        dev.firmware.onCommand = { int op, byte[] inb -> Thread.yield() }
        def wrong = new ConcurrentLinkedQueue<String>()

        when:
        def futures = (0..<16).collect { int t ->
            pool.submit {
                20.times { int i ->
                    int tag = t * 1000 + i
                    byte[] out = ch.rpc(Scope.DEBUG_READ_ONLY, tagged(tag), 32)
                    if (Mailbox.u32(out, 16) != tag) wrong << "thread $t call $i got ${Mailbox.u32(out, 16)}".toString()
                }
            }
        }
        futures.each { it.get(30, TimeUnit.SECONDS) }

        then:
        wrong.isEmpty()

        cleanup:
        ch?.close()

        where:
        which << ['fwctl', 'mlx5ctl']
    }

    @Unroll
    def "#which: a slow RPC in flight does not delay fast ones"() {
        given:
        def ch = open(which)
        def dev = kernel.nodes.values().find { it.kind.name() == which.toUpperCase() }
        def slowEntered = new CountDownLatch(1)
        def releaseSlow = new CountDownLatch(1)
        def fastDone = new CountDownLatch(8)
        def order = new ConcurrentLinkedQueue<String>()
        dev.firmware.onCommand = { int op, byte[] inb ->
            if (Mailbox.u32(inb, 16) == 999) {       // the slow command: held inside the ioctl
                slowEntered.countDown()
                assert releaseSlow.await(10, TimeUnit.SECONDS): 'the fast RPCs never finished: they were serialised behind the slow one'
            }
        }

        when:
        def slow = pool.submit { ch.rpc(Scope.DEBUG_READ_ONLY, tagged(999), 32); order << 'slow' }
        assert slowEntered.await(10, TimeUnit.SECONDS)
        def fast = (0..<8).collect { int t ->
            pool.submit {
                ch.rpc(Scope.DEBUG_READ_ONLY, tagged(t), 32)
                order << "fast$t".toString()
                fastDone.countDown()
            }
        }
        boolean fastFinishedWhileSlowHeld = fastDone.await(10, TimeUnit.SECONDS)
        releaseSlow.countDown()
        slow.get(10, TimeUnit.SECONDS)
        fast.each { it.get(10, TimeUnit.SECONDS) }

        then:
        fastFinishedWhileSlowHeld
        order.size() == 9
        order.last() == 'slow'

        cleanup:
        releaseSlow.countDown()
        ch?.close()

        where:
        which << ['fwctl', 'mlx5ctl']
    }

    def "removal while RPCs are in flight: every caller gets DeviceGoneException, then calls fail fast"() {
        given:
        def ch = open('mlx5ctl')
        def dev = kernel.nodes['/dev/mlx5ctl-mlx5_core.ctl.0']
        def inside = new CyclicBarrier(5)
        def removed = new CountDownLatch(1)
        dev.firmware.onCommand = { int op, byte[] inb ->
            inside.await(10, TimeUnit.SECONDS)
            removed.await(10, TimeUnit.SECONDS)
        }

        when:
        def calls = (0..<4).collect { int t ->
            pool.submit {
                try {
                    ch.rpc(Scope.CONFIGURATION, tagged(t), 32)
                    'answered'
                } catch (DeviceGoneException e) {
                    'gone'
                }
            }
        }
        inside.await(10, TimeUnit.SECONDS)     // all four are inside the ioctl
        kernel.remove('/dev/mlx5ctl-mlx5_core.ctl.0')
        removed.countDown()
        def results = calls.collect { it.get(10, TimeUnit.SECONDS) }
        int ioctls = kernel.ioctlCalls.get()
        ch.rpc(Scope.CONFIGURATION, tagged(5), 32)

        then:
        results == ['gone'] * 4
        thrown(DeviceGoneException)
        kernel.ioctlCalls.get() == ioctls

        cleanup:
        ch?.close()
    }

    def "close waits for RPCs in flight and never closes the descriptor under them"() {
        given:
        def ch = open('fwctl')
        def dev = kernel.nodes['/dev/fwctl/fwctl0']
        def entered = new CountDownLatch(1)
        def release = new CountDownLatch(1)
        dev.firmware.onCommand = { int op, byte[] inb -> entered.countDown(); release.await(10, TimeUnit.SECONDS) }

        when:
        def rpc = pool.submit { ch.rpc(Scope.DEBUG_READ_ONLY, tagged(1), 32) }
        entered.await(10, TimeUnit.SECONDS)
        def closer = new Thread({ ch.close() })
        closer.start()
        // Wait until close is parked on the lock (not a timing guess: the thread state says so).
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10)
        while (closer.state != Thread.State.WAITING && closer.isAlive() && System.nanoTime() < deadline) Thread.onSpinWait()
        boolean closerParked = closer.state == Thread.State.WAITING
        boolean fdOpenWhileRpcRuns = !kernel.files.isEmpty()
        release.countDown()
        byte[] out = rpc.get(10, TimeUnit.SECONDS)
        closer.join(10000)

        then:
        closerParked
        fdOpenWhileRpcRuns
        Mailbox.u32(out, 16) == 1
        kernel.files.isEmpty()
        !closer.isAlive()
    }
}
