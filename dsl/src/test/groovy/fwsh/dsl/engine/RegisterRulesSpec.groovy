package fwsh.dsl.engine

import fwsh.base.ArgumentException
import fwsh.base.FwshException
import fwsh.channel.Opcode
import fwsh.channel.Scope
import fwsh.dsl.RecordingChannel
import fwsh.dsl.ScriptRunner
import fwsh.dsl.Session
import fwsh.dsl.SessionOptions
import fwsh.wire.UnknownFieldException
import fwsh.wire.ValueRangeException
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/**
 * What a register access refuses before anything is sent (missing index, read-only field, a value that would be
 * coerced, a raw RPC number that would be masked), what it fills in (PTYS's protocol) and what the journal says.
 */
class RegisterRulesSpec extends Specification {
    @TempDir Path tmp
    Session s
    RecordingChannel rec

    def cleanup() {
        s?.close()
    }

    /** A session on one emulated device whose RPCs are recorded; `dev` is the recorded device. */
    void open(String emulate = 'cx6dx:mlx5ctl', Scope ceiling = Scope.DEBUG_READ_ONLY) {
        s = Session.open(new SessionOptions().noHardware().ceiling(ceiling).journal(tmp.resolve('journal.jsonl')).emulate(emulate))
        rec = new RecordingChannel(s.devices()[0].rawChannel())
        s.binding().setVariable('dev', s.attach(rec))
    }

    Object run(String code) {
        new ScriptRunner(s).run(code, 'rules.groovy', [])
    }

    List<Map> writes() {
        rec.sent.findAll { it.opcode == Opcode.ACCESS_REG && it.opMod == 0 }
    }

    def "a read without its required index is refused before anything is sent, naming the field: #code"() {
        given:
        open()

        when:
        run(code)

        then:
        def e = thrown(ArgumentException)
        e.message == message
        rec.sent.isEmpty()

        where:
        code                                           || message
        "dev.reg.PMTU.read()"                          || "PMTU.read needs local_port: (the index that selects what to read); e.g. dev.reg.PMTU.read(local_port: 1). Nothing was sent"
        "dev.reg.PAOS.read(local_port: null)"          || "PAOS.read needs local_port: (the index that selects what to read); e.g. dev.reg.PAOS.read(local_port: 1). Nothing was sent"
        "dev.reg.PPCNT.prepare(grp: 'ieee_802_3')"     || "PPCNT.read needs local_port: (the index that selects what to read); e.g. dev.reg.PPCNT.read(local_port: 1). Nothing was sent"
        "dev.reg.MCIA.read(page_number: 0, size: 16)"  || "MCIA.read needs module: (the index that selects what to read); e.g. dev.reg.MCIA.read(module: 1). Nothing was sent"
        "dev.reg.PAOS.modify([:]) { admin_status = 'down' }" || "PAOS.read needs local_port: (the index that selects what to read); e.g. dev.reg.PAOS.read(local_port: 1). Nothing was sent"
    }

    def "index fields with a meaningful zero may be left out, and a misspelt field gets did-you-mean before 'missing'"() {
        given:
        open()

        when:
        def t = run("dev.reg.MTMP.read()")                 // sensor_index 0: the ASIC
        def c = run("dev.reg.PPCNT.read(local_port: 1)")   // grp 0: ieee_802_3, swid/pnat/prio_tc 0
        then:
        t.temperature > 0
        c.grp == 'ieee_802_3'

        when:
        run("dev.reg.PMTU.read(local_prot: 1)")
        then:
        def e = thrown(UnknownFieldException)
        e.message.contains("did you mean local_port")
    }

    def "a write without its index is refused too, inside a granted scope"() {
        given:
        open('cx6dx:mlx5ctl', Scope.CONFIGURATION)

        when:
        run("withScope('configuration') { dev.reg.PMTU.write(admin_mtu: 1500) }")

        then:
        def e = thrown(ArgumentException)
        e.message.startsWith('PMTU.write needs local_port:')
        writes().isEmpty()
    }

