package fwsh.dsl

import fwsh.base.FwshException
import fwsh.channel.Opcode
import fwsh.channel.Scope
import fwsh.channel.Transport
import fwsh.dsl.engine.FirmwareStatusException
import fwsh.dsl.engine.JournalException
import fwsh.dsl.engine.ScopeRefusedException
import fwsh.emu.EmulatedDevice
import fwsh.emu.Emulator
import fwsh.wire.UnknownFieldException
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

class DeviceSpec extends Specification {
    @TempDir Path tmp

    Session session(Scope ceiling = Scope.DEBUG_READ_ONLY, Path journal = tmp.resolve('journal.jsonl')) {
        Session.open(new SessionOptions().noHardware().ceiling(ceiling).journal(journal).emulate('cx6dx:fwctl'))
    }

    Object run(Session s, String code) {
        new ScriptRunner(s).run(code, 'spec.groovy', [])
    }

    def "the emulated device is found and reads registers by name"() {
        given:
        def s = session()

        when:
        def paos = run(s, "dev.reg.PAOS.read(local_port: 1)")

        then:
        s.devices().size() == 1
        paos.toString() == 'PAOS(local_port=1 admin_status=up oper_status=up)'
        paos.admin_status == 1
        paos['oper_status'] == 1
        paos.name('admin_status') == 'up'
        paos.showText().contains('admin_status')

        cleanup:
        s.close()
    }

    def "fwctl personality: reads go at debug-read-only, the minimum scope, and the device's policy accepts them"() {
        given:
        def s = session()
        def device = s.devices()[0]
        def rec = new RecordingChannel(device.rawChannel())
        def d = s.attach(rec)

        when:
        d.reg.PAOS.read(local_port: 1)
        d.cap.general.log_max_qp

        then:
        rec.sent*.scope == [Scope.DEBUG_READ_ONLY, Scope.CONFIGURATION]
        rec.sent*.opcode == [Opcode.ACCESS_REG, Opcode.QUERY_HCA_CAP]

        cleanup:
        s.close()
    }

    def "a write outside the ceiling is refused and nothing is sent"() {
        given:
        def s = session()
        def rec = new RecordingChannel(s.devices()[0].rawChannel())
        def d = s.attach(rec)

        when:
        d.reg.PAOS.write(local_port: 1, admin_status: 'down')

        then:
        def e = thrown(ScopeRefusedException)
        e.message == "ACCESS_REG PAOS write needs scope 'configuration' but the scope in force is 'debug-read-only'; " +
                "start fwsh with --scope configuration and wrap it in withScope('configuration') { ... }"
        rec.sent.isEmpty()

        when: "a script tries to raise the scope itself"
        run(s, "withScope('debug-write') { dev.reg.PAOS.write(local_port: 1, admin_status: 'down', ase: 1) }")

        then:
        def e2 = thrown(ScopeRefusedException)
        e2.message.contains("above this session's ceiling 'debug-read-only'")
        rec.sent.isEmpty()
        !s.journal().path.toFile().exists()

        cleanup:
        s.close()
    }

    def "dev.channel keeps the rules: a raw write through it is refused read-only whatever scope the script names"() {
        given:
        def s = session(Scope.CONFIGURATION)
        def rec = new RecordingChannel(s.devices()[0].rawChannel())
        def d = s.attach(rec)
        s.binding().setVariable('d', d)
        // ACCESS_REG PAOS write: opcode 0x805, op_mod 0, register 0x5006, port 1 admin down with ase
        byte[] b = new byte[32]
        b[0] = 8; b[1] = 5; b[10] = 0x50; b[11] = 6; b[17] = 1; b[18] = 2; b[20] = (byte) 0x80
        s.binding().setVariable('paos', b)

        when:
        run(s, "d.channel.rpc(fwsh.channel.Scope.DEBUG_WRITE_FULL, paos, 32)")
        then:
        def e = thrown(ScopeRefusedException)
        e.message.startsWith("ACCESS_REG (raw) needs scope 'configuration'")
        rec.sent.isEmpty()

        when: "inside a granted scope it is sent at the minimum scope and journaled"
        run(s, "withScope('configuration') { d.channel.rpc(fwsh.channel.Scope.DEBUG_WRITE_FULL, paos, 32) }")
        then:
        rec.sent.findAll { it.opMod == 0 }*.scope == [Scope.CONFIGURATION]    // (the other RPC reads MGIR for the journal)
        s.journal().entries()*.command == ['ACCESS_REG (raw)']
        d.reg.PAOS.read(local_port: 1).name('admin_status') == 'down'

        cleanup:
        s.close()
    }

