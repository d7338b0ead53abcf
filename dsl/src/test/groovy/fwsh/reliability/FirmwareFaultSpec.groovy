package fwsh.reliability

import fwsh.channel.Opcode
import fwsh.channel.Scope
import fwsh.channel.Transport
import fwsh.dsl.Device
import fwsh.dsl.ScriptRunner
import fwsh.dsl.Session
import fwsh.dsl.SessionOptions
import fwsh.dsl.engine.FirmwareStatusException
import fwsh.dsl.engine.JournalException
import fwsh.emu.EmuClock
import fwsh.emu.EmulatedDevice
import fwsh.emu.Emulator
import fwsh.wire.Catalog
import spock.lang.IgnoreIf
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit

/** Injected firmware errors, RPC latency and journal failures, each seen from the DSL. */
class FirmwareFaultSpec extends Specification {
    static final int PAOS = 0x5006

    @TempDir Path tmp
    EmulatedDevice emu = Emulator.builder('cx6dx').personality(Transport.MLX5CTL).clock(EmuClock.virtual()).seed(3).build()
    Session s

    def cleanup() {
        s?.close()
        emu.close()
    }

    Device open(Scope ceiling = Scope.DEBUG_READ_ONLY, Path journal = tmp.resolve('journal.jsonl')) {
        s = Session.open(new SessionOptions().noHardware().ceiling(ceiling).journal(journal))
        s.attach(emu)
    }

    /** A state-changing write from a script, inside the scope it needs. */
    void write(Device d) {
        s.binding().setVariable('dev', d)
        new ScriptRunner(s).run("withScope('configuration') { dev.reg.PAOS.write(local_port: 1, admin_status: 'down') }", 'w.groovy', [])
    }

    /** ACCESS_REG writes (op_mod 0) passed to the device after the first {@code from} RPCs. */
    static List writesAfter(RemoveAfter rec, int from) {
        rec.log.drop(from).findAll { it[0] == Opcode.ACCESS_REG && it[1] == 0 }
    }

    def "every firmware status in the catalog's table is one line naming the status and the syndrome"() {
        given:
        Device d = open()
        def statuses = Catalog.builtin().statuses().findAll { it.value() != 0 }
        def lines = [:]

        when:
        statuses.each { st ->
            long syndrome = 0x1234_0000L + st.value()
            emu.faults().failRegister(PAOS, 1, st.value(), syndrome)
            try {
                d.reg.PAOS.read(local_port: 1)
                lines[st.name()] = 'NO ERROR'
            } catch (FirmwareStatusException e) {
                assert e.status == st.value() && e.syndrome == syndrome
                lines[st.name()] = e.message
            }
        }
        lines.each { k, v -> println "STATUS $k: $v" }

        then:
        statuses.size() >= 10
        statuses.every { st ->
            String l = lines[st.name()]
            l.contains(st.name()) && l.contains('0x' + Long.toHexString(0x1234_0000L + st.value())) && !l.contains('\n')
        }

        and: "the device answers normally afterwards"
        d.reg.PAOS.read(local_port: 1).admin_status == 1
    }

    def "seconds of RPC latency: another thread's RPC on the same device is not blocked; interrupting the waiter returns"() {
        given:
        Device d = open()
        emu.faults().latency(Opcode.ACCESS_REG, Duration.ofSeconds(60))
        Throwable slowError = null
        def slow = new Thread({
            try {
                d.reg.PAOS.read(local_port: 1)
            } catch (Throwable t) {
                slowError = t
            }
        }, 'slow-reader')

        when:
        slow.start()
        assert emu.faults().awaitInFlight(1, Duration.ofSeconds(10))
        def other = new CountDownLatch(1)
        def fast = new Thread({ d.cap.general.log_max_qp; other.countDown() }, 'fast-query')
        fast.start()
        boolean fastDone = other.await(20, TimeUnit.SECONDS)

        then: "a capability query on the same device completed while the register read waits"
        fastDone
        slow.alive

        when:
        slow.interrupt()
        slow.join(20_000)
        println "INTERRUPT: ${slowError?.class?.name}: ${slowError?.message}"

        then:
        !slow.alive
        slowError != null
        slowError.message =~ /interrupted/
        !slowError.message.contains('\n')
        emu.faults().inFlight() == 0
    }

    @IgnoreIf({ !Files.isWritable(Path.of('/dev/full')) })
    def "journal on a full disk: the write is refused with one line and nothing is sent"() {
        given: "/dev/full fails every write with ENOSPC"
        def full = Path.of('/dev/full')
        def rec = new RemoveAfter(emu, Integer.MAX_VALUE)
        s = Session.open(new SessionOptions().noHardware().ceiling(Scope.CONFIGURATION).journal(full))
        Device d = s.attach(rec)
        d.reg.PAOS.read(local_port: 1)
        int before = rec.sent

        when:
        write(d)

        then:
        def e = thrown(JournalException)
        println "JOURNAL FULL: ${e.message}"
        e.message =~ /nothing was sent/
        !e.message.contains('\n')
        writesAfter(rec, before).isEmpty() // reads for the journal's 'before' values, never the write
        d.reg.PAOS.read(local_port: 1).admin_status == 1
    }

    def "journal path that cannot be written (a directory): refused, nothing sent"() {
        given:
        def dir = Files.createDirectories(tmp.resolve('journal-is-a-dir'))
        def rec = new RemoveAfter(emu, Integer.MAX_VALUE)
        s = Session.open(new SessionOptions().noHardware().ceiling(Scope.CONFIGURATION).journal(dir))
        Device d = s.attach(rec)
        d.reg.PAOS.read(local_port: 1)
        int before = rec.sent

        when:
        write(d)

        then:
        def e = thrown(JournalException)
        println "JOURNAL DIR: ${e.message}"
        !e.message.contains('\n')
        writesAfter(rec, before).isEmpty()
        d.reg.PAOS.read(local_port: 1).admin_status == 1
    }
}
