package fwsh.dsl.trace

import fwsh.channel.DeviceClock
import fwsh.channel.Transport
import fwsh.dsl.Device
import fwsh.base.FwshException
import fwsh.dsl.Session
import fwsh.dsl.SessionOptions
import fwsh.emu.EmuClock
import fwsh.emu.EmulatedDevice
import fwsh.emu.Emulator
import fwsh.emu.VirtualClock
import fwsh.trace.StringDb
import fwsh.trace.TraceRecord
import groovy.json.JsonSlurper
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration

class DeviceTracerSpec extends Specification {
    static final String LINE = /\[0x[0-9a-f]+\] [01] \[0x[0-9a-f]+\] .*/

    @TempDir Path tmp
    VirtualClock clk = EmuClock.virtual()
    EmulatedDevice emu = Emulator.builder('cx6dx').personality(Transport.MLX5CTL).clock(clk).seed(5).build()
    Session s

    def setup() {
        s = Session.open(new SessionOptions().noHardware().emulate('cx6dx:mlx5ctl').journal(tmp.resolve('journal.jsonl')))
    }

    def cleanup() {
        s?.close()
        emu.close()
    }

    Device attach(def channel) {
        s.attach(channel)
    }

    /** A second handle (another process) asks for ownership; true if granted (then gives it back). */
    boolean otherHandleCanOwn() {
        def h = emu.openHandle()
        try {
            def d = s.attach(h)
            boolean got = d.reg.MTRC_CAP.write(trace_owner: 1).trace_owner == 1
            if (got) d.reg.MTRC_CAP.write(trace_owner: 0)
            got
        } finally {
            h.close()
        }
    }

    def "bring-up sends the driver's sequence: MCAM, MTRC_CAP, ownership, string DB, PD, mkey, MTRC_CONF, MTRC_CTRL"() {
        given:
        def log = new RegisterLog(emu)
        def dev = attach(log)

        when:
        dev.tracer.start()
        def names = log.names()
        def stdb = log.sent.findAll { it.what == 'MTRC_STDB read' }
        def cap = dev.tracer.readCap()
        def plan = (0..<cap.numStringDb()).collectMany { i -> StringDb.readPlan(i, cap.stringDbSize()[i]) }

        then: "reads before each register write are the journal's 'before' values (and its device identity, MGIR, once)"
        names.unique(false) == ['MCAM read', 'MTRC_CAP read', 'MGIR read', 'MTRC_CAP write', 'MTRC_STDB read', 'ALLOC_PD', 'CREATE_MKEY',
                                'MTRC_CONF read', 'MTRC_CONF write', 'MTRC_CTRL read', 'MTRC_CTRL write']
        names.takeWhile { it != 'MTRC_STDB read' } == ['MCAM read', 'MTRC_CAP read', 'MGIR read', 'MTRC_CAP read', 'MTRC_CAP write']
        names.dropWhile { it != 'ALLOC_PD' } == ['ALLOC_PD', 'CREATE_MKEY', 'MTRC_CONF read', 'MTRC_CONF write', 'MTRC_CTRL read', 'MTRC_CTRL write']

        and: "ownership requested with trace_owner=1"
        RegisterLog.field(log.sent.find { it.what == 'MTRC_CAP write' }, 0, 31, 31) == 1

        and: "the whole DB in 256-byte then 64-byte reads, start_offset advancing"
        stdb.size() == plan.size()
        stdb.collect { [RegisterLog.field(it, 0, 31, 28), RegisterLog.field(it, 4, 31, 0), RegisterLog.field(it, 0, 23, 0)] } ==
                plan.collect { [(long) it.index(), (long) it.startOffset(), (long) it.readSize()] }
        stdb*.outLen.every { it in [16 + 8 + 256, 16 + 8 + 64] }
        plan.any { it.readSize() == 64 } && plan.any { it.readSize() == 256 }

        and: "memory mode, 64 pages, our mkey; then active + armed"
        def conf = log.sent.find { it.what == 'MTRC_CONF write' }
        def status = dev.tracer.status()
        RegisterLog.field(conf, 0, 3, 0) == 1
        RegisterLog.field(conf, 4, 7, 0) == 6
        RegisterLog.field(conf, 8, 31, 0) == Long.decode(status.mkey)
        def ctrl = log.sent.find { it.what == 'MTRC_CTRL write' }
        RegisterLog.field(ctrl, 0, 15, 0) == 1
        RegisterLog.field(ctrl, 0, 31, 30) == 1
        RegisterLog.field(ctrl, 0, 27, 27) == 1

        and:
        status.tracer_registers && status.trace_to_memory && status.trace_owner
        status.session == 'active, owner'
        status.buffer.startsWith('262144 bytes')
        status.string_dbs.size() == cap.numStringDb()
        emu.umems().size() == 1

        when: "stop: disable, release ownership, destroy the mkey, free the PD, drop the umem"
        log.sent.clear()
        dev.tracer.stop()

        then:
        log.names() == ['MTRC_CTRL read', 'MTRC_CTRL write', 'MTRC_CAP read', 'MTRC_CAP write', 'DESTROY_MKEY', 'DEALLOC_PD']
        RegisterLog.field(log.sent[3], 0, 31, 31) == 0
        emu.umems().isEmpty()
        otherHandleCanOwn()
        dev.tracer.status().session == 'stopped'
    }