    def "a write inside a granted scope is journaled with its before-value before the device sees it"() {
        given:
        def s = session(Scope.DEBUG_WRITE)
        def rec = new RecordingChannel(s.devices()[0].rawChannel())
        rec.onSend = { r -> s.journal().entries().size() }
        def d = s.attach(rec)
        s.binding().setVariable('d', d)

        when:
        def after = run(s, "withScope('configuration') { d.reg.PAOS.write(local_port: 1, admin_status: 'down', ase: 1) }; d.reg.PAOS.read(local_port: 1)")
        def entries = s.journal().entries()

        then: "the read for the before-value, then the write: the journal line existed when the write was sent"
        rec.sent.find { it.opMod == 0 }.hook == 1
        entries.size() == 1
        entries[0].register == 'PAOS'
        entries[0].sent_scope == 'configuration'
        entries[0].fwctl_min_scope == 'configuration'
        entries[0].session_scope == 'configuration'
        entries[0].fields == [local_port: 1, admin_status: 'down', ase: 1]
        entries[0].before.admin_status == 'up'
        entries[0].device.psid == 'MT_0000000359'
        after.name('admin_status') == 'down'
        after.name('oper_status') == 'down'

        cleanup:
        s.close()
    }

    def "a journal that cannot be written blocks the RPC"() {
        given:
        def blocker = tmp.resolve('not-a-dir')
        blocker.toFile().text = 'file'
        def s = session(Scope.CONFIGURATION, blocker.resolve('journal.jsonl'))
        def rec = new RecordingChannel(s.devices()[0].rawChannel())
        def d = s.attach(rec)
        s.binding().setVariable('d', d)

        when:
        run(s, "withScope('configuration') { d.reg.PAOS.write(local_port: 1, admin_status: 'down', ase: 1) }")

        then:
        def e = thrown(JournalException)
        e.message.startsWith('cannot write the journal')
        e.message.contains('nothing was sent')
        rec.sent.every { it.opMod != 0 }

        cleanup:
        s.close()
    }

    def "modify reads, changes the named fields and writes back"() {
        given:
        def s = session(Scope.CONFIGURATION)

        when:
        def v = run(s, "withScope('configuration') { dev.reg.PMTU.modify(local_port: 1) { admin_mtu = 4000 } }; dev.reg.PMTU.read(local_port: 1)")

        then:
        v.admin_mtu == 4000
        v.oper_mtu == 4000
        s.journal().entries()[0].before.admin_mtu == 1522

        cleanup:
        s.close()
    }

    def "diagnostic session objects (PD, mkey) are allowed read-only on mlx5ctl, journaled, and refused on fwctl"() {
        given:
        def s = Session.open(new SessionOptions().noHardware().journal(tmp.resolve('j')).emulate('cx6dx:mlx5ctl,cx6dx:fwctl'))

        when:
        def pd = run(s, 'devices[0].cmd.ALLOC_PD()')
        then:
        pd.pd > 0
        s.journal().entries()*.command == ['ALLOC_PD']

        when:
        run(s, 'devices[1].cmd.ALLOC_PD()')
        then:
        def e = thrown(ScopeRefusedException)
        e.message.startsWith('ALLOC_PD (opcode 0x800) is not allowed through fwctl at any scope')

        cleanup:
        s.close()
    }

    def "capabilities: current and max from QUERY_HCA_CAP"() {
        given:
        def s = session()

        expect:
        run(s, 'dev.cap.general.log_max_qp') == 17
        run(s, 'dev.cap.general.max.log_max_qp') >= 17
        run(s, 'dev.cap.debug.log_max_samples') > 0

        cleanup:
        s.close()
    }

    def "commands from the catalog: QUERY_ADAPTER's PSID and identity in dev.info"() {
        given:
        def s = session()

        expect:
        run(s, 'dev.cmd.QUERY_ADAPTER().query_adapter_struct.vsd_contd_psid') == 'MT_0000000359'
        run(s, 'dev.info.psid') == 'MT_0000000359'
        run(s, 'dev.info.fw_version') == '22.39.1002'
        run(s, 'dev.info.transport') == 'emulated'

        cleanup:
        s.close()
    }

    def "raw rpc returns the mailbox with its status"() {
        given:
        def s = session()

        when:
        def r = run(s, 'dev.rpc(opcode: 0x10a, outlen: 112)')

        then:
        r.ok
        r.bytes.length == 112

        cleanup:
        s.close()
    }

    def "firmware errors are one line naming command, register, status and syndrome"() {
        given:
        def s = session()
        ((EmulatedDevice) s.devices()[0].rawChannel()).faults().failRegister(0x5006, 1, 0x03, 0xabcdL)

        when:
        run(s, 'dev.reg.PAOS.read(local_port: 1)')

        then:
        def e = thrown(FirmwareStatusException)
        e.message == 'ACCESS_REG PAOS read: firmware status BAD_PARAM_ERR (0x3, bad parameter), syndrome 0xabcd'

        cleanup:
        s.close()
    }

    def "typos get did-you-mean"() {
        given:
        def s = session()

        when:
        run(s, "dev.reg.PAOZ")
        then:
        def e = thrown(UnknownFieldException)
        e.message.contains('PAOS')

        when:
        run(s, "dev.reg.PAOS.read(local_prot: 1)")
        then:
        def e2 = thrown(UnknownFieldException)
        e2.message.contains('local_port')

        cleanup:
        s.close()
    }

