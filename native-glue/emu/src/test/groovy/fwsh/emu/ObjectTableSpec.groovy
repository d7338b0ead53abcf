package fwsh.emu

import fwsh.channel.Channel
import fwsh.channel.Transport
import spock.lang.Specification

import java.time.Duration

import static fwsh.emu.Mbox.*

/** The object table specs read to check that a client released everything it created, and the emulator's clock as a channel's clock. */
class ObjectTableSpec extends Specification {
    def clock = EmuClock.virtual()
    def dev = Emulator.create('cx6dx', Transport.MLX5CTL, clock, 5)

    def cleanup() {
        dev.close()
    }

    static int allocPd(Channel ch) {
        (int) get(call(ch, cmd(0x800), 16), 0x08, 23, 0)
    }

    static byte[] own(Channel ch, boolean take) {
        write(ch, 0x9040, 0x80, [[0, 31, 31]: take ? 1L : 0L])
    }

    def "the table lists the umem, PD and mkey the handles hold and the tracer's owner; released explicitly, it is clean"() {
        when:
        def u = dev.registerUmem(8192)
        int pd = allocPd(dev)
        int mkey = Objects2.mkey(dev, pd, u.id(), u.address(), u.size(), 7)
        own(dev, true)
        def held = dev.objectTable()

        then:
        held.umems() == [u.id()]
        held.pds() == [pd]
        held.mkeys() == [mkey]
        held.tracerOwner() == dev.uid()
        !held.tracerActive()
        !held.isEmpty()

        when: "DESTROY_MKEY, DEALLOC_PD, unregister, release ownership"
        def destroy = cmd(0x202, 0, 16)
        set(destroy, 0x08, 23, 0, mkey >>> 8)
        assert status(call(dev, destroy, 16)) == 0
        def dealloc = cmd(0x801, 0, 16)
        set(dealloc, 0x08, 23, 0, pd)
        assert status(call(dev, dealloc, 16)) == 0
        u.close()
        own(dev, false)
        dev.close()
        def after = dev.objectTable()

        then: "nothing held, and closing the handle found nothing to reclaim"
        after.isEmpty()
        after.reclaimed().none()
        after.clean()
    }

    def "a handle closed while it still holds objects: the kernel side reclaims them, and the table counts them"() {
        given:
        def other = dev.openHandle()
        def u = other.registerUmem(4096)
        int pd = allocPd(other)
        Objects2.mkey(other, pd, u.id(), u.address(), u.size(), 1)
        own(other, true)

        when:
        other.close()
        def t = dev.objectTable()

        then:
        t.isEmpty()
        t.reclaimed() == new ObjectTable.Reclaimed(1, 1, 1, 1)
        !t.clean()
    }

    def "the emulator's clock is the channel's clock; waiting on a virtual one advances it, and a pending interrupt ends the wait"() {
        expect:
        ((Channel) dev).clock().is(clock)
        clock.isVirtual()
        !EmuClock.system().isVirtual()

        when:
        clock.sleep(Duration.ofMillis(5))

        then:
        clock.nanos() == 5_000_000
        clock.epochNanos() == VirtualClock.EPOCH_ORIGIN_NANOS + 5_000_000

        when:
        Thread.currentThread().interrupt()
        clock.sleep(Duration.ofMillis(5))

        then:
        thrown(InterruptedException)
        clock.nanos() == 5_000_000
    }

    def "events raised for a handle come out of the channel interface once, oldest first"() {
        when:
        dev.faults().stringDbUpdate()
        dev.faults().stringDbUpdate()
        def events = ((Channel) dev).drainEvents()

        then:
        events.size() == 2
        events.every { it.stringDbUpdate }
        events[0].deviceTimestamp() <= events[1].deviceTimestamp()
        ((Channel) dev).drainEvents().isEmpty()
    }
}
