package fwsh.emu

import fwsh.channel.DeviceGoneException
import fwsh.channel.Errno
import fwsh.channel.Scope
import fwsh.channel.Transport
import fwsh.channel.UmemLimitException
import spock.lang.Specification
import spock.lang.Timeout

import java.time.Duration
import java.util.concurrent.Callable
import java.util.concurrent.ExecutionException
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

import static fwsh.emu.Mbox.*

class FaultsSpec extends Specification {
    def clock = EmuClock.virtual()
    def dev = Emulator.create('cx6dx', Transport.MLX5CTL, clock, 8)

    def "failOpcode gives the status and syndrome to the next N RPCs of that opcode only"() {
        when:
        dev.faults().failOpcode(0x100, 2, 0x06, 0xabcdef)
        def outs = (0..2).collect { dev.rpc(null, cmd(0x100, 1), 16 + 4096) }
        def other = dev.rpc(null, cmd(0x10a), 0x70)

        then:
        outs[0..1].every { status(it) == FwStatus.RES_BUSY && syndrome(it) == 0xabcdef }
        status(outs[2]) == 0
        status(other) == 0
    }

    def "failRegister hits ACCESS_REG reads and writes of that register id"() {
        when:
        dev.faults().failRegister(0x5008, 1, FwStatus.BAD_SYS_STATE)
        def a = read(dev, 0x5008, 0x100, [[0, 23, 16]: 1L])
        def b = read(dev, 0x5008, 0x100, [[0, 23, 16]: 1L])
        dev.faults().failRegister(0x5006, 1, FwStatus.INT_ERR, 7)
        def mgir = read(dev, 0x9020, 0xa0)
        def paos = write(dev, 0x5006, 16, [[0, 23, 16]: 1L])

        then:
        status(a) == FwStatus.BAD_SYS_STATE
        syndrome(a) == Faults.INJECTED_SYNDROME
        status(b) == 0
        status(mgir) == 0
        status(paos) == FwStatus.INT_ERR && syndrome(paos) == 7
    }

    def "bad fault arguments are refused"() {
        when:
        dev.faults().failOpcode(0x100, 1, 0)
        then:
        thrown(fwsh.base.ArgumentException)

        when:
        dev.faults().latency(Duration.ofMinutes(2))
        then:
        thrown(fwsh.base.ArgumentException)
    }

    def "failUmem makes the next registrations fail with ENOMEM"() {
        when:
        dev.faults().failUmem(1)
        dev.registerUmem(4096)

        then:
        def e = thrown(UmemLimitException)
        e.errno() == Errno.ENOMEM

        expect:
        dev.registerUmem(4096).isOpen()
    }

    @Timeout(10)
    def "latency delays RPCs of an opcode by wall time"() {
        given:
        dev.faults().latency(0x10a, Duration.ofMillis(200))

        when:
        long t0 = System.nanoTime()
        dev.rpc(null, cmd(0x10a), 0x70)
        long slow = System.nanoTime() - t0
        t0 = System.nanoTime()
        dev.rpc(null, cmd(0x101), 0x110)
        long fast = System.nanoTime() - t0

        then:
        slow >= 200_000_000L
        fast < 200_000_000L

        when:
        dev.faults().clear()
        t0 = System.nanoTime()
        dev.rpc(null, cmd(0x10a), 0x70)

        then:
        System.nanoTime() - t0 < 200_000_000L
    }

    @Timeout(10)
    def "removal during an RPC: the call in flight and every later call get ENODEV, umem is released"() {
        given:
        def other = dev.openHandle()
        def umem = dev.registerUmem(8192)
        dev.faults().latency(Duration.ofSeconds(30))
        def pool = Executors.newFixedThreadPool(3)

        when: "three RPCs are stuck in the device"
        def futures = (0..2).collect { i -> pool.submit({ (i % 2 == 0 ? dev : other).rpc(null, cmd(0x10a), 0x70) } as Callable) }
        assert dev.faults().awaitInFlight(3, Duration.ofSeconds(5))
        long t0 = System.nanoTime()
        dev.faults().remove()
        def errors = futures.collect { f ->
            try { f.get(5, TimeUnit.SECONDS); null } catch (ExecutionException e) { e.cause }
        }

        then: "they fail promptly, not after the 30 s latency"
        System.nanoTime() - t0 < 5_000_000_000L
        errors.every { it instanceof DeviceGoneException && it.errno() == Errno.ENODEV }
        dev.faults().inFlight() == 0

        and: "umem is released and later calls fail the same way"
        !umem.isOpen()
        dev.isRemoved()

        when:
        umem.buffer()
        then:
        thrown(DeviceGoneException)

        when:
        other.rpc(null, cmd(0x10a), 0x70)
        then:
        def gone = thrown(DeviceGoneException)
        gone.message.contains('removed')

        when:
        dev.registerUmem(4096)
        then:
        thrown(DeviceGoneException)

        when:
        dev.openHandle()
        then:
        thrown(DeviceGoneException)

        cleanup:
        pool.shutdownNow()
    }

    def "a re-inserted device answers through new handles; handles from before the removal stay dead"() {
        given:
        def before = read(dev, 0x5008, 0x100, [[0, 23, 16]: 1L])
        dev.faults().reinsert()   // present: nothing to do

        when:
        dev.faults().remove()
        dev.faults().reinsert()
        def fresh = dev.openHandle()
        clock.advance(Duration.ofSeconds(1))
        def after = read(fresh, 0x5008, 0x100, [[0, 23, 16]: 1L])

        then: "the new handle answers, its port counters carry on"
        !fresh.isRemoved()
        status(after) == 0
        ru64(after, 0x08 + 0x08) > ru64(before, 0x08 + 0x08)

        and: "the old handle is still gone"
        dev.isRemoved()

        when:
        dev.rpc(null, cmd(0x10a), 0x70)
        then:
        thrown(DeviceGoneException)
    }

    def "a removed device still describes itself and closes cleanly"() {
        when:
        dev.remove()
        dev.close()
        dev.close()

        then:
        dev.info().name() ==~ /emu\d+/
        noExceptionThrown()
    }

    def "a closed handle refuses RPCs with EBADF"() {
        when:
        dev.close()
        dev.rpc(Scope.DEBUG_READ_ONLY, cmd(0x10a), 0x70)

        then:
        def e = thrown(fwsh.channel.ChannelException)
        e.errno() == Errno.EBADF
    }
}