    def "messages decode with the exact text of the emulator's strings"() {
        given:
        def dev = attach(emu)
        dev.tracer.start()

        when: "a general core dump is written as traces: 'dump general info GVMI=0x%04x' then 4 lines of words"
        clk.advance(Duration.ofMillis(30))
        dev.reg.CORE_DUMP.write(core_dump_type: 'general', vhca_id: 7)
        List<TraceRecord> msgs = dev.tracer.poll()
        int at = msgs.findIndexOf { it.message == 'dump general info GVMI=0x0007' }

        then:
        at >= 0
        msgs[at].eventId == 0xb0 + 12
        msgs[at + 1].message ==~ /\[000\]: [0-9a-f]{8} [0-9a-f]{8} [0-9a-f]{8} [0-9a-f]{8}/
        msgs[at + 4].message.startsWith('[048]: ')
        msgs.every { it.timestamp > 0 && !it.lost }
        msgs.any { it.message == 'health: poll ok' }
        msgs.findAll { it.message.startsWith('cmd_if: opcode 0x') }.every { it.message ==~ /cmd_if: opcode 0x[0-9a-f]+ (op_mod 0x[0-9a-f]+ completed status 0x[0-9a-f]+|syndrome 0x[0-9a-f]+)/ }

        when: "tail prints the tracepoint line and a summary"
        def out = new StringBuilder()
        dev.reg.CORE_DUMP.write(core_dump_type: 'general', vhca_id: 0x2a)
        def sum = dev.tracer.tail(grep: 'GVMI=0x002a', count: 1, out: out)
        def lines = out.readLines()

        then:
        lines.size() == 2
        lines[0] ==~ /\[0x[0-9a-f]+\] 0 \[0xbc\] dump general info GVMI=0x002a/
        lines[1] == sum.toString()
        sum.shown == 1 && sum.ended == 'count'
        lines[1].startsWith('trace: ') && lines[1].endsWith('; ended: count')
    }

    def "tail: for:, events:, json:, realTs:, a typed closure, and a summary with bad formats"() {
        given:
        def dev = attach(emu)
        def seen = []

        when:
        def sum = dev.tracer.tail(for: 500.ms) { TraceRecord r -> seen << r }

        then: "500 ms at 100 blocks/s; the tracer was started and stopped by the tail"
        sum.blocks == 50
        sum.ended == 'for'
        sum.lostFlagEvents == 0     // bit 63 of a timestamp event is timestamp bit 7, not a lost flag
        sum.lost == 0 && sum.overruns == 0
        seen.size() == sum.messages && sum.shown == sum.messages
        sum.badFormats > 0
        seen.count { it.message.startsWith('BAD_FORMAT: ') } == sum.badFormats
        !dev.tracer.running
        emu.umems().isEmpty()

        when:
        def out = new StringBuilder()
        dev.tracer.tail(for: 200.ms, json: true, events: '0xb0-0xb1', out: out)
        def json = out.readLines().findAll { it.startsWith('{') }.collect { new JsonSlurper().parseText(it) }

        then:
        json.size() > 0
        json.every { it.event_id in [0xb0, 0xb1] && it.msg instanceof String && it.ts instanceof Number }

        when:
        out.setLength(0)
        dev.tracer.tail(count: 3, realTs: true, out: out)

        then: "device_frequency_khz 1 GHz: [hh:mm:ss:nnnnnnnnn]"
        out.readLines().take(3).every { it ==~ /\[\d\d:\d\d:\d\d:\d{9}\] [01] \[0x[0-9a-f]+\] .*/ }
    }

