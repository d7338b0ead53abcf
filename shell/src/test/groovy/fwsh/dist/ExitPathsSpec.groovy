package fwsh.dist

import fwsh.dsl.trace.TraceFiles
import groovy.json.JsonSlurper
import spock.lang.Requires
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/**
 * The ways a tracer session ends outside the script's hands, on the real command: the built distribution runs as a
 * child process on the emulated device with a recording, a journal and a firmware-trace capture going, and is ended
 * by SIGTERM, SIGHUP, System.exit from script code (in a capture's body, and inside a tail's closure) or a capture
 * file that outgrows the process's file-size limit. Each time the recording shows the tracer disabled, its
 * ownership released, the mkey destroyed, the PD freed and the umem unregistered, and ends with its end line; the
 * journal shows the same state changes undone; what was captured stays readable.
 *
 * <p>Runs after {@code package} (the shell's distribution-specs execution sets {@code fwsh.dist}).
 */
@Requires(value = { System.getProperty('fwsh.dist') }, reason = 'runs on the built distribution, after package')
class ExitPathsSpec extends Specification {
    static final long DEADLINE_MS = 90_000
    static final List<String> RELEASE = ['MTRC_CTRL disable', 'MTRC_CAP release', 'DESTROY_MKEY', 'DEALLOC_PD', 'umem_unregister']
    static final List<String> JOURNALED = ['ACCESS_REG MTRC_CTRL write', 'ACCESS_REG MTRC_CAP write', 'DESTROY_MKEY', 'DEALLOC_PD']

    @Shared
    Path fwsh = Path.of(System.getProperty('fwsh.dist', 'target/fwsh')).resolve('bin/fwsh').toAbsolutePath()

    @TempDir
    Path tmp

    def setupSpec() {
        assert Files.isExecutable(fwsh): "no distribution at $fwsh: build it with mvn package"
    }

    /** Starts fwsh on the emulator, recording and journaling into the temp folder; {@code shell} runs before it (ulimit). */
    Process start(String code, String shell = null) {
        List<String> fw = [fwsh.toString(), '--emulate', '--record', 'rec.jsonl', '--journal', 'journal.jsonl', '-e', code]
        List<String> cmd = shell == null ? fw : ['sh', '-c', shell + '; exec "$0" "$@"'] + fw
        def pb = new ProcessBuilder(cmd).directory(tmp.toFile())
                .redirectOutput(tmp.resolve('out.txt').toFile()).redirectError(tmp.resolve('err.txt').toFile())
        pb.environment().put('HOME', tmp.toString())
        pb.environment().put('XDG_STATE_HOME', tmp.resolve('state').toString())
        pb.start()
    }

    /** Waits until the capture file holds blocks (it grew past its header and string DB). */
    void waitForBlocks(Process p) {
        Path f = tmp.resolve('fw.trc')
        long first = -1
        long end = System.currentTimeMillis() + DEADLINE_MS
        while (System.currentTimeMillis() < end) {
            assert p.alive: "fwsh ended before capturing: ${err()}"
            if (Files.exists(f)) {
                long size = Files.size(f)
                if (first < 0 && size > 0) first = size
                else if (first > 0 && size > first) return
            }
            Thread.sleep(50)
        }
        throw new AssertionError("no trace blocks in $f after ${DEADLINE_MS} ms; stderr: ${err()}")
    }

    int exitOf(Process p) {
        assert p.waitFor(DEADLINE_MS, TimeUnit.MILLISECONDS): "fwsh did not end; stderr: ${err()}"
        p.exitValue()
    }

    String err() {
        Files.exists(tmp.resolve('err.txt')) ? Files.readString(tmp.resolve('err.txt')) : ''
    }

    void signal(Process p, String name) {
        def k = new ProcessBuilder('sh', '-c', 'kill -' + name + ' "$0"', "${p.pid()}").redirectErrorStream(true).start()
        assert k.waitFor(10, TimeUnit.SECONDS) && k.exitValue() == 0
    }

    List<Map> recording() {
        Files.readAllLines(tmp.resolve('rec.jsonl')).collect { new JsonSlurper().parseText(it) as Map }
    }

    /** What the recording says was sent after the tracer was last activated. */
    List<String> releasedAfterStart() {
        def calls = recording()
        int start = calls.findLastIndexOf { it.register == '0x9043' && it.op_mod == 0 && trace(it) == 1 }
        assert start > 0: 'the tracer was never activated'
        calls.drop(start + 1).collect { Map c ->
            if (c.type == 'umem_unregister') return 'umem_unregister'
            if (c.register == '0x9043' && c.op_mod == 0) return trace(c) == 0 ? 'MTRC_CTRL disable' : 'MTRC_CTRL ?'
            if (c.register == '0x9040' && c.op_mod == 0) return owner(c) == 0 ? 'MTRC_CAP release' : 'MTRC_CAP ?'
            c.op in ['DESTROY_MKEY', 'DEALLOC_PD'] ? c.op : null
        }.findAll()
    }

