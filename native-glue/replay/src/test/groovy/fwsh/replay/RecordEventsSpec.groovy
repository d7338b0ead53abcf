package fwsh.replay

import fwsh.channel.DeviceClock
import fwsh.channel.DeviceEvent
import fwsh.channel.Transport
import fwsh.emu.EmuClock
import fwsh.emu.Emulator
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

import static fwsh.replay.Session.*

/** Device time and events through a recording and its replay: a wrapped channel must not change how a session runs. */
class RecordEventsSpec extends Specification {
    @TempDir
    Path tmp

    def clock = EmuClock.virtual()
    def dev = Emulator.create('cx6dx', Transport.MLX5CTL, clock, 3)

    def "a recording hands on the device's clock (a virtual clock stays virtual); a replay runs on the host clock"() {
        given:
        def file = tmp.resolve('clock.jsonl')
        def rec = RecordingChannel.create(dev, file)
        run(rec, mgir())
        rec.close()

        expect:
        rec.clock().is(clock)
        rec.clock().isVirtual()
        ReplayChannel.open(file, ReplayMode.MATCHED).clock().is(DeviceClock.host())
    }

    def "device events are recorded in order with the calls and replayed once the calls before them are answered"() {
        given:
        def file = tmp.resolve('events.jsonl')
        def rec = RecordingChannel.create(dev, file)

        when: "a call, a string-DB update (the tracer's event) drained through the recording, another call"
        run(rec, mgir())
        dev.faults().stringDbUpdate()
        def seen = rec.drainEvents()
        def none = rec.drainEvents()
        run(rec, paos())
        rec.close()
        def types = Files.readAllLines(file).collect { (it =~ /"type":"(\w+)"/)[0][1] }

        then:
        seen.size() == 1 && seen[0].stringDbUpdate && seen[0].type() == DeviceEvent.DEVICE_TRACER
        none.isEmpty()
        types == ['header', 'rpc', 'event', 'rpc', 'end']

        when: "replayed: no event before the call recorded ahead of it, then the event exactly once"
        def replay = ReplayChannel.open(file, mode)
        def before = replay.drainEvents()
        run(replay, mgir())
        def after = replay.drainEvents()
        def again = replay.drainEvents()

        then:
        before.isEmpty()
        after == seen
        again.isEmpty()
        replay.recording().calls().count { it instanceof RecordedEvent } == 1

        where:
        mode << ReplayMode.values()
    }
}
