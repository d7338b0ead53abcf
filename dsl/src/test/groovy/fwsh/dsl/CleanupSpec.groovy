package fwsh.dsl

import fwsh.base.FwshException
import fwsh.channel.ChannelException
import fwsh.channel.Transport
import fwsh.dsl.trace.CaptureWriteException
import fwsh.dsl.trace.TraceFiles
import fwsh.emu.EmuClock
import fwsh.emu.EmulatedDevice
import fwsh.emu.Emulator
import fwsh.emu.VirtualClock
import groovy.json.JsonSlurper
import spock.lang.Requires
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit

/**
 * Every way out of a tracer session releases what it holds on the device — tracer ownership and activity, mkey, PD
 * and umem — and the emulator's object table and the session's recording both show it: on a normal end, an
 * exception, Ctrl-C, a capture file that cannot be written, the session closing (also from another thread while
 * the script is inside its closure, as the shutdown hook does), and when the JVM's shutdown hook runs. The signal
 * and System.exit paths of the real command are in the shell's distribution specs.
 */
class CleanupSpec extends Specification {
    @TempDir
    Path tmp

    VirtualClock clock = EmuClock.virtual()
    EmulatedDevice emu = Emulator.builder('cx6dx').personality(Transport.MLX5CTL).clock(clock).seed(2).build()
    Path recording
    int devIndex
    Session s
    Device dev

    def setup() {
        s = Session.open(new SessionOptions().noHardware().journal(tmp.resolve('journal.jsonl')).tap { record = tmp.resolve('session.jsonl') })
        dev = s.attach(emu)
        // the session opened with its default emulated device; ours is the next one in the same recording
        recording = tmp.resolve('session.jsonl')
        devIndex = s.devices().indexOf(dev)
    }

    def cleanup() {
        s?.close()
        emu.close()
    }

    /** What the recording says was sent after the tracer was activated, by name. */
    List<String> releasedAfterStart() {
        def calls = Files.readAllLines(recording).collect { new JsonSlurper().parseText(it) }
                .findAll { (it.dev ?: 0) == devIndex && it.type != 'device' }
        int start = calls.findLastIndexOf { it.register == '0x9043' && it.op_mod == 0 && trace(it) == 1 }
        assert start > 0: 'the tracer was never activated'
        calls.drop(start + 1).collect { c ->
            if (c.type == 'umem_unregister') return 'umem_unregister'
            if (c.register == '0x9043' && c.op_mod == 0) return trace(c) == 0 ? 'MTRC_CTRL disable' : 'MTRC_CTRL ?'
            if (c.register == '0x9040' && c.op_mod == 0) return owner(c) == 0 ? 'MTRC_CAP release' : 'MTRC_CAP ?'
            c.op in ['DESTROY_MKEY', 'DEALLOC_PD'] ? c.op : null
        }.findAll()
    }

    static final List<String> RELEASE = ['MTRC_CTRL disable', 'MTRC_CAP release', 'DESTROY_MKEY', 'DEALLOC_PD', 'umem_unregister']

    /** MTRC_CTRL trace_status (register data byte 0, bits 31:30) and MTRC_CAP trace_owner (bit 31) from a recorded input. */
    static int trace(Map c) { (Integer.parseInt(c.in.substring(32, 34), 16) >> 6) & 3 }

    static int owner(Map c) { (Integer.parseInt(c.in.substring(32, 34), 16) >> 7) & 1 }

    /** Released while the session (and its handle) is still open, then nothing left for the handle close to reclaim. */
    boolean releasedExplicitly() {
        assert emu.objectTable().isEmpty()
        s.close()
        assert emu.objectTable().reclaimed().none()
        assert releasedAfterStart() == RELEASE
        true
    }

    def "normal end: a tail that started the tracer releases everything when its time is up"() {
        when:
        def sum = dev.tracer.tail(for: 100.ms, out: new StringBuilder())

        then:
        sum.ended == 'for'
        !dev.tracer.running
        releasedExplicitly()
    }

    def "an exception in the closure releases everything and reaches the caller unchanged"() {
        when:
        dev.tracer.tail(out: new StringBuilder()) { throw new IllegalStateException('boom') }

        then:
        def e = thrown(IllegalStateException)
        e.message == 'boom'
        releasedExplicitly()
    }