    def "bad options are one line naming the option"() {
        given:
        def dev = attach(emu)

        when:
        dev.tracer.tail(foo: 1)
        then:
        def e = thrown(FwshException)
        e.message.startsWith("unknown tracer option 'foo:'; options: count, dbCheck, events, every, for, grep, json, logPages, out, print, realTs, tracefs, wait")

        when:
        dev.tracer.tail(for: 'soon')
        then:
        def ex658 = thrown(FwshException)
        ex658.message == "for: 'soon' is not a duration; write 5s, 250ms, 2min or 5.s"

        when:
        dev.tracer.start(logPages: 13)
        then:
        def ex365 = thrown(FwshException)
        ex365.message == "logPages: 13 is above this device's log_max_trace_buffer_size 12; use at most 12"
        emu.umems().isEmpty()
    }

    def "ownership held by another handle: a clear message; with wait: it succeeds once the owner stops"() {
        given:
        def first = attach(emu)
        def other = emu.openHandle()
        def otherLog = new RegisterLog(other)
        def second = attach(otherLog)
        first.tracer.start()

        when:
        second.tracer.start()

        then:
        def e = thrown(TracerBusyException)
        e.message == "the firmware tracer of ${emu.info().name()} is owned by someone else (MTRC_CAP trace_owner stayed 0 " +
                "when this session requested it): one function per device owns it, usually the kernel's mlx5_core tracer " +
                "on a PF or another fwsh session; stop that owner, or pass wait: 30.s to keep retrying"
        other.umems().isEmpty()

        when: "waiting too short"
        second.tracer.start(wait: 300.ms)

        then:
        def ex108 = thrown(TracerBusyException)
        ex108.message.contains('is owned by someone else after waiting 300 ms')

        when: "the first owner stops during the third retry"
        int sleeps = 0
        otherLog.clockOverride = new DeviceClock() {
            long nanos() { clk.nanos() }
            long epochNanos() { clk.epochNanos() }
            void sleep(Duration d) { clk.advance(d); if (++sleeps == 3) first.tracer.stop() }
            boolean isVirtual() { true }
        }
        second.tracer.start(wait: 5.s)

        then:
        sleeps == 3
        second.tracer.status().trace_owner
        !first.tracer.status().trace_owner
        second.tracer.stop() != null
    }

    def "an overrun (the firmware laps the reader) is counted and reported, never silent"() {
        given: "a 16-block ring (logPages 0)"
        def dev = attach(emu)
        dev.tracer.start(logPages: 0)
        clk.advance(Duration.ofMillis(50))
        dev.tracer.poll()

        when: "one second = 100 blocks without a poll"
        clk.advance(Duration.ofSeconds(1))
        dev.tracer.poll()
        def st = dev.tracer.status()
        def sum = dev.tracer.stop()

        then:
        sum.overruns == 1
        sum.lost == 32
        st.overruns == 1 && st.lost_events == 32
        sum.toString().contains('lost 32 events (1 overrun)')

        when: "the firmware skips ring slots (injected): the reader stalls at the hole like the driver, then counts the lap"
        dev.tracer.start(logPages: 0)
        clk.advance(Duration.ofMillis(50))
        dev.tracer.poll()
        emu.faults().traceOverrun(3)
        def s2 = dev.tracer.tail(for: 1.s, out: new StringBuilder())

        then:
        s2.overruns >= 1
        s2.lost == 32 * s2.overruns
    }