    static int trace(Map c) { (Integer.parseInt(c.in.substring(32, 34), 16) >> 6) & 3 }

    static int owner(Map c) { (Integer.parseInt(c.in.substring(32, 34), 16) >> 7) & 1 }

    /** The journal's state changes after the activation: the tracer stopped, ownership given back, mkey and PD destroyed. */
    List<Map> journaledAfterStart() {
        def entries = Files.readAllLines(tmp.resolve('journal.jsonl')).collect { new JsonSlurper().parseText(it) as Map }
        int start = entries.findLastIndexOf { it.command == 'ACCESS_REG MTRC_CTRL write' && it.fields?.trace_status in ['active', 1] }
        assert start > 0: 'the journal has no tracer activation'
        entries.drop(start + 1)
    }

    /** Everything released, as both the recording and the journal tell it; the recording closed. */
    boolean released() {
        assert releasedAfterStart() == RELEASE
        assert recording().last().type == 'end'
        def undone = journaledAfterStart()
        assert undone*.command == JOURNALED
        assert undone[0].fields.trace_status in ['disabled', 0]
        assert undone[1].fields.trace_owner == 0
        true
    }

    def "SIGTERM during a capture: the shutdown hook releases the tracer, mkey, PD and umem; the capture stays readable"() {
        given:
        def p = start('dev.tracer.capture("fw.trc", 120.s)')
        waitForBlocks(p)

        when:
        signal(p, 'TERM')

        then:
        exitOf(p) == 143
        released()
        TraceFiles.decode(tmp.resolve('fw.trc'), out: new StringBuilder()).with { it.blocks > 0 && it.error == null }
    }

    @Requires(value = { !ExitPathsSpec.hangupIgnored() }, reason = 'SIGHUP is ignored in this process (nohup), so the child ignores it too')
    def "SIGHUP is handled like SIGTERM"() {
        given:
        def p = start('dev.tracer.capture("fw.trc", 120.s)')
        waitForBlocks(p)

        when:
        signal(p, 'HUP')

        then:
        exitOf(p) == 129
        released()
    }

    def "System.exit in a capture's body: the exit status is kept and everything is released"() {
        when:
        def p = start('dev.tracer.capture("fw.trc") { Thread.sleep(1500); System.exit(3) }')

        then:
        exitOf(p) == 3
        released()
        TraceFiles.decode(tmp.resolve('fw.trc'), out: new StringBuilder()).blocks > 0
    }

    def "System.exit inside a tail's closure (while the tracer is being polled): released all the same"() {
        when:
        def p = start('dev.tracer.tail { System.exit(4) }')

        then:
        exitOf(p) == 4
        released()
    }

    def "a capture file over the file-size limit (ulimit -f): one line naming the file and the OS reason, all released, the blocks before it readable"() {
        when:
        def p = start('dev.tracer.capture("fw.trc", 120.s)', 'ulimit -f 64')
        int status = exitOf(p)
        def lines = err().readLines()
        def m = lines[0] =~ /^error: capture: cannot write fw\.trc: File too large; the tracer was stopped; (\d+) blocks before the failure are readable/
        def decoded = TraceFiles.decode(tmp.resolve('fw.trc'), out: new StringBuilder())

        then:
        status == 1
        lines.size() == 1
        m.find()
        released()

        and: "the file was cut back to its last whole record: every block reported is there, and nothing is damaged"
        decoded.blocks == (m.group(1) as long)
        decoded.error == null
        Files.size(tmp.resolve('fw.trc')) <= 64 * 1024
    }

    def "a second Ctrl-C when the script does not stop on the first: exit 130 through the shutdown hook, all released"() {
        given: "a script that swallows interrupts"
        def p = start('dev.tracer.start(); println "started"; '
                + 'while (true) { try { while (true) { Thread.sleep(50) } } catch (InterruptedException e) { Thread.interrupted() } }')
        waitForOutput(p, 'started')

        when:
        signal(p, 'INT')
        Thread.sleep(500)
        boolean aliveAfterFirst = p.alive
        signal(p, 'INT')

        then:
        aliveAfterFirst
        exitOf(p) == 130
        released()
    }

    void waitForOutput(Process p, String text) {
        long end = System.currentTimeMillis() + DEADLINE_MS
        while (!(Files.exists(tmp.resolve('out.txt')) && Files.readString(tmp.resolve('out.txt')).contains(text))) {
            assert p.alive: "fwsh ended early: ${err()}"
            assert System.currentTimeMillis() < end: "no '$text' from fwsh; stderr: ${err()}"
            Thread.sleep(50)
        }
    }

    /** True when SIGHUP is ignored in this JVM (bit 0 of SigIgn in /proc/self/status): children would ignore it too. */
    static boolean hangupIgnored() {
        def line = Files.readAllLines(Path.of('/proc/self/status')).find { it.startsWith('SigIgn:') }
        line != null && (Long.parseLong(line.split(/\s+/)[1], 16) & 1L) != 0
    }
}
