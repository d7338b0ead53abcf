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

    def "a line cut off mid-record is an error naming the line; earlier records replay"() {
        given: 'a crash: the last record is half written and there is no end line'
        def (file, outs) = recordThree()
        def ls = lines(file)
        def cut = write('cut.jsonl', ls[0..2].join('\n') + '\n' + ls[3].substring(0, ls[3].length() / 2 as int))

        when:
        def r = Recording.read(cut)

        then:
        !r.complete()
        r.rpcs().size() == 2
        r.errors() == ["$cut:4: record cut off mid-line (the recording stopped while it was written); skipped".toString()]
        r.notes() == ["$cut: no end line: the recorded session did not close cleanly; 2 records read".toString()]

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

    def "a header that cannot be read refuses the file with one line naming the file, the line and what is wrong"() {
        given:
        def (file, outs) = recordThree()
        def ls = lines(file)
        def f = write('bad.jsonl', edit(ls).join('\n') + '\n')

        when:
        Recording.read(f)

        then:
        def e = thrown(RecordingFormatException)
        e.message == "$f:1: $problem".toString()
        e.line() == 1
        !e.message.contains('\n')

        where:
        problem                                                                                                          | edit
        'bad header: format version 3 is not supported; this fwsh reads versions 1 and 2; use a newer fwsh'              | { l -> l[0] = l[0].replace('"version":2', '"version":3'); l }
        'bad header: not a fwsh recording (format "pcap", expected "fwsh-rpc-recording")'                                | { l -> l[0] = l[0].replace('"fwsh-rpc-recording"', '"pcap"'); l }
        'bad header: field "name" is missing'                                                                            | { l -> l[0] = l[0].replace('"name":"emu', '"nome":"emu'); l }
        'bad header: invalid JSON at column 1: Unrecognized token \'hello\': was expecting (JSON String, Number, Array, Object or token \'null\', \'true\' or \'false\'); not a readable fwsh recording' | { l -> l[0] = 'hello'; l }
        'bad header: invalid JSON at column 1: expected a JSON object starting with \'{\'; not a readable fwsh recording' | { l -> l[0] = '[1]'; l }
    }

    def "a damaged record is skipped with one error naming the file and line; every intact record is kept"() {
        given:
        def (file, outs) = recordThree()
        def ls = lines(file)
        def f = write('bad.jsonl', edit(ls).join('\n') + '\n')

        when:
        def r = Recording.read(f)

        then:
        r.errors() == ["$f:$line: $problem".toString()]
        r.rpcs()*.seq() == [1L, 2L, 3L] - [line - 1L]
        r.rpcs().every { rec -> Arrays.equals(rec.out(), outs[(int) rec.seq() - 1]) }
        r.complete()

        where:
        line | problem                                                                                                           | edit
        3    | 'damaged record skipped: invalid JSON at column 1: Unrecognized token \'xx\': was expecting (JSON String, Number, Array, Object or token \'null\', \'true\' or \'false\')' | { l -> l[2] = 'xx' + l[2]; l }
        3    | 'damaged record skipped: invalid JSON at column 21: Unexpected end-of-input: was expecting closing quote for a string value' | { l -> l[2] = l[2].substring(0, 20); l }
        2    | 'damaged record skipped: bad hex in "in": \'z\' at hex digit 3 is not a hex digit'                                | { l -> l[1] = l[1].replaceFirst('"in":"08', '"in":"08z'); l[1] = l[1].replaceFirst('"in":"08z0', '"in":"08z'); l }
        2    | 'damaged record skipped: bad hex in "out": odd number of hex digits (3)'                                          | { l -> l[1] = l[1].replaceFirst('"out":"[0-9a-f]*"', '"out":"abc"'); l }
        2    | 'damaged record skipped: opcode field 0x806 disagrees with the input mailbox (0x805)'                             | { l -> l[1] = l[1].replace('"opcode":"0x805"', '"opcode":"0x806"'); l }
        2    | 'damaged record skipped: field "out_len" is missing'                                                              | { l -> l[1] = l[1].replaceFirst('"out_len":[0-9]+,', ''); l }
        4    | 'damaged record skipped: unknown scope \'root\'; use configuration, debug-read-only, debug-write or debug-write-full' | { l -> l[3] = l[3].replace('"scope":"debug-read-only"', '"scope":"root"'); l }
        3    | 'damaged record skipped: seq 1 does not follow seq 1'                                                             | { l -> l[2] = l[2].replace('"seq":2', '"seq":1'); l }
        4    | 'damaged record skipped: unknown record type "rpcx"'                                                              | { l -> l[3] = l[3].replace('"type":"rpc"', '"type":"rpcx"'); l }
        3    | 'damaged record skipped: invalid JSON at column 15: Duplicate field \'seq\''                                      | { l -> l[2] = l[2].replaceFirst('"type"', '"seq":9,"type"'); l }
    }

    def "lines after the end line are skipped with one error; the recording before it is whole"() {
        given:
        def (file, outs) = recordThree()
        def ls = lines(file)
        def f = write('appended.jsonl', (ls + [ls[1], ls[2]]).join('\n') + '\n')

        when:
        def r = Recording.read(f)

        then:
        r.errors() == ["$f:6: 2 lines after the end line skipped (the file was edited or concatenated)".toString()]
        r.rpcs()*.seq() == [1L, 2L, 3L]
        r.complete()
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
