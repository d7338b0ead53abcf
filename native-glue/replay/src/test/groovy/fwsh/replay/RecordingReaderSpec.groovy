package fwsh.replay

import fwsh.channel.ChannelException
import fwsh.channel.Errno
import fwsh.channel.Scope
import fwsh.channel.Transport
import fwsh.emu.Emulator
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

import static fwsh.replay.Session.*

class RecordingReaderSpec extends Specification {
    @TempDir
    Path tmp

    /** A closed recording of three RPCs; returns the file and the live outputs. */
    List recordThree(String name = 'r.jsonl') {
        def file = tmp.resolve(name)
        def rec = RecordingChannel.create(Emulator.create('cx6dx', Transport.FWCTL), file)
        def outs = [mgir(), paos(), nop()].collect { rec.rpc(it.scope, it.input, it.outLen) }
        rec.close()
        [file, outs]
    }

    List<String> lines(Path f) { Files.readAllLines(f) }

    Path write(String name, String text) {
        def f = tmp.resolve(name)
        Files.writeString(f, text)
        f
    }

    def "a complete recording reads back with every record and no notes"() {
        when:
        def (file, outs) = recordThree()
        def r = Recording.read(file)

        then:
        r.complete()
        r.notes().isEmpty()
        r.rpcs()*.seq() == [1L, 2L, 3L]
        r.rpcs()*.line() == [2, 3, 4]
        (0..2).every { Arrays.equals(r.rpcs()[it].out(), outs[it]) }
        r.rpcs()[0].scope() == Scope.DEBUG_READ_ONLY
        r.rpcs()[0].thread() == Thread.currentThread().name
        r.header().device().transport() == Transport.EMULATED
    }

    def "output trailing zeros are stored compressed and expanded on read"() {
        when:
        def (file, outs) = recordThree()
        def nopLine = lines(file)[3]

        then: 'NOP output is 16 zero bytes: stored as an empty string plus its length'
        nopLine.contains('"out_len":16,"out":"",')
        Recording.read(file).rpcs()[2].out() == new byte[16]
    }

    def "a line cut off mid-write is ignored with a note; earlier records replay"() {
        given: 'a crash: the last record is half written and there is no end line'
        def (file, outs) = recordThree()
        def ls = lines(file)
        def cut = write('cut.jsonl', ls[0..2].join('\n') + '\n' + ls[3].substring(0, ls[3].length() / 2 as int))

        when:
        def r = Recording.read(cut)

        then:
        !r.complete()
        r.rpcs().size() == 2
        r.notes() == ["$cut:4: incomplete last line ignored (the recording was cut off mid-write)".toString(),
                      "$cut: no end line: the recorded session did not close cleanly; 2 records read".toString()]

        and:
        ReplayChannel.open(cut, ReplayMode.ORDERED).rpc(Scope.DEBUG_READ_ONLY, mgir().input, mgir().outLen) == outs[0]
    }

    def "a recording whose writer never closed (no end line) is readable"() {
        given:
        def file = tmp.resolve('open.jsonl')
        def rec = RecordingChannel.create(Emulator.create('cx6dx', Transport.FWCTL), file)
        def out = rec.rpc(Scope.DEBUG_READ_ONLY, nop().input, 16)

        when: 'read while the recording is still open'
        def r = Recording.read(file)

        then:
        !r.complete()
        r.rpcs().size() == 1
        r.rpcs()[0].out() == out
        rec.records() == 1
    }