    def "a string DB update reloads the DB; strings added by it decode"() {
        given:
        def dev = attach(emu)
        def seen = []
        dev.tracer.start()
        dev.tracer.tail(for: 200.ms) { seen << it }

        when:
        emu.faults().stringDbUpdate()
        def sum = dev.tracer.tail(for: 5.s) { seen << it }

        then:
        dev.tracer.status().string_db_reloads == 1
        seen.any { it.message ==~ /FW: string DB updated to generation 1 \(\d+\)/ }
        sum.raw == 0

        cleanup:
        dev.tracer.stop()
    }

    def "Ctrl-C (interrupt) ends a tail cleanly: no umem, mkey or ownership left"() {
        given:
        def log = new RegisterLog(emu)
        def dev = attach(log)
        int n = 0

        when:
        def sum = dev.tracer.tail(for: 1.min) { r -> if (++n == 5) Thread.currentThread().interrupt() }

        then:
        sum.ended == 'interrupted'
        !Thread.currentThread().isInterrupted()
        log.names().takeRight(6) == ['MTRC_CTRL read', 'MTRC_CTRL write', 'MTRC_CAP read', 'MTRC_CAP write', 'DESTROY_MKEY', 'DEALLOC_PD']
        emu.umems().isEmpty()
        otherHandleCanOwn()
    }

    def "an exception in the closure still tears down"() {
        given:
        def dev = attach(emu)

        when:
        dev.tracer.tail { r -> throw new IllegalStateException('boom') }

        then:
        thrown(IllegalStateException)
        !dev.tracer.running
        emu.umems().isEmpty()
        otherHandleCanOwn()
    }

    def "device removal: released locally, no RPC after it, the loss reported"() {
        given:
        def log = new RegisterLog(emu)
        def dev = attach(log)
        def out = new StringBuilder()
        int sentAtRemoval = -1
        int n = 0

        when:
        def sum = dev.tracer.tail(for: 1.min, out: out) { r -> if (++n == 3) { sentAtRemoval = log.sent.size(); emu.remove() } }

        then:
        sum.ended.startsWith('device removed (')
        log.sent.size() == sentAtRemoval
        emu.umems().isEmpty()
        !dev.tracer.running
        out.readLines().last() == sum.toString()
        sum.toString() =~ /lost \d+ events/
    }

    def "session close releases the tracer (tracked by the device)"() {
        given:
        def log = new RegisterLog(emu)
        def dev = attach(log)
        dev.tracer.start()
        log.sent.clear()

        when:
        s.close()

        then:
        log.names() == ['MTRC_CTRL read', 'MTRC_CTRL write', 'MTRC_CAP read', 'MTRC_CAP write', 'DESTROY_MKEY', 'DEALLOC_PD']
    }

    def "capture then decode offline gives the live messages; a truncated capture decodes its prefix and names the offset"() {
        given:
        def dev = attach(emu)
        def file = tmp.resolve('fw.trc')
        def live = new StringBuilder()
        def offline = new StringBuilder()

        when:
        def cap = dev.tracer.capture(file, for: 2.s, print: true, out: live)
        def dec = TraceFiles.decode(file, out: offline)
        def liveLines = live.readLines().findAll { it ==~ LINE }
        def offLines = offline.readLines().findAll { it ==~ LINE }

        then:
        liveLines.size() > 100
        offLines == liveLines
        dec.messages == cap.messages && dec.blocks == cap.blocks
        dec.error == null && dec.ended == 'end of file'
        live.readLines().any { it ==~ /capture: \d+ blocks, \d+ overruns written to .*fw\.trc/ }
        TraceFiles.header(file).device().name == emu.info().name()
        TraceFiles.header(file).caps().deviceFrequencyKHz() == 1_000_000

        when: "cut in the middle of a record"
        def cut = tmp.resolve('cut.trc')
        byte[] all = Files.readAllBytes(file)
        Files.write(cut, Arrays.copyOf(all, all.length - 300))
        def part = new StringBuilder()
        def d2 = dev.tracer.decode(cut, out: part)
        def partLines = part.readLines().findAll { it ==~ LINE }

        then:
        d2.error ==~ /.*cut\.trc: at byte offset \d+: truncated record: .*/
        d2.damagedRecords == 1
        !part.toString().contains('error: ')       // the damage line goes to stderr, once
        part.readLines().last() == d2.toString()
        partLines.size() > 0 && partLines.size() < liveLines.size()
        liveLines.take(partLines.size()) == partLines
    }

