package fwsh.reliability

import fwsh.channel.Opcode
import fwsh.channel.Transport
import fwsh.dsl.Device
import fwsh.dsl.Session
import fwsh.dsl.SessionOptions
import fwsh.dsl.dump.ResourceDump
import fwsh.emu.EmuClock
import fwsh.emu.EmulatedDevice
import fwsh.emu.Emulator
import fwsh.emu.VirtualClock
import fwsh.trace.TraceCaptureReader
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path
import java.time.Duration

/**
 * The device is pulled out in the middle of each long-running DSL operation. Every case: one clear line naming
 * the device and that it is gone, device memory released, no thread left behind, files readable up to the last
 * complete record, and the session still works with another device.
 */
class DeviceGoneSpec extends Specification {
    @TempDir Path tmp
    VirtualClock clk = EmuClock.virtual()
    EmulatedDevice emu = Emulator.builder('cx6dx').personality(Transport.MLX5CTL).clock(clk).seed(7).build()
    EmulatedDevice other = Emulator.builder('cx6dx').personality(Transport.FWCTL).clock(clk).seed(8).build()
    Session s
    Threads threads

    def setup() {
        threads = new Threads()
        s = Session.open(new SessionOptions().noHardware().journal(tmp.resolve('journal.jsonl')))
        clk.advance(Duration.ofSeconds(2))
    }

    def cleanup() {
        s?.close()
        emu.close()
        other.close()
    }

    /** The session still serves another device after the failure. */
    void otherDeviceStillWorks() {
        Device d2 = s.attach(other)
        assert d2.reg.PAOS.read(local_port: 1).admin_status == 1
    }

    static void oneLine(Throwable e) {
        assert e.message != null && !e.message.isBlank()
        assert !e.message.contains('\n')
    }

    def "a register read on a removed device is one line naming the device"() {
        given:
        Device d = s.attach(emu)
        d.reg.PAOS.read(local_port: 1)

        when:
        emu.faults().remove()
        d.reg.PAOS.read(local_port: 1)

        then:
        def e = thrown(RuntimeException)
        oneLine(e)
        println "REG: ${e.class.name}: ${e.message}"
        e.message =~ /(?i)gone|removed|no such device/
        emu.umems().isEmpty()
        threads.leaked().isEmpty()
        otherDeviceStillWorks()
    }

    def "removal during a trace capture: the file keeps every complete block, memory and threads released"() {
        given:
        Device d = s.attach(emu)
        def file = tmp.resolve('gone.trc')
        def out = new StringBuilder()
        Throwable err = null
        def summary = null

        when: "the firmware traces for a while, then the device is pulled while the poller runs"
        try {
            summary = d.tracer.capture(file, out: out) {
                clk.advance(Duration.ofMillis(200))
                d.reg.CORE_DUMP.write(core_dump_type: 'general', vhca_id: 3)
                Thread.sleep(20)
                emu.faults().remove()
                clk.advance(Duration.ofMillis(200))
            }
        } catch (RuntimeException e) {
            err = e
        }
        def contents = TraceCaptureReader.readAll(file)
        println "CAPTURE: err=${err?.class?.name}: ${err?.message} summary=${summary} out=${out}"
        println "CAPTURE file: ${contents.records().size()} records error=${contents.error()} complete=${contents.complete()}"

        then: "the capture ends (no exception: the body ran) and its summary line says why"
        err == null
        summary.toString() =~ /ended: device removed/
        !summary.toString().contains('\n')
        contents.header() != null
        contents.records().size() > 0
        contents.error() == null
        emu.umems().isEmpty()
        !d.tracer.running
        threads.leaked().isEmpty()
        otherDeviceStillWorks()
    }

    def "removal during high-frequency sampling to CSV: every CSV line is a complete sample, the thread ends"() {
        given:
        def rec = new RemoveAfter(emu, 60)
        Device d = s.attach(rec)
        def csv = tmp.resolve('rx.csv')
        Throwable err = null
        def series = null

        when:
        try {
            series = d.counters.sample(['rx_packets_phy', 'rx_bytes_phy'], every: 1.ms, for: 1.s, to: csv.toString())
        } catch (RuntimeException e) {
            err = e
        }
        def lines = csv.toFile().readLines()
        println "SAMPLE: err=${err?.class?.name}: ${err?.message} series=${series?.size()} lines=${lines.size()} last=${lines ? lines[-1] : null}"

        then:
        rec.removed
        (err?.message ?: series.stats().toString()) =~ /(?i)gone|removed/
        err == null || !err.message.contains('\n')
        lines.size() >= 2
        lines.drop(1).every { it.split(',', -1).size() == lines[0].split(',', -1).size() }
        csv.toFile().text.endsWith('\n')
        threads.leaked().isEmpty()
        otherDeviceStillWorks()
    }

    def "removal during a resource dump into registered memory: one line, the memory is released"() {
        given:
        def rec = new RemoveAfter(emu, 1, { int op -> op == 0x805 })
        Device d = s.attach(rec)

        when:
        ResourceDump.dump(d, [segment: 'FULL_CQC', umem: true])

        then:
        def e = thrown(RuntimeException)
        println "DUMP: ${e.class.name}: ${e.message}"
        oneLine(e)
        e.message =~ /(?i)gone|removed/
        rec.removed
        emu.umems().isEmpty()
        d.umems.isEmpty()
        threads.leaked().isEmpty()
        otherDeviceStillWorks()
    }
}
