package fwsh.replay

import fwsh.base.FwshVersion
import fwsh.channel.ChannelException
import fwsh.channel.Errno
import fwsh.channel.Scope
import fwsh.channel.Transport
import fwsh.emu.EmuClock
import fwsh.emu.Emulator
import fwsh.text.JsonLines
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

import static fwsh.replay.Session.*

/** Every device of a session in one recording, and every device of it served back. */
class MultiDeviceRecordingSpec extends Specification {
    @TempDir
    Path tmp

    def a = Emulator.create('cx6dx', Transport.FWCTL, EmuClock.virtual(), 1)
    def b = Emulator.create('cx7', Transport.MLX5CTL, EmuClock.virtual(), 2)

    def "two devices go into one file: a device line for the second, its records tagged dev 1, the end line once both closed"() {
        given:
        def file = tmp.resolve('two.jsonl')
        def recA = RecordingChannel.create(a, file)
        def recB = recA.record(b)

        when:
        def outA1 = run(recA, mgir())
        def outB1 = run(recB, mgir())
        def outA2 = run(recA, paos())
        def outB2 = run(recB, ppcnt())
        recA.close()
        def beforeLast = Files.readAllLines(file)
        recB.close()
        def lines = Files.readAllLines(file)
        def json = lines.collect { JsonLines.parseObject(it) }

        then: "the header names device 0 and the fwsh that wrote the file"
        json[0].version == 2L
        json[0].fwsh == FwshVersion.get() && json[0].fwsh != null
        json[0].device.name == a.info().name()

        and: "device 1 is declared before its first record; device 0's records carry no dev field"
        json[1].subMap(['type', 'dev']) == [type: 'device', dev: 1L]
        json[1].device.name == b.info().name() && json[1].supports_umem == true
        json[2..5]*.seq == [1L, 2L, 3L, 4L]
        json[2..5]*.dev == [null, 1L, null, 1L]
        !lines[2].contains('"dev"')
        lines[3].startsWith('{"seq":2,"dev":1,"type":"rpc",')

        and: "the end line is written when the last device closes"
        beforeLast.size() == 6
        json[6].type == 'end' && json[6].records == 4L

        when:
        def r = Recording.read(file)
        def replays = ReplayChannel.openAll(file, ReplayMode.ORDERED)

        then:
        r.devices()*.index() == [0, 1]
        r.devices()*.info()*.name() == [a.info().name(), b.info().name()]
        r.devices()[0].rpcs()*.seq() == [1L, 3L] && r.devices()[1].rpcs()*.seq() == [2L, 4L]
        r.errors().isEmpty() && r.complete()
        replays*.info()*.name() == [a.info().name(), b.info().name()]
        replays*.info()*.personality() == [Transport.FWCTL, Transport.MLX5CTL]
        replays*.deviceIndex() == [0, 1]
        replays[1].supportsUmem() && !replays[0].supportsUmem()

        and: "each device answers its own recorded requests, in its own order"
        same(run(replays[1], mgir()), outB1)
        same(run(replays[0], mgir()), outA1)
        same(run(replays[1], ppcnt()), outB2)
        same(run(replays[0], paos()), outA2)
        replays*.remaining() == [0, 0]
    }

    def "a single-device recording's records are the version 1 lines they always were"() {
        given:
        def file = tmp.resolve('one.jsonl')
        def rec = RecordingChannel.create(a, file)
        run(rec, nop())
        rec.close()
        def lines = Files.readAllLines(file)

        expect:
        lines.size() == 3
        lines[1] ==~ /\{"seq":1,"type":"rpc","time":"[^"]+","t_ns":\d+,"thread":"[^"]+","scope":"debug-read-only","opcode":"0x80d","op":"NOP","op_mod":0,"in":"080d0000000000000000000000000000","out_len":16,"out":"","latency_ns":\d+\}/
        ReplayChannel.openAll(file, ReplayMode.MATCHED).size() == 1
    }

    def "an older fwsh's set (FILE, FILE.1 in version 1) still replays every device"() {
        given: "what --record wrote before: one version 1 file per device"
        def file = tmp.resolve('old.jsonl')
        def outs = [[a, file], [b, tmp.resolve('old.jsonl.1')]].collect { ch, f ->
            def rec = RecordingChannel.create(ch, f)
            def out = run(rec, mgir())
            rec.close()
            Files.writeString(f, Files.readString(f).replace('"version":2', '"version":1'))
            out
        }

        when:
        def replays = ReplayChannel.openAll(file, ReplayMode.MATCHED)

        then:
        replays*.info()*.name() == [a.info().name(), b.info().name()]
        replays.every { it.recording().header().version() == 1 }
        same(run(replays[1], mgir()), outs[1])
        same(run(replays[0], mgir()), outs[0])
    }

    def "a device added after every recorded device closed is refused: the file already has its end line"() {
        given:
        def rec = RecordingChannel.create(a, tmp.resolve('done.jsonl'))
        rec.close()

        when:
        rec.record(b)

        then:
        def e = thrown(ChannelException)
        e.errno() == Errno.EBADF
        e.message.contains('is finished')
    }

    def "a damaged device line costs that device's records, each skipped with its line; device 0 replays"() {
        given:
        def file = tmp.resolve('dmg.jsonl')
        def recA = RecordingChannel.create(a, file)
        def recB = recA.record(b)
        def outA = run(recA, mgir())
        run(recB, mgir())
        recB.close()
        recA.close()
        def lines = Files.readAllLines(file)
        lines[1] = lines[1].substring(0, 30)
        Files.write(file, lines)

        when:
        def r = Recording.read(file)

        then:
        r.devices().size() == 1
        r.errors().size() == 2
        r.errors()[0].startsWith("$file:2: damaged record skipped: invalid JSON at column ")
        r.errors()[1] == "$file:4: damaged record skipped: record of device 1, which no device line declares".toString()
        same(run(new ReplayChannel(r, ReplayMode.ORDERED), mgir()), outA)
    }
}
