package fwsh.replay

import fwsh.channel.DeviceGoneException
import fwsh.channel.Errno
import fwsh.channel.Mailbox
import fwsh.channel.Scope
import fwsh.channel.ScopeNotAllowedException
import fwsh.channel.Transport
import fwsh.emu.EmuClock
import fwsh.emu.Emulator
import fwsh.emu.FwStatus
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path
import java.time.Duration

import static fwsh.replay.Session.*

class RecordReplaySpec extends Specification {
    @TempDir
    Path tmp

    def clock = EmuClock.virtual()
    def dev = Emulator.create('cx6dx', Transport.FWCTL, clock, 11)

    /**
     * The reference session: register reads, a capability query, PPCNT twice with time passing in
     * between (different answers to the same request), an injected firmware error, a scope refusal
     * (EBADMSG), then device removal (ENODEV).
     */
    List<Object> recordSession(Path file) {
        def steps = sessionSteps()
        def rec = RecordingChannel.create(dev, file)
        def results = []
        steps.eachWithIndex { s, i ->
            if (s.label == 'FAULT') { dev.faults().failRegister(0x5006, 1, FwStatus.BAD_SYS_STATE); results << null; return }
            if (s.label == 'TICK') { clock.advance(Duration.ofSeconds(1)); results << null; return }
            if (s.label == 'REMOVE') { dev.faults().remove(); results << null; return }
            results << run(rec, s)
        }
        rec.close()
        results
    }

    static List<Session.Step> sessionSteps() {
        [mgir(), hcaCap(), ppcnt(), step('TICK', null, null, 0), ppcnt(), paos(), step('FAULT', null, null, 0), paos(),
         createMkey(), nop(), step('REMOVE', null, null, 0), mgir(), nop()]
    }

    static List<Session.Step> rpcSteps() {
        sessionSteps().findAll { it.input != null }
    }

    def "a recorded session replays byte for byte in ordered and matched mode"() {
        given:
        def file = tmp.resolve('session.jsonl')
        def live = recordSession(file).findAll { it != null }

        expect: 'the live session saw every kind of outcome'
        live.size() == 10
        Mailbox.status((byte[]) live[0]) == 0
        !Arrays.equals((byte[]) live[2], (byte[]) live[3])          // PPCNT counters moved
        Mailbox.status((byte[]) live[5]) == FwStatus.BAD_SYS_STATE  // injected firmware error
        live[6] instanceof ScopeNotAllowedException && live[6].errno() == Errno.EBADMSG
        live[8] instanceof DeviceGoneException && live[9] instanceof DeviceGoneException

        when:
        def replay = ReplayChannel.open(file, mode)
        def replayed = runAll(replay, rpcSteps())

        then:
        replayed.size() == live.size()
        (0..<live.size()).every { same(live[it], replayed[it]) }
        replayed[6] instanceof ScopeNotAllowedException
        replayed[8] instanceof DeviceGoneException && ((DeviceGoneException) replayed[8]).errno() == Errno.ENODEV
        replay.served() == 10
        replay.recording().complete()
        replay.notes().isEmpty()

        where:
        mode << [ReplayMode.ORDERED, ReplayMode.MATCHED]
    }

    def "the replay device is the recorded one with transport replay"() {
        given:
        def file = tmp.resolve('id.jsonl')
        def original = dev.info()
        recordSession(file)

        when:
        def r = ReplayChannel.open(file, ReplayMode.ORDERED)

        then:
        r.info().transport() == Transport.REPLAY
        r.info().personality() == Transport.FWCTL
        r.info().name() == original.name()
        r.info().pci() == original.pci()
        r.info().uid() == original.uid()
        r.info().uctxCaps() == original.uctxCaps()
        r.info().netdevs() == original.netdevs()
        r.info().rdmaDevs() == original.rdmaDevs()
        r.info().profile() == 'cx6dx'
        r.recordedInfo() == original
        !r.supportsUmem()
        r.recording().header().format() == RecordFormat.FORMAT
        r.recording().header().version() == RecordFormat.VERSION
    }

