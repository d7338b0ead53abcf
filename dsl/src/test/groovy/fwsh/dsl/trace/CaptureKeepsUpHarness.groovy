package fwsh.dsl.trace

import fwsh.channel.Transport
import fwsh.dsl.Session
import fwsh.dsl.SessionOptions
import fwsh.emu.EmulatedDevice
import fwsh.emu.Emulator
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/**
 * Capture-keeps-up check (a harness, not a unit test: surefire only runs it when named). The emulator, on the
 * real clock, produces ~1 M events/s (tracer.blocksPerSecond = 31250 blocks of 32 events); a capture runs for a
 * few seconds and must lose nothing (no overrun, no lost-flag event). Prints the figures.
 * <pre>
 *   cd dsl && mvn -o -q test -Dtest=CaptureKeepsUpHarness -Dfwsh.harness.seconds=3 -Dfwsh.harness.logPages=8 -Dfwsh.harness.everyMs=10
 * </pre>
 */
class CaptureKeepsUpHarness extends Specification {
    @TempDir Path tmp

    def "a capture keeps up with ~1 M events/s"() {
        given:
        int seconds = Integer.getInteger('fwsh.harness.seconds', 3)
        int logPages = Integer.getInteger('fwsh.harness.logPages', 8)
        int everyMs = Integer.getInteger('fwsh.harness.everyMs', 10)
        double blocksPerSecond = 1_000_000 / 32
        EmulatedDevice emu = Emulator.builder('cx6dx').personality(Transport.MLX5CTL)
                .set('tracer.blocksPerSecond', String.valueOf(blocksPerSecond)).build()
        def s = Session.open(new SessionOptions().noHardware().emulate('cx6dx:mlx5ctl').journal(tmp.resolve('j.jsonl')))
        def dev = s.attach(emu)
        def file = tmp.resolve('fast.trc')
        def out = new StringBuilder()

        when:
        long t0 = System.nanoTime()
        TraceSummary sum = dev.tracer.capture(file, for: "${seconds}s", logPages: logPages, every: "${everyMs}ms", out: out)
        double wall = (System.nanoTime() - t0) / 1e9
        long bytes = Files.size(file)
        def dec = TraceFiles.decode(file, new fwsh.trace.TraceSink() { void onMessage(fwsh.trace.TraceMessage m) {} })
        System.out.printf('capture-keeps-up: %d cpus, %s; %d s at %.0f blocks/s (%.2f M events/s) into a %d KB ring polled every %d ms%n',
                Runtime.runtime.availableProcessors(), cpuModel(), seconds, blocksPerSecond, blocksPerSecond * 32 / 1e6,
                (4 << logPages), everyMs)
        System.out.printf('  captured %d blocks = %d events (%.2f M events/s over the capture; %.2f s wall with bring-up and teardown), %d messages, file %.1f MB; lost %d, overruns %d, lost-flag events %d%n',
                sum.blocks(), sum.events(), sum.events() / seconds / 1e6, wall, sum.messages(), bytes / 1e6, sum.lost(), sum.overruns(), sum.lostFlagEvents())
        System.out.printf('  offline decode: %d blocks, %d messages, error %s%n', dec.blocks(), dec.messages(), dec.error())

        then:
        sum.overruns() == 0
        sum.lost() == 0
        sum.lostFlagEvents() == 0
        sum.events() >= seconds * blocksPerSecond * 32 * 0.9
        dec.blocks() == sum.blocks()

        cleanup:
        s?.close()
        emu?.close()
    }

    static String cpuModel() {
        def f = new File('/proc/cpuinfo')
        if (!f.exists()) return 'unknown CPU'
        def line = f.readLines().find { it.startsWith('model name') }
        line ? line.split(':', 2)[1].trim() : 'unknown CPU'
    }
}