    def "decode of a missing or foreign file is one line"() {
        when:
        TraceFiles.decode(tmp.resolve('none.trc'))
        then:
        def ex868 = thrown(FwshException)
        ex868.message == "cannot read capture ${tmp.resolve('none.trc')}: no such file"

        when:
        def f = tmp.resolve('text.trc')
        Files.writeString(f, 'hello world, not a capture')
        def out = new StringBuilder()
        def sum = TraceFiles.decode(f, out: out)
        then:
        sum.error.contains('at byte offset 0: bad magic: not a fwsh trace capture')
        sum.damaged() && sum.ended == 'unreadable file'
        out.readLines() == [sum.toString()]            // the error itself went to stderr, once
    }

    def "fwctl: no umem in the mainline kernel; the emulator has no tracefs behind it, a real one is read filtered to the PCI"() {
        given:
        def fw = Emulator.builder('cx6dx').personality(Transport.FWCTL).clock(clk).build()
        def dev = attach(fw)

        when:
        dev.tracer.tail(for: 100.ms)

        then:
        def e = thrown(FwshException)
        e.message == "${fw.info().name()} is reached through fwctl: the mainline kernel has no umem (user memory registration), " +
                "so fwsh cannot give the firmware tracer a buffer; falling back to the kernel's own tracer output " +
                "(the mlx5:mlx5_fw tracepoint in tracefs), but tracefs not available: the emulated device has no kernel " +
                "driver writing the tracepoint; trace the emulator through mlx5ctl (--emulate cx6dx:mlx5ctl)"

        when: "a tracefs with the device's lines and another device's"
        def root = tmp.resolve('tracefs')
        Files.createDirectories(root.resolve('events/mlx5/mlx5_fw'))
        Files.writeString(root.resolve('events/mlx5/mlx5_fw/enable'), '1\n')
        String pci = fw.info().pci()
        Files.writeString(root.resolve('trace'), """# tracer: nop
 kworker/0:1-12 [000] ..... 10.0: mlx5_fw: ${pci} [0x10] 0 [0xb1] cmd_if: opcode 0x100 syndrome 0x0
 kworker/0:1-12 [000] ..... 10.1: mlx5_fw: 0000:99:00.0 [0x11] 0 [0xb1] other device
 kworker/0:1-12 [000] ..... 10.2: mlx5_fw: ${pci} [0x12] 1 [0xb2] PHY_MANAGER: port 1 link state changed from 0 to 1
""")
        def out = new StringBuilder()
        def sum = dev.tracer.tail(for: 100.ms, tracefs: root.toString(), out: out)
        def lines = out.readLines()

        then:
        lines[0].startsWith("note: ${fw.info().name()} is reached through fwctl: the mainline kernel has no umem")
        lines[1] == '[0x10] 0 [0xb1] cmd_if: opcode 0x100 syndrome 0x0'
        lines[2] == '[0x12] 1 [0xb2] PHY_MANAGER: port 1 link state changed from 0 to 1'
        lines.size() == 4
        sum.messages == 2

        cleanup:
        fw.close()
    }

    def "capture with a body captures what the body makes the firmware trace"() {
        given:
        def dev = attach(emu)
        def file = tmp.resolve('body.trc')
        def seen = []

        when:
        dev.tracer.capture(file) {
            clk.advance(Duration.ofMillis(100))
            dev.reg.CORE_DUMP.write(core_dump_type: 'general', vhca_id: 3)
        }
        TraceFiles.decode([out: new StringBuilder()], file) { seen << it.message }

        then:
        seen.contains('dump general info GVMI=0x0003')
        emu.umems().isEmpty()

        when: 'a record closure without options, as tail takes one'
        def again = []
        def summary = TraceFiles.decode(file) { r -> again << r.message }

        then:
        again == seen
        summary.shown() == seen.size()
    }
}