    def "the uid bytes of a request are not compared"() {
        given:
        def file = tmp.resolve('uid.jsonl')
        def rec = RecordingChannel.create(dev, file)
        def live = rec.rpc(Scope.DEBUG_READ_ONLY, mgir().input, mgir().outLen)
        rec.close()
        def asked = mgir().input
        Mailbox.setUid(asked, 0x1234)

        expect:
        ReplayChannel.open(file, mode).rpc(Scope.DEBUG_READ_ONLY, asked, mgir().outLen) == live

        where:
        mode << ReplayMode.values()
    }

    def "ordered mode names the request, what the recording expected and what to do"() {
        given:
        def file = tmp.resolve('ordered.jsonl')
        recordSession(file)
        def r = ReplayChannel.open(file, ReplayMode.ORDERED)
        r.rpc(Scope.DEBUG_READ_ONLY, mgir().input, mgir().outLen)

        when: 'the second request should be QUERY_HCA_CAP'
        r.rpc(Scope.DEBUG_READ_ONLY, paos().input, paos().outLen)

        then:
        def e = thrown(ReplayMismatchException)
        e.errno() == 0
        e.message == 'replay: request #2 ACCESS_REG op_mod 1 register 0x5006 differs from the recording ' +
                '(expected QUERY_HCA_CAP op_mod 1; recorded seq 2 at ordered.jsonl line 3); record a new session or use matched mode'
        r.served() == 1

        when: 'the right request still works after a mismatch'
        r.rpc(Scope.CONFIGURATION, hcaCap().input, hcaCap().outLen)
        def p = ppcnt(2)
        r.rpc(p.scope, p.input, p.outLen)

        then:
        def e2 = thrown(ReplayMismatchException)
        e2.message.startsWith('replay: request #3 ACCESS_REG op_mod 1 register 0x5008 differs from the recording (input byte 0x11 is 0x02, recorded 0x01; 1 byte differs;')
    }

    def "ordered mode names a different register and a different output length"() {
        given:
        def file = tmp.resolve('reg.jsonl')
        def rec = RecordingChannel.create(dev, file)
        rec.rpc(Scope.DEBUG_READ_ONLY, paos().input, paos().outLen)
        rec.close()

        when:
        ReplayChannel.open(file, ReplayMode.ORDERED).rpc(Scope.DEBUG_READ_ONLY, ppcnt().input, ppcnt().outLen)

        then:
        def e = thrown(ReplayMismatchException)
        e.message.contains('request #1 ACCESS_REG op_mod 1 register 0x5008 differs from the recording (expected register 0x5006, expected a 32-byte input, got 272, expected outLen 32, got 272;')

        when:
        ReplayChannel.open(file, ReplayMode.ORDERED).rpc(Scope.DEBUG_READ_ONLY, paos().input, 64)

        then:
        def e2 = thrown(ReplayMismatchException)
        e2.message.contains('(expected outLen 32, got 64;')
    }

    def "ordered mode past the end of the recording says so"() {
        given:
        def file = tmp.resolve('short.jsonl')
        def rec = RecordingChannel.create(dev, file)
        rec.rpc(Scope.DEBUG_READ_ONLY, nop().input, 16)
        rec.close()
        def r = ReplayChannel.open(file, ReplayMode.ORDERED)
        r.rpc(Scope.DEBUG_READ_ONLY, nop().input, 16)

        when:
        r.rpc(Scope.DEBUG_READ_ONLY, nop().input, 16)

        then:
        def e = thrown(ReplayMismatchException)
        e.message == "replay: request #2 NOP op_mod 0 is past the end of the recording $file (1 requests); record a longer session or use matched mode"
        r.remaining() == 0
    }