    def "PTYS without proto_mask asks the port's protocol once and reads that protocol's fields: #profile"() {
        given:
        open(profile)

        when:
        def first = run("dev.reg.PTYS.read(local_port: 1)")
        int probes = rec.sent.size()
        def again = run("dev.reg.PTYS.read(local_port: 1)")

        then:
        first.proto_mask == mask
        first.raw(capability) != 0
        again.proto_mask == mask
        rec.sent.size() == probes + 1        // the protocol is remembered per port
        run("dev.reg.protocol(1)") == protocol

        where:
        profile          || mask  | capability               | protocol
        'cx6dx:mlx5ctl'  || 'eth' | 'eth_proto_capability'   | 'eth'
        'cx7ib:mlx5ctl'  || 'ib'  | 'ib_proto_capability'    | 'ib'
    }

    def "writing a read-only field is refused naming it and the writable fields: #code"() {
        given:
        open('cx6dx:mlx5ctl', Scope.CONFIGURATION)

        when:
        run("withScope('configuration') { $code }")

        then:
        def e = thrown(ArgumentException)
        e.message == message
        writes().isEmpty()

        where:
        code                                                            || message
        "dev.reg.PMTU.modify(local_port: 1) { max_mtu = 5 }"            || "PMTU.max_mtu is read-only; the writable fields are admin_mtu (index: local_port). Nothing was sent"
        "dev.reg.PMTU.write(local_port: 1, oper_mtu: 1500)"             || "PMTU.oper_mtu is read-only; the writable fields are admin_mtu (index: local_port). Nothing was sent"
        "dev.reg.PAOS.modify(local_port: 1) { oper_status = 'down' }"   || "PAOS.oper_status is read-only; the writable fields are admin_status, ase, ee, e (index: swid, local_port). Nothing was sent"
    }

    def "modify writes the whole image but journals only what the closure assigned"() {
        given:
        open('cx6dx:mlx5ctl', Scope.CONFIGURATION)

        when:
        def after = run("withScope('configuration') { dev.reg.PMTU.modify(local_port: 2) { admin_mtu = 4000 } }")
        def entry = s.journal().entries()[-1]

        then:
        after.admin_mtu == 4000
        after.max_mtu == 9978                          // the read-only fields went back as read: no error from the device
        entry.fields == [local_port: 2, admin_mtu: 4000]
        entry.before.admin_mtu == 1522
    }

    def "values that would be coerced are refused naming the field and what it takes: #code"() {
        given:
        open('cx6dx:mlx5ctl', Scope.CONFIGURATION)

        when:
        run("withScope('configuration') { $code }")

        then:
        def e = thrown(ValueRangeException)
        e.message == message
        writes().isEmpty()

        where:
        code                                                             || message
        "dev.reg.PAOS.write(local_port: 1, admin_status: null)"         || "PAOS.admin_status: null is not a value; give a number 0..15 or one of up, down, up_once, disabled_by_system, sleep"
        "dev.reg.PAOS.write(local_port: true, admin_status: 'up')"      || "PAOS.local_port: true is not a number; give a number 0..255 (true/false only for 1-bit fields)"
        "dev.reg.PMTU.write(local_port: 1, admin_mtu: 1500.5)"          || "PMTU.admin_mtu: 1500.5 is not a whole number; give a number 0..65535"
    }

    def "a boolean is a number for a 1-bit field"() {
        given:
        open('cx6dx:mlx5ctl', Scope.CONFIGURATION)

        when:
        run("withScope('configuration') { dev.reg.PAOS.write(local_port: 1, admin_status: 'down', ase: true) }")

        then:
        run("dev.reg.PAOS.read(local_port: 1)").admin_status == 'down'
    }

