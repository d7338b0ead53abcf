package fwsh.replay

import fwsh.channel.Scope
import fwsh.channel.Transport
import fwsh.channel.UmemLimitException
import fwsh.channel.UmemUnsupportedException
import fwsh.emu.Emulator
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

import static fwsh.replay.Session.*

class RecordUmemSpec extends Specification {
    @TempDir
    Path tmp

    def "umem registrations are recorded without content and replayed with the recorded id, address and size"() {
        given:
        def dev = Emulator.create('cx6dx', Transport.MLX5CTL)
        def file = tmp.resolve('umem.jsonl')
        def rec = RecordingChannel.create(dev, file)
        def u = rec.registerUmem(5000)
        u.buffer().put(([0xc3] * 16) as byte[])
        def id = u.id(), addr = u.address(), size = u.size()
        def nopOut = rec.rpc(null, nop().input, 16)
        u.close()
        u.close()
        dev.faults().failUmem(1)
        when:
        rec.registerUmem(4096)
        then:
        thrown(UmemLimitException)

        when:
        rec.close()
        def text = Files.readString(file)
        def recording = Recording.read(file)

        then: 'register, rpc, one unregister, the failure'
        recording.calls()*.getClass()*.simpleName == ['RecordedUmem', 'RecordedRpc', 'RecordedUmem', 'RecordedUmem']
        recording.calls()[2].register() == false && recording.calls()[2].id() == id
        recording.calls()[3].error().exception() == 'UmemLimitException'
        text.contains('"note":"umem content is not recorded"')
        !text.contains('c3c3c3c3')  // what was written into the umem is nowhere in the file

        when:
        def r = ReplayChannel.open(file, mode)
        def ru = r.registerUmem(5000)

        then:
        r.supportsUmem()
        ru.id() == id && ru.address() == addr && ru.size() == size
        ru.buffer().get(0) == 0 as byte
        r.rpc(null, nop().input, 16) == nopOut

        when:
        ru.close()
        r.registerUmem(4096)

        then:
        def e = thrown(UmemLimitException)
        e.message.contains('out of memory')
        !ru.isOpen()

        where:
        mode << ReplayMode.values()
    }

    def "on a device without umem the recorded refusal is replayed; an unrecorded size is named"() {
        given:
        def file = tmp.resolve('nounem.jsonl')
        def rec = RecordingChannel.create(Emulator.create('cx6dx', Transport.FWCTL), file)
        try { rec.registerUmem(4096) } catch (UmemUnsupportedException ignored) { }
        rec.close()

        when:
        def r = ReplayChannel.open(file, ReplayMode.MATCHED)
        r.registerUmem(4096)

        then:
        !r.supportsUmem()
        def e = thrown(UmemUnsupportedException)
        e.message.startsWith('fwctl has no user memory registration')

        when:
        r.registerUmem(8192)

        then:
        def e2 = thrown(UmemUnsupportedException)
        e2.message.startsWith('replay: the recorded device')
    }

    def "ordered mode checks umem registrations in order"() {
        given:
        def file = tmp.resolve('ordered-umem.jsonl')
        def rec = RecordingChannel.create(Emulator.create('cx6dx', Transport.MLX5CTL), file)
        rec.registerUmem(4096)
        rec.rpc(null, nop().input, 16)
        rec.close()
        def r = ReplayChannel.open(file, ReplayMode.ORDERED)

        when:
        r.rpc(null, nop().input, 16)

        then:
        def e = thrown(ReplayMismatchException)
        e.message.startsWith('replay: request #1 NOP op_mod 0 differs from the recording (expected a umem registration of 4096 bytes; recorded seq 1')

        when:
        r.registerUmem(8192)

        then:
        def e2 = thrown(ReplayMismatchException)
        e2.message.startsWith('replay: request #1 umem registration of 8192 bytes differs from the recording (expected a umem registration of 4096 bytes;')

        expect:
        r.registerUmem(4096).size() == 4096
        r.rpc(Scope.CONFIGURATION, nop().input, 16) == new byte[16]
        r.remaining() == 0
    }
}
