package fwsh.dsl.dump

import fwsh.channel.Channel
import fwsh.channel.DeviceInfo
import fwsh.channel.Mailbox
import fwsh.channel.Scope
import fwsh.channel.Umem
import fwsh.base.FwshException
import fwsh.dsl.Session
import fwsh.dsl.SessionOptions
import fwsh.wire.Bits
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

class ResourceDumpSpec extends Specification {
    @TempDir Path tmp

    Session session() {
        Session.open(new SessionOptions().noHardware().emulate('cx6dx:mlx5ctl').journal(tmp.resolve('journal.jsonl')))
    }

    /** Passes RPCs through, counting RESOURCE_DUMP accesses and letting a hook rewrite the reply. */
    static class Tap implements Channel {
        final Channel inner
        int dumps
        Closure<byte[]> rewrite = null
        Tap(Channel inner) { this.inner = inner }
        DeviceInfo info() { inner.info() }
        byte[] rpc(Scope scope, byte[] input, int outLen) {
            byte[] out = inner.rpc(scope, input, outLen)
            if (Mailbox.opcode(input) == 0x805 && Bits.get(input, 0, 80, 16) == 0xc000) {
                dumps++
                if (rewrite) out = rewrite.call(dumps, out)
            }
            out
        }
        boolean supportsUmem() { inner.supportsUmem() }
        Umem registerUmem(long size) { inner.registerUmem(size) }
        void close() { inner.close() }
    }

    def "the menu lists the CX6Dx segments with their index names and support flags"() {
        given:
        def s = session()

        when:
        def menu = ResourceDump.menu(s.devices()[0])
        def qpc = menu.find { it.name == 'FULL_QPC' }
        def snd = menu.find { it.name == 'SND_BUFF' }

        then:
        menu.size() == 45
        menu[0].toString() == '0x0002 HW_CQPC (QPN)'
        qpc.segmentType == 0x1000
        qpc.supportIndex1 && !qpc.mustHaveIndex1 && qpc.numOfObj1SupportsAll
        snd.index2Name == 'WQEBB'
        snd.numOfObj2SupportsAll
        snd.row() == '0x1001  SND_BUFF         QPN/WQEBB          index1 index2 num1:all/active num2:all'

        cleanup:
        s.close()
    }

    def "the inline menu dump takes several rounds, echoing the continuation, and parses into INFO, COMMAND, MENU, TERMINATE"() {
        given:
        def s = session()
        def tap = new Tap(s.devices()[0].rawChannel())
        def seen = []
        tap.rewrite = { n, out -> seen << [Bits.get(out, 16, 12, 4), Bits.get(out, 16, 0, 1)]; out }
        def dev = s.attach(tap)

        when:
        def d = ResourceDump.menuDump(dev, [:])

        then:
        d.bytes == 2388                        // 44 + 45 x 52 + 4, as on a real CX6Dx
        d.rounds == 12                         // 208 bytes per inline access
        tap.dumps == 12
        seen*.get(0) == (1..12).collect { it % 16 }
        seen.last()[1] == 0
        d.segments*.kind*.name() == ['INFO', 'COMMAND', 'MENU', 'TERMINATE']
        d.menu.size() == 45
        d.terminated
        d.segments[0].toString() == 'INFO(0xfffe dump_version=1 hw_version=0x212 fw_version=0x162703ea)'

        cleanup:
        s.close()
    }

    def "a segment by name returns its resource segments with payload"() {
        given:
        def s = session()

        when:
        def d = ResourceDump.dump(s.devices()[0], [segment: 'full_qpc', index1: 0x101])

        then:
        d.what == 'FULL_QPC (0x1000) index1=0x101'
        d.resources.size() == 1
        d.resources[0].name == 'FULL_QPC'
        d.resources[0]['index1'] == 0x101
        d.resources[0].payload.length == 64
        d.resources[0].dword(0) == 0x101        // the emulated context starts with its own number
        d.segments[1]['segment_called'] == 0x1000
        d.showText().contains('00000000  00 00 01 01')

        cleanup:
        s.close()
    }

    def "without an index a table segment is dumped whole (num_of_obj1 = all)"() {
        given:
        def s = session()

        when:
        def d = ResourceDump.dump(s.devices()[0], [segment: 0x1200])

        then:
        d.resources*.getAt('index1') == (0..7).collect { it as long }
        d.segments[1]['num_of_obj1'] == 0xffff

        cleanup:
        s.close()
    }

