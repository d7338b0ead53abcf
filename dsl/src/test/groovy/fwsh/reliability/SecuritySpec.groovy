package fwsh.reliability

import fwsh.channel.Opcode
import fwsh.channel.Scope
import fwsh.channel.Transport
import fwsh.dsl.Device
import fwsh.dsl.ScriptRunner
import fwsh.dsl.Session
import fwsh.dsl.SessionOptions
import fwsh.dsl.dump.ResourceDump
import fwsh.dsl.engine.ScopeRefusedException
import fwsh.emu.EmuClock
import fwsh.emu.EmulatedDevice
import fwsh.emu.Emulator
import groovy.json.JsonSlurper
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/** The safety rules a script cannot get around through the DSL, and what reaches logs and the journal. */
class SecuritySpec extends Specification {
    @TempDir Path tmp
    EmulatedDevice emu = Emulator.builder('cx6dx').personality(Transport.MLX5CTL).clock(EmuClock.virtual()).seed(4).build()
    Session s
    RemoveAfter wire = new RemoveAfter(emu, Integer.MAX_VALUE)

    def cleanup() {
        s?.close()
        emu.close()
    }

    Device open(SessionOptions o) {
        s = Session.open(o.noHardware().journal(tmp.resolve('journal.jsonl')))
        Device d = s.attach(wire)
        s.binding().setVariable('dev', d)
        d
    }

    Object run(String code, List<String> args = []) {
        new ScriptRunner(s).run(code, 'probe.groovy', args)
    }

    List<List<Integer>> stateChanging() {
        wire.log.findAll { (it[0] == Opcode.ACCESS_REG && it[1] == 0) || it[0] in [0x200, 0x202, 0x800, 0x801] }
    }

    def "the default ceiling is read-only and a script cannot raise it"() {
        given:
        open(new SessionOptions())

        when:
        run(code)

        then: 'the session opened with the default options is read-only, and the script could not raise it'
        new SessionOptions().ceiling == Scope.DEBUG_READ_ONLY
        s.scopes().ceiling().scope == Scope.DEBUG_READ_ONLY
        def e = thrown(ScopeRefusedException)
        !e.message.contains('\n')
        stateChanging().isEmpty()

        where:
        code << [
                "dev.reg.PAOS.write(local_port: 1, admin_status: 'down')",
                "withScope('configuration') { dev.reg.PAOS.write(local_port: 1, admin_status: 'down') }",
                "withScope('debug-write-full') { dev.reg.PAOS.write(local_port: 1, admin_status: 'down') }",
                "withScope('debug-write') { withScope('configuration') { dev.reg.PAOS.write(local_port: 1, admin_status: 'down') } }",
        ]
    }

    def "every state-changing RPC that reached the device is in the journal, with before values"() {
        given:
        Device dev = open(new SessionOptions().ceiling(Scope.DEBUG_WRITE_FULL))

        when:
        run("""withScope('configuration') {
                 dev.reg.PAOS.write(local_port: 1, admin_status: 'down')
                 dev.reg.PAOS.write(local_port: 2, admin_status: 'down')
               }""")
        ResourceDump.dump(dev, [segment: 'FULL_CQC', umem: true])
        def journal = s.journal().entries()
        def sent = stateChanging()

        then:
        sent.size() >= 6 // two writes, ALLOC_PD, CREATE_MKEY, DESTROY_MKEY, DEALLOC_PD
        journal.size() == sent.size()
        journal*.opcode == sent.collect { '0x' + Integer.toHexString(it[0]) }
        journal.findAll { it.register == 'PAOS' }.every { it.before != null }
    }

    def "no raw device memory in the journal or the warnings: a dump into umem journals commands, not contents"() {
        given:
        def warnings = []
        Device dev = open(new SessionOptions().ceiling(Scope.DEBUG_WRITE_FULL))
        s.setWarnings({ String l -> warnings << l } as java.util.function.Consumer)

        when:
        def d = ResourceDump.dump(dev, [segment: 'FULL_CQC', umem: true])
        String text = tmp.resolve('journal.jsonl').toFile().text
        // the longest payload the device wrote to host memory, in the hex and base64 forms a log could carry
        byte[] payload = d.resources.max { it.payload.length }.payload
        String hex = payload.encodeHex().toString()
        String b64 = payload.encodeBase64().toString()

        then:
        payload.length >= 64
        !text.contains(hex.substring(0, 64))
        !text.contains(b64.substring(0, 64))
        text.readLines().every { new JsonSlurper().parseText(it) instanceof Map }
        warnings.every { !it.contains(hex.substring(0, 32)) }
    }

    def "script arguments and device strings never become paths or commands: a '../' name is only data"() {
        given:
        open(new SessionOptions().ceiling(Scope.DEBUG_READ_ONLY))
        def before = Files.list(tmp).toList().collect { it.fileName.toString() }.sort()

        when: "a script argument that looks like a path traversal is looked up as a device, a counter and a register"
        def errs = ['../../etc/passwd', '$(touch pwned)', 'x; rm -rf /', '\n{"forged":1}'].collect { evil ->
            [evil, ["dev.counters.snapshot([args[0]])", "session.device(args[0])", "dev.reg[args[0]]"].collect { code ->
                try {
                    run("def session = binding.hasVariable('session') ? session : null; " +
                            (code.startsWith('session') ? "fwsh.dsl.Session.cast(null); throw new fwsh.base.FwshException('skip')" : code), [evil])
                    'no error'
                } catch (RuntimeException e) {
                    e.message
                }
            }]
        }
        def after = Files.list(tmp).toList().collect { it.fileName.toString() }.sort()

        then: "each is refused as an unknown name, with one line, and no file appeared anywhere we can see"
        errs.every { pair -> pair[1].every { msg -> msg != 'no error' } }
        errs.every { pair -> pair[1].every { msg -> msg.count('\n') <= pair[0].count('\n') } }
        after == before
        !Files.exists(Path.of('pwned'))
        stateChanging().isEmpty()
    }
}