    def "problems give one line naming the file, the line and what is wrong"() {
        given:
        def (file, outs) = recordThree()
        def ls = lines(file)
        def f = write('bad.jsonl', edit(ls).join('\n') + '\n')

        when:
        Recording.read(f)

        then:
        def e = thrown(RecordingFormatException)
        e.message == "$f:$line: $problem".toString()
        e.line() == line
        !e.message.contains('\n')

        where:
        line | problem                                                                                      | edit
        3    | 'corrupt record: invalid JSON at column 1: expected a JSON object starting with \'{\''        | { l -> l[2] = 'xx' + l[2]; l }
        3    | 'corrupt record: invalid JSON at column 21: line ends in the middle of a value'               | { l -> l[2] = l[2].substring(0, 20); l }
        2    | 'bad hex in "in": \'z\' at hex digit 3 is not a hex digit'                                   | { l -> l[1] = l[1].replaceFirst('"in":"08', '"in":"08z'); l[1] = l[1].replaceFirst('"in":"08z0', '"in":"08z'); l }
        2    | 'bad hex in "out": odd number of hex digits (3)'                                             | { l -> l[1] = l[1].replaceFirst('"out":"[0-9a-f]*"', '"out":"abc"'); l }
        2    | 'opcode field 0x806 disagrees with the input mailbox (0x805)'                                | { l -> l[1] = l[1].replace('"opcode":"0x805"', '"opcode":"0x806"'); l }
        2    | 'field "out_len" is missing'                                                                 | { l -> l[1] = l[1].replaceFirst('"out_len":[0-9]+,', ''); l }
        4    | 'unknown scope \'root\'; use configuration, debug-read-only, debug-write or debug-write-full' | { l -> l[3] = l[3].replace('"scope":"debug-read-only"', '"scope":"root"'); l }
        3    | 'seq 1 does not follow seq 1'                                                                | { l -> l[2] = l[2].replace('"seq":2', '"seq":1'); l }
        4    | 'unknown record type "rpcx"'                                                                 | { l -> l[3] = l[3].replace('"type":"rpc"', '"type":"rpcx"'); l }
        1    | 'bad header: format version 2 is not supported; this fwsh reads version 1; use a newer fwsh'             | { l -> l[0] = l[0].replace('"version":1', '"version":2'); l }
        1    | 'bad header: not a fwsh recording (format "pcap", expected "fwsh-rpc-recording")'            | { l -> l[0] = l[0].replace('"fwsh-rpc-recording"', '"pcap"'); l }
        1    | 'bad header: field "name" is missing'                                                        | { l -> l[0] = l[0].replace('"name":"emu', '"nome":"emu'); l }
        1    | 'bad header: invalid JSON at column 1: expected a JSON object starting with \'{\'; not a readable fwsh recording' | { l -> l[0] = 'hello'; l }
        6    | 'a record after the end line; the file was edited or concatenated'                          | { l -> l + [l[1]] }
    }

    def "an empty, missing or binary file is refused clearly"() {
        when:
        Recording.read(write('empty.jsonl', ''))
        then:
        def e = thrown(RecordingFormatException)
        e.message.endsWith('empty.jsonl: empty file; not a fwsh recording')

        when:
        Recording.read(tmp.resolve('nope.jsonl'))
        then:
        def e2 = thrown(ChannelException)
        e2.errno() == Errno.ENOENT
        e2.message == "cannot read recording file ${tmp.resolve('nope.jsonl')}: no such file or directory".toString()

        when:
        def bin = tmp.resolve('bin.jsonl')
        Files.write(bin, [0xff, 0xfe, 0x00] as byte[])
        Recording.read(bin)
        then:
        def e3 = thrown(RecordingFormatException)
        e3.message == "$bin: not UTF-8 text; not a fwsh recording".toString()
    }

    def "a header cut off mid-write is reported as such"() {
        given:
        def (file, outs) = recordThree()
        def h = lines(file)[0]
        def f = write('h.jsonl', h.substring(0, 40))

        when:
        Recording.read(f)

        then:
        def e = thrown(RecordingFormatException)
        e.message == "$f:1: header line is cut off; not a readable fwsh recording".toString()
    }

    def "hand-written recordings work: scope null, an unknown exception class falls back to the errno"() {
        given:
        def f = write('hand.jsonl', '''\
{"type":"header","format":"fwsh-rpc-recording","version":1,"time":"2025-01-01T00:00:00Z","device":{"name":"fwctl0","transport":"fwctl","personality":"fwctl","pci":"0000:3b:00.0","uid":7,"uctx_caps":"0x4"},"supports_umem":false}
{"seq":10,"type":"rpc","time":"2025-01-01T00:00:01Z","scope":null,"in":"080d0000000000000000000000000000","out_len":16,"out":"00000000000000ab"}
{"seq":11,"type":"rpc","time":"2025-01-01T00:00:02Z","scope":"debug-read-only","in":"010000000000000100000000000000000000","out_len":16,"errno":19,"errno_name":"ENODEV","exception":"SomethingElse","message":"gone"}
''')
        def r = ReplayChannel.open(f, ReplayMode.ORDERED)

        when:
        def out = r.rpc(Scope.DEBUG_READ_ONLY, nop().input, 16)
        r.rpc(Scope.DEBUG_READ_ONLY, fwsh.emu.Mbox.cmd(0x100, 1, 18), 16)

        then:
        out == ([0, 0, 0, 0, 0, 0, 0, 0xab] + [0] * 8) as byte[]
        def e = thrown(fwsh.channel.DeviceGoneException)
        e.message == 'gone'
        r.info().name() == 'fwctl0'
        r.info().uid() == 7
        r.info().transport() == Transport.REPLAY
        r.info().personality() == Transport.FWCTL
        r.notes().size() == 1
    }
}