    def "raw RPC numbers that would be masked, clamped or ignored are refused: #code"() {
        given:
        open()

        when:
        run(code)

        then:
        def e = thrown(ArgumentException)
        e.message == message
        rec.sent.isEmpty()

        where:
        code                                                 || message
        "dev.rpc(opcode: 0x1ffff, outlen: 16)"               || "dev.rpc opcode: 131071 is outside 0..65535 (0..0xffff)"
        "dev.rpc(opcode: -1)"                                || "dev.rpc opcode: -1 is outside 0..65535 (0..0xffff)"
        "dev.rpc(opcode: '0x101')"                           || "dev.rpc opcode: '0x101' is not a whole number; give 0..65535 (0..0xffff)"
        "dev.rpc(opcode: 0x101, op_mod: 0x10000)"            || "dev.rpc op_mod: 65536 is outside 0..65535 (0..0xffff)"
        "dev.rpc(opcode: 0x101, outlen: -5)"                 || "dev.rpc outlen: -5 is outside 16..262144"
        "dev.rpc(opcode: 0x101, outlen: 1L << 40)"           || "dev.rpc outlen: 1099511627776 is outside 16..262144"
        "dev.rpc(opcode: 0x101, inlen: 8)"                   || "dev.rpc inlen: 8 is outside 16..262144"
        "dev.rpc(opcode: 0x101, outlen: 64.5)"               || "dev.rpc outlen: 64.5 (BigDecimal) is not a whole number; give 16..262144"
        "dev.rpc(opcode: 0x101, outLen: 64)"                 || "dev.rpc takes no 'outLen:'; did you mean outlen:? It takes opcode:, op_mod:, outlen:, inlen:, data:"
        "dev.rpc(outlen: 64)"                                || "dev.rpc needs 'opcode:' (e.g. dev.rpc(opcode: 0x101, outlen: 272))"
        "dev.rpc(new byte[16], -1)"                          || "dev.rpc outlen: -1 is outside 16..262144"
        "dev.cmd.QUERY_ADAPTER(outlen: -1)"                  || "dev.cmd.QUERY_ADAPTER outlen: -1 is outside 16..262144"
        "dev.umem(-1)"                                       || "dev.umem size: -1 is not a size; give a positive number of bytes (e.g. dev.umem(2.MiB))"
    }

    def "on fwctl the limit is fwctl's 2 MiB"() {
        given:
        open('cx6dx:fwctl')

        when:
        run("dev.rpc(opcode: 0x101, outlen: 3 << 20)")

        then:
        def e = thrown(ArgumentException)
        e.message == 'dev.rpc outlen: 3145728 is outside 16..2097152'
        rec.sent.isEmpty()
    }

    def "the journal says the scope an RPC was sent at, apart from the fwctl minimum and the session's scope"() {
        when: 'mlx5ctl has no scopes; fwctl does not allow ALLOC_PD at all; a read-only session admits it as diagnostic control'
        open('cx6dx:mlx5ctl')
        def pd = run("dev.cmd.ALLOC_PD()").pd
        run("dev.cmd.DEALLOC_PD(pd: $pd)")
        def alloc = s.journal().entries().find { it.command == 'ALLOC_PD' }

        then:
        alloc.sent_scope == 'none'
        alloc.fwctl_min_scope == 'not allowed'
        alloc.session_scope == 'debug-read-only'
        !alloc.containsKey('scope')

        when: 'on fwctl a register write goes out at its minimum scope'
        s.close()
        open('cx6dx:fwctl', Scope.DEBUG_WRITE)
        run("withScope('debug-write') { dev.reg.PAOS.write(local_port: 1, admin_status: 'up', ase: 1) }")
        def write = s.journal().entries()[-1]

        then:
        write.sent_scope == 'configuration'
        write.fwctl_min_scope == 'configuration'
        write.session_scope == 'debug-write'
        rec.sent.find { it.opMod == 0 }.scope == Scope.CONFIGURATION
    }

    def "journal lines written before sent_scope still read and filter; an unknown filter key is an error"() {
        given:
        open()
        Files.writeString(tmp.resolve('journal.jsonl'),
                '{"time":"2025-01-01T00:00:00Z","user":"u","host":"h","pid":1,"device":{"name":"emu0","pci":"0000:e0:00.0"},' +
                        '"scope":"configuration","command":"ACCESS_REG PAOS write","register":"PAOS","fields":{"local_port":1}}\n')
        run("dev.cmd.ALLOC_PD()")

        expect:
        s.journal().entries().size() == 2
        s.journal().filter(scope: 'configuration')*.register == ['PAOS']
        s.journal().filter(sent_scope: 'none')*.command == ['ALLOC_PD']
        s.journal().filter(name: 'emu0').size() == 1

        when:
        s.journal().filter(regster: 'PAOS')

        then:
        def e = thrown(ArgumentException)
        e.message.startsWith("journal.filter: no entry has a 'regster'; did you mean register? Keys: time, user, host")
    }

    def "every refusal above is a FwshException a script can catch"() {
        given:
        open()

        expect:
        run("try { dev.reg.PMTU.read() } catch (FwshException e) { 'caught: ' + e.class.simpleName }") == 'caught: ArgumentException'
        run("try { dev.rpc(opcode: 0x1ffff) } catch (FwshException e) { 'caught' }") == 'caught'
        run("try { dev.reg.PAOS.write(local_port: 1, admin_status: null) } catch (FwshException e) { 'caught' }") == 'caught'
    }
}
