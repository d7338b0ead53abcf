package fwsh.scripts

import fwsh.channel.Transport
import fwsh.dsl.Device
import fwsh.dsl.FwshException
import fwsh.dsl.ScriptRunner
import fwsh.dsl.Session
import fwsh.dsl.SessionOptions
import fwsh.dsl.trace.TraceClock
import fwsh.dsl.trace.TraceSummary
import fwsh.emu.EmuClock
import fwsh.emu.EmulatedDevice
import fwsh.emu.Emulator
import fwsh.emu.VirtualClock
import groovy.json.JsonSlurper
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

class TraceScriptsSpec extends Specification {
    static final String LINE = /\[0x[0-9a-f]+\] [01] \[0x[0-9a-f]+\] .*/

    @TempDir Path tmp
    VirtualClock clk = EmuClock.virtual()
    EmulatedDevice emu = Emulator.builder('cx6dx').personality(Transport.MLX5CTL).clock(clk).seed(3).build()
    Session s
    ScriptRunner runner
    StringWriter printed = new StringWriter()
    Device d

    def setup() {
        s = Session.open(new SessionOptions().noHardware().emulate('cx6dx:mlx5ctl').journal(tmp.resolve('journal.jsonl')))
        d = s.attach(emu)
        d.tracer.clock = TraceClock.virtual(clk)
        s.binding().setVariable('dev', d)
        s.binding().setVariable('out', new PrintWriter(printed, true))
        runner = new ScriptRunner(s)
    }

    def cleanup() {
        s.close()
        emu.close()
    }

    Object run(String name, List<String> args) {
        runner.run(getClass().getResource("/fwsh-pack/trace/$name").text, "trace/$name", args)
    }

    List<String> lines() { printed.toString().readLines() }

    def "live: tracepoint lines for --for of virtual time, then the summary"() {
        when:
        TraceSummary sum = run('live.groovy', ['--for', '500ms'])

        then:
        sum.blocks() == 50
        sum.ended() == 'for'
        lines().size() == sum.shown() + 1
        lines().dropRight(1).every { it ==~ LINE }
        lines().last() == sum.toString()
        emu.umems().isEmpty()
    }

    def "live: --grep, --count and --json"() {
        when:
        TraceSummary sum = run('live.groovy', ['--grep', '^health: poll ok$', '--count', '3', '--json'])
        def json = lines().take(3).collect { new JsonSlurper().parseText(it) }

        then:
        sum.shown() == 3 && sum.ended() == 'count'
        json*.msg == ['health: poll ok'] * 3
        json.every { it.event_id == 0xb0 }
        lines().size() == 4
    }

    def "live --out FILE writes the messages there and the summary to the console"() {
        given:
        def f = tmp.resolve('live.txt')

        when:
        TraceSummary sum = run('live.groovy', ['--for', '200ms', '--events', '0xb0-0xb2', '--out', f.toString()])
        def written = Files.readAllLines(f)

        then:
        written.dropRight(1).every { it ==~ /\[0x[0-9a-f]+\] [01] \[0xb[012]\] .*/ }
        written.size() == sum.shown() + 1
        lines() == ["messages written to $f".toString(), sum.toString()]
    }

    def "capture then decode (offline) prints the same messages; a truncated file decodes its prefix and names the offset"() {
        given:
        def f = tmp.resolve('fw.trc')

        when:
        TraceSummary cap = run('capture.groovy', ['--out', f.toString(), '--for', '1s', '--print'])
        def live = lines().findAll { it ==~ LINE }
        printed.buffer.setLength(0)
        TraceSummary dec = run('decode.groovy', [f.toString()])
        def offline = lines().findAll { it ==~ LINE }

        then:
        live.size() > 50
        offline == live
        dec.messages() == cap.messages()
        dec.error() == null
        lines().last() == dec.toString()

        when:
        def cut = tmp.resolve('cut.trc')
        byte[] all = Files.readAllBytes(f)
        Files.write(cut, Arrays.copyOf(all, all.length - 100))
        printed.buffer.setLength(0)
        TraceSummary bad = run('decode.groovy', [cut.toString()])
        def prefix = lines().findAll { it ==~ LINE }

        then:
        bad.error() ==~ /.*cut\.trc: at byte offset \d+: truncated record: .*/
        lines()[-2] == "error: ${bad.error()}".toString()
        prefix == live.take(prefix.size())
        prefix.size() > 0
    }

    def "capture: the file goes to --out, nothing printed but the totals"() {
        given:
        def f = tmp.resolve('quiet.trc')

        when:
        TraceSummary cap = run('capture.groovy', ['--out', f.toString(), '--for', '300ms'])

        then:
        lines().size() == 2
        lines()[0] ==~ /capture: 30 blocks, 0 overruns written to .*quiet\.trc/
        lines()[1] == cap.toString()
        Files.size(f) > 30 * 256
    }

    def "bad arguments are one line with the usage"() {
        when:
        run('live.groovy', ['--bogus'])
        then:
        def e1 = thrown(FwshException)
        e1.message.startsWith("trace/live.groovy: bad argument '--bogus'; usage: trace/live.groovy [--for DURATION]")

        when:
        run('capture.groovy', ['--for', '1s'])
        then:
        def e2 = thrown(FwshException)
        e2.message.startsWith('trace/capture.groovy: --out FILE is needed; usage: ')

        when:
        run('decode.groovy', [])
        then:
        def e3 = thrown(FwshException)
        e3.message.startsWith('trace/decode.groovy: which capture file? usage: ')

        when:
        run('decode.groovy', [tmp.resolve('none.trc').toString()])
        then:
        def e4 = thrown(FwshException)
        e4.message == "cannot read capture ${tmp.resolve('none.trc')}: no such file".toString()
    }

    def "live on an fwctl device says the kernel has no umem; the emulator has no tracefs"() {
        given:
        def fw = Emulator.builder('cx6dx').personality(Transport.FWCTL).clock(clk).build()
        def fd = s.attach(fw)
        fd.tracer.clock = TraceClock.virtual(clk)

        when:
        run('live.groovy', ['--device', fw.info().name(), '--for', '1s'])

        then:
        def e = thrown(FwshException)
        e.message.contains('is reached through fwctl: the mainline kernel has no umem')
        e.message.contains('but tracefs not available: the emulated device has no kernel driver')

        cleanup:
        fw.close()
    }
}