    def "Ctrl-C (an interrupt) ends the tail and releases everything"() {
        when:
        int n = 0
        def sum = dev.tracer.tail(for: 1.min, out: new StringBuilder()) { if (++n == 3) Thread.currentThread().interrupt() }

        then:
        sum.ended == 'interrupted'
        releasedExplicitly()
    }

    def "a tracer left running is released when the session closes"() {
        given:
        dev.tracer.start()

        expect:
        emu.objectTable().tracerActive && emu.objectTable().tracerOwner == emu.uid()

        when:
        s.close()

        then:
        emu.objectTable().isEmpty() || emu.objectTable().tracerOwner == 0
        emu.objectTable().reclaimed().none()
        releasedAfterStart() == RELEASE
    }

    def "closed from another thread while the script is inside its closure (as the shutdown hook does): released at once"() {
        given:
        def inside = new CountDownLatch(1)
        def leave = new CountDownLatch(1)
        def result = null
        def tail = Thread.start {
            result = dev.tracer.tail(out: new StringBuilder()) { inside.countDown(); leave.await() }
        }
        assert inside.await(30, TimeUnit.SECONDS)

        when: "the session closes while the tail's thread is blocked in the closure"
        def closer = Thread.start { s.close() }
        closer.join(10_000)

        then: "the close did not wait for the closure"
        !closer.alive
        emu.objectTable().tracerOwner == 0 && !emu.objectTable().tracerActive
        emu.objectTable().reclaimed().none()
        releasedAfterStart() == RELEASE

        when: "the closure returns: the tail ends, having been stopped"
        leave.countDown()
        tail.join(10_000)

        then:
        !tail.alive
        result.ended == 'stopped'
    }

    def "the shutdown hook closes every open session, releasing the tracer"() {
        given:
        dev.tracer.start()

        when:
        OpenSessions.closeAll()

        then:
        s.closed
        emu.objectTable().reclaimed().none()
        releasedAfterStart() == RELEASE
    }

    @Requires({ Files.isWritable(Path.of('/dev/full')) })
    def "a capture file that cannot be written: one line naming the file and the OS reason, and everything released"() {
        when:
        dev.tracer.capture('/dev/full', 1.s)

        then:
        def e = thrown(CaptureWriteException)
        e.message == 'capture: cannot write /dev/full: No space left on device; the tracer was stopped; no block was written before the failure'
        e instanceof FwshException
        !dev.tracer.running
        releasedExplicitly()
    }

    def "a capture file that cannot be created: one line, nothing left on the device"() {
        given: "the capture's folder would have to be a file that exists"
        def blocker = Files.writeString(tmp.resolve('blocker'), 'x')

        when:
        dev.tracer.capture(blocker.resolve('fw.trc'), 1.s)

        then:
        def e = thrown(FwshException)
        e.message.startsWith('cannot create capture file ')
        e.message.contains('fw.trc: ')
        releasedExplicitly()
    }

    def "a session that fails to open closes the devices it had already attached"() {
        given: "two emulated devices attached, then a --device that names neither"
        def first = tmp.resolve('open.jsonl')

        when:
        Session.open(new SessionOptions().noHardware().emulate('cx6dx:mlx5ctl,cx6dx:mlx5ctl').journal(tmp.resolve('j2.jsonl'))
                .tap { record = first; device = 'nosuch0' })

        then:
        thrown(FwshException)

        and: "the first device was closed: its recording has its end line"
        Files.readAllLines(first).last().contains('"type":"end"')
    }

    def "a channel whose --record file cannot be created is closed, not leaked"() {
        given: "a session whose recording for the next device would go to a folder that does not exist"
        def other = emu.openHandle()
        s.options().record = tmp.resolve('no/such/dir/rec.jsonl')

        when:
        s.attach(other)

        then:
        def e = thrown(ChannelException)
        e.message == "cannot create recording file ${tmp.resolve('no/such/dir/rec.jsonl')}: no such file or directory"

        when: "the handle was closed"
        other.rpc(null, new byte[16], 16)

        then:
        def closed = thrown(ChannelException)
        closed.message.contains('is closed')
    }
}