    def "umem: refused on fwctl, registered and released on mlx5ctl, closure form always releases"() {
        given:
        def s = Session.open(new SessionOptions().noHardware().journal(tmp.resolve('j')).emulate('cx6dx:fwctl,cx7:mlx5ctl'))

        when:
        run(s, 'devices[0].umem(4.KiB)')
        then:
        def e = thrown(FwshException)
        e.message.contains('has no umem')

        when:
        def u = run(s, 'devices[1].umem(2.MiB)')
        then:
        u.size == 2 * 1024 * 1024
        u.open
        s.devices()[1].umems.size() == 1

        when:
        run(s, 'devices[1].umem(8.KiB) { b -> throw new IllegalStateException("boom") }')
        then:
        thrown(IllegalStateException)
        s.devices()[1].umems.size() == 1

        when:
        s.close()
        then:
        !u.open

        cleanup:
        s.close()
    }

    def "devices are selected by index, name and PCI address"() {
        given:
        def s = Session.open(new SessionOptions().noHardware().journal(tmp.resolve('j')).emulate('cx6dx,cx7:fwctl'))
        def second = s.devices()[1]

        expect:
        s.device(1).is(second)
        s.device(second.name).is(second)
        s.device(second.rawChannel().info().pci()).is(second)

        when:
        s.device('nope')
        then:
        def e = thrown(FwshException)
        e.message.startsWith("no device 'nope'; devices: ")

        cleanup:
        s.close()
    }

    def "units"() {
        given:
        def s = session()

        expect:
        run(s, '4.KiB') == 4096
        run(s, '2.MiB') == 2 * 1024 * 1024
        run(s, '10.ms') == java.time.Duration.ofMillis(10)
        run(s, '100.us') == java.time.Duration.ofNanos(100_000)
        run(s, '5.s') == java.time.Duration.ofSeconds(5)

        cleanup:
        s.close()
    }

    def "device objects are safe to use from several threads"() {
        given:
        def s = session()
        def d = s.devices()[0]

        def pool = java.util.concurrent.Executors.newFixedThreadPool(8)

        when:
        def futures = (1..8).collect { t -> pool.submit({ (1..50).collect { i -> d.reg.PAOS.read(local_port: 1 + (i % 2)).local_port } } as java.util.concurrent.Callable) }
        def results = futures*.get()

        then: "every reply belongs to its own request"
        results.every { it == (1..50).collect { i -> 1 + (i % 2) } }

        cleanup:
        pool?.shutdown()
        s.close()
    }

    def "a read at the same index sends the bytes encoded before; another index or a value that can change is encoded anew"() {
        given:
        def s = session()
        def rec = new RecordingChannel(s.devices()[0].rawChannel())
        def d = s.attach(rec)
        def port = new java.util.concurrent.atomic.AtomicInteger(1)

        when:
        def first = d.reg.PAOS.read(local_port: 1)
        def again = d.reg.PAOS.read(local_port: 1)
        def other = d.reg.PAOS.read(local_port: 2)
        def viaCounter = d.reg.PAOS.read(local_port: port)
        port.set(2)
        def afterChange = d.reg.PAOS.read(local_port: port)

        then: "the repeat reuses the request array, unchanged"
        rec.sent[1].input.is(rec.sent[0].input)
        rec.sent[1].copy == rec.sent[0].copy
        rec.sent.every { Arrays.equals(it.input, it.copy) }

        and: "every reply answers its own index"
        [first, again, other, viaCounter, afterChange]*.local_port == [1, 1, 2, 1, 2]
        !rec.sent[2].input.is(rec.sent[0].input)
        !rec.sent[4].input.is(rec.sent[3].input)

        cleanup:
        s.close()
    }

    def "a prepared read encodes once, reads like read(index), and keeps the firmware's errors"() {
        given:
        def s = session()
        def rec = new RecordingChannel(s.devices()[0].rawChannel())
        def d = s.attach(rec)
        def index = [local_port: 2]

        when:
        def r = d.reg.PAOS.prepare(index)
        index.local_port = 1
        def first = r.read()
        def second = r.read()
        def direct = d.reg.PAOS.read(local_port: 2)

        then: "the index was copied when prepared; every read sends the same request bytes"
        r.index == [local_port: 2]
        [first, second]*.local_port == [2, 2]
        first == direct
        rec.sent[1].input.is(rec.sent[0].input)
        rec.sent[2].copy == rec.sent[0].copy
        d.reg.PAOS.argumentNames('prepare') == d.reg.PAOS.argumentNames('read')

        when:
        r.index.local_port = 3

        then:
        thrown(UnsupportedOperationException)

        when:
        d.reg.PAOS.prepare(local_port: 9).read()

        then:
        def e = thrown(FirmwareStatusException)
        e.message.startsWith('ACCESS_REG PAOS read')
        e.message.contains('BAD_PARAM')

        cleanup:
        s.close()
    }
}
