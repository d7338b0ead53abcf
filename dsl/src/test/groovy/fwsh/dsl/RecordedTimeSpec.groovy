package fwsh.dsl

import fwsh.channel.Transport
import fwsh.emu.EmuClock
import fwsh.emu.EmulatedDevice
import fwsh.emu.Emulator
import fwsh.emu.TrafficModel
import fwsh.emu.VirtualClock
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration

/**
 * Device time and events reach the DSL through the channel, so recording a session (--record wraps the channel)
 * changes nothing: on the emulator's virtual clock a tail, a string-DB update, counter rates and the sampler give
 * the same exact results with and without a recording.
 */
class RecordedTimeSpec extends Specification {
    @TempDir
    Path tmp

    List<Session> sessions = []

    def cleanup() {
        sessions*.close()
    }

    /** What a session on a fresh emulated device (same seed, virtual clock) makes of the same steps. */
    Map exercise(boolean record) {
        VirtualClock clock = EmuClock.virtual()
        EmulatedDevice emu = Emulator.builder('cx6dx').personality(Transport.MLX5CTL).clock(clock).seed(7).build()
        def o = new SessionOptions().noHardware().journal(tmp.resolve("journal-${record}.jsonl"))
        if (record) o.record = tmp.resolve('session.jsonl')
        Session s = Session.open(o)
        sessions << s
        Device d = s.attach(emu)
        def r = [:]

        // the tracer: virtual time, and a string-DB update noticed only through the device's event (MTRC_CAP re-read off)
        d.tracer.start(dbCheck: Duration.ofHours(1))
        r.first = d.tracer.tail(for: 500.ms, out: new StringBuilder()).toString()
        emu.faults().stringDbUpdate()
        def messages = []
        r.second = d.tracer.tail(for: 200.ms) { messages << it.message }.toString()
        r.reloads = d.tracer.status().string_db_reloads
        r.updated = messages.count { it ==~ /FW: string DB updated to generation 1 \(\d+\)/ }
        r.stopped = d.tracer.stop().toString()

        // counters: rates over one second of device time, and a sampler on it
        def t1 = emu.traffic(1).at(emu.megabitSeconds(1))
        def rates = d.counters.rates(['rx_bytes_phy'], over: 1.s)
        def t2 = emu.traffic(1).at(emu.megabitSeconds(1))
        r.rate = rates.rate('rx_bytes_phy')
        r.modelRate = (t2.totalOctets[TrafficModel.RX] - t1.totalOctets[TrafficModel.RX]) / 1d
        def series = d.counters.sample(['rx_packets_phy'], every: 10.ms, for: 200.ms)
        r.samples = series.size()
        r.intervals = (1..<series.size()).collect { series.times()[it] - series.times()[it - 1] }.unique()
        r.values = series.values('rx_packets_phy') as List
        r
    }

    def "--record changes nothing on the emulator's virtual clock: tracer blocks, the string-DB update event, rates, samples"() {
        when:
        def plain = exercise(false)
        def recorded = exercise(true)
        def lines = Files.readAllLines(tmp.resolve('session.jsonl'))

        then: "the plain session ran on virtual time"
        plain.first.startsWith('trace: 1600 events')
        plain.reloads == 1
        plain.updated > 0         // a string only the updated DB has
        plain.rate > 0 && plain.rate == plain.modelRate
        plain.samples == 20
        plain.intervals == [10_000_000L]

        and: "the recorded one did exactly the same"
        recorded == plain

        and: "the event is in the recording, in order with the calls"
        lines.count { it.contains('"type":"event"') && it.contains('"sub_type":2') } == 1
    }
}