    def "mkey mode lets the device DMA the same stream into an MkeyBuffer, then releases it"() {
        given:
        def s = session()
        def dev = s.devices()[0]

        when:
        def inline = ResourceDump.dump(dev, [segment: 'FULL_CQC'])
        def mkey = ResourceDump.dump(dev, [segment: 'FULL_CQC', umem: true])

        then:
        mkey.mode == 'mkey'
        mkey.rounds == 1
        mkey.bytes == inline.bytes
        mkey.resources*.payload == inline.resources*.payload
        s.journal().entries()*.command == ['ALLOC_PD', 'CREATE_MKEY', 'DESTROY_MKEY', 'DEALLOC_PD']
        dev.umems.isEmpty()

        when: 'a small buffer takes several rounds'
        def small = ResourceDump.dump(dev, [segment: 0xffff, umem: true, size: 4096])
        def b = MkeyBuffer.allocate(dev, 4096)
        def reused = ResourceDump.dump(dev, [segment: 'FULL_EQC', buffer: b])

        then:
        small.menu.size() == 45
        reused.resources.size() == 4
        b.open

        cleanup:
        b?.close()
        s.close()
    }

    def "a reply with the wrong seq_num stops the dump with one line"() {
        given:
        def s = session()
        def tap = new Tap(s.devices()[0].rawChannel())
        tap.rewrite = { n, out -> if (n == 3) Bits.set(out, 16, 12, 4, 7); out }
        def dev = s.attach(tap)

        when:
        ResourceDump.menuDump(dev, [:])

        then:
        def e = thrown(ResourceDumpException)
        e.message == 'RESOURCE_DUMP menu (0xffff): the device answered seq_num 7 to seq_num 2 (expected 3) after 416 bytes; the dump lost its place, run it again'
        e.partial.segments*.kind*.name() == ['INFO', 'COMMAND']

        cleanup:
        s.close()
    }

    def "an ERROR segment becomes one line with the device's text, the parsed dump attached"() {
        given:
        def s = session()

        when:
        ResourceDump.dump(s.devices()[0], [segment: 'FULL_QPC', index1: 5])

        then:
        def e = thrown(ResourceDumpException)
        e.message == 'RESOURCE_DUMP FULL_QPC (0x1000) index1=0x5: device error 0x2: object 5 not found'
        e.partial.errors.size() == 1

        cleanup:
        s.close()
    }

    def "a segment the emulator does not model comes back as a NOTICE"() {
        given:
        def s = session()

        when:
        def d = ResourceDump.dump(s.devices()[0], [segment: 'STE_ALL'])

        then:
        d.resources.isEmpty()
        d.notices[0]['notice'] == 'segment not modelled'

        cleanup:
        s.close()
    }

    def "bad options are one clear line"() {
        given:
        def s = session()

        when:
        ResourceDump.dump(s.devices()[0], opts)

        then:
        def e = thrown(FwshException)
        e.message.startsWith(text)

        cleanup:
        s.close()

        where:
        opts                                         | text
        [:]                                          | 'resource dump needs segment: a menu name or number'
        [segment: 'NO_SUCH']                         | "no segment 'NO_SUCH' in the resource dump menu of emu"
        [segment: 'FULL_QPC', index1: 'five']        | "resource dump: index1 must be a number (e.g. 5 or 0x1000), got 'five'"
        [segment: 'FULL_QPC', index2: 1]             | 'segment FULL_QPC takes no index2'
        [segment: 'RCV_BUFF', num_of_obj2: 'all']    | "segment RCV_BUFF does not support num_of_obj2: 'all'"
        [segment: 'FULL_QPC', num_of_obj1: 0x10000]  | 'resource dump: num_of_obj1 must be 0..0xfff0'
        [segment: 'FULL_QPC', idx: 1]                | "resource dump: unknown option 'idx'"
        [segment: 0x12345]                           | 'resource dump: segment 0x12345 is not a 16-bit segment type'
    }

    def "the parser refuses malformed streams instead of reading past them"() {
        when:
        ResourceDump.parse('test', bytes as byte[], 1, 'inline', [:])

        then:
        def e = thrown(ResourceDumpException)
        e.message == 'RESOURCE_DUMP test: malformed stream: ' + why

        where:
        bytes                                    | why
        [0, 0, 0xff, 0xfb]                       | 'the segment at byte 0 has length 0'
        [0, 4, 0xff, 0xfe, 0, 0, 0, 1]           | 'segment 0xfffe at byte 0 is 16 bytes but only 8 remain'
        [0, 2, 0xff, 0xff, 0, 0, 0, 3]           | 'the menu claims 3 records but its segment holds 0'
        [0, 1]                                   | 'a segment header at byte 0 is cut short'
    }
}