    def "matched mode serves repeated requests in recorded order and then repeats the last"() {
        given: 'PAOS read three times: an injected firmware error, then two good reads with the port toggled between'
        def file = tmp.resolve('repeat.jsonl')
        def rec = RecordingChannel.create(dev, file)
        dev.faults().failRegister(0x5006, 1, FwStatus.INT_ERR, 0x77)
        def a = rec.rpc(Scope.DEBUG_READ_ONLY, paos().input, paos().outLen)
        def b = rec.rpc(Scope.DEBUG_READ_ONLY, paos().input, paos().outLen)
        def n = rec.rpc(Scope.DEBUG_READ_ONLY, nop().input, 16)
        rec.close()
        def r = ReplayChannel.open(file, ReplayMode.MATCHED)

        expect:
        Mailbox.status(a) == FwStatus.INT_ERR && Mailbox.syndrome(a) == 0x77
        Mailbox.status(b) == 0

        and: 'out of order, and the third PAOS gets the last recorded answer again'
        r.rpc(Scope.DEBUG_READ_ONLY, nop().input, 16) == n
        r.rpc(Scope.DEBUG_READ_ONLY, paos().input, paos().outLen) == a
        r.rpc(Scope.DEBUG_READ_ONLY, paos().input, paos().outLen) == b
        r.rpc(Scope.DEBUG_READ_ONLY, paos().input, paos().outLen) == b
        r.rpc(Scope.DEBUG_READ_ONLY, nop().input, 16) == n
    }

    def "matched mode prefers records sent at the same scope"() {
        given: 'NOP at debug-read-only is answered; at configuration fwctl refuses it'
        def file = tmp.resolve('scope.jsonl')
        def rec = RecordingChannel.create(dev, file)
        def ok = rec.rpc(Scope.DEBUG_READ_ONLY, nop().input, 16)
        try { rec.rpc(Scope.CONFIGURATION, nop().input, 16) } catch (ScopeNotAllowedException ignored) { }
        rec.close()
        def r = ReplayChannel.open(file, ReplayMode.MATCHED)

        when:
        r.rpc(Scope.CONFIGURATION, nop().input, 16)

        then:
        def e = thrown(ScopeNotAllowedException)
        e.errno() == Errno.EBADMSG

        expect:
        r.rpc(Scope.DEBUG_READ_ONLY, nop().input, 16) == ok
        r.rpc(Scope.DEBUG_WRITE, nop().input, 16) == ok     // no record at that scope: the first recorded answer
    }

    def "matched mode names a request the recording does not contain and lists what it has"() {
        given:
        def file = tmp.resolve('missing.jsonl')
        recordSession(file)
        def r = ReplayChannel.open(file, ReplayMode.MATCHED)

        when:
        def other = ppcnt().input
        other[0x1f] = 0x05
        r.rpc(Scope.DEBUG_READ_ONLY, reg(0x5009), 32)

        then:
        def e = thrown(ReplayMismatchException)
        e.errno() == 0
        e.message.startsWith('replay: no recorded answer for ACCESS_REG (0x805) op_mod 1 register 0x5009 (32-byte input, outLen 32)' +
                ' — the recording has 6 requests of this opcode: ACCESS_REG op_mod 1 register 0x9020 ×2, ' +
                'ACCESS_REG op_mod 1 register 0x5008 ×2, ACCESS_REG op_mod 1 register 0x5006 ×2; record a session that includes it')

        when: 'same register, different bytes: the closest record is named'
        r.rpc(Scope.DEBUG_READ_ONLY, other, ppcnt().outLen)

        then:
        def e2 = thrown(ReplayMismatchException)
        e2.message.contains('(closest: seq 3, input byte 0x1f is 0x05, recorded 0x00; 1 byte differs)')

        when: 'an opcode never recorded'
        r.rpc(Scope.DEBUG_READ_ONLY, fwsh.emu.Mbox.cmd(0x10a), 0x70)

        then:
        def e3 = thrown(ReplayMismatchException)
        e3.message == 'replay: no recorded answer for QUERY_ISSI (0x10a) op_mod 0 (16-byte input, outLen 112) — the recording has no requests of this opcode; record a session that includes it'
    }

    static byte[] reg(int id) {
        fwsh.emu.Mbox.reg(id, false, 16)
    }

    def "a closed replay refuses calls with EBADF"() {
        given:
        def file = tmp.resolve('closed.jsonl')
        recordSession(file)
        def r = ReplayChannel.open(file, ReplayMode.MATCHED)
        r.close()
        r.close()

        when:
        r.rpc(Scope.DEBUG_READ_ONLY, nop().input, 16)

        then:
        def e = thrown(fwsh.channel.ChannelException)
        e.errno() == Errno.EBADF
    }
}
