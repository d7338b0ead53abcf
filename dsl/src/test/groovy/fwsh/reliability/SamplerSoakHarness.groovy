package fwsh.reliability

import fwsh.channel.Transport
import fwsh.dsl.Device
import fwsh.dsl.Session
import fwsh.dsl.SessionOptions
import fwsh.emu.Emulator

import java.lang.management.ManagementFactory
import java.nio.file.Files
import java.time.Duration

/**
 * Sampler soak: dev.counters.sample every 1 ms to a CSV with a bounded in-memory ring for a few minutes on an
 * emulated device (real time), printing the heap used after a full GC every interval; a flat series means no
 * leak per sample. Not a test. Run from dsl/ after test-compile:
 * {@code java -Xmx256m -cp target/test-classes:target/classes:$(cat cp.txt) fwsh.reliability.SamplerSoakHarness [minutes]}
 */
class SamplerSoakHarness {
    static void main(String[] args) {
        double minutes = args ? args[0] as double : 3
        long millis = (long) (minutes * 60_000)
        def csv = Files.createTempFile('fwsh-soak', '.csv')
        def emu = Emulator.create('cx6dx', Transport.MLX5CTL)
        def s = Session.open(new SessionOptions().noHardware().journal(Files.createTempFile('fwsh-soak', '.jsonl')))
        Device d = s.attach(emu)
        println "nproc=${Runtime.runtime.availableProcessors()} cpu=${RpcThroughputHarness.cpuModel()} load=${new File('/proc/loadavg').text.trim()}"
        def series = null
        Throwable failed = null
        def sampler = Thread.start('soak-sampler') {
            try {
                series = d.counters.sample([every: Duration.ofMillis(1), for: Duration.ofMillis(millis), to: csv.toString(), ring: 1000],
                        ['rx_packets_phy', 'rx_bytes_phy', 'tx_packets_phy'])
            } catch (Throwable t) {
                failed = t
            }
        }
        def mem = ManagementFactory.memoryMXBean
        long t0 = System.currentTimeMillis()
        println 'elapsed_s  heap_used_after_gc_kb  csv_lines'
        while (sampler.alive) {
            sampler.join(Math.max(1000, (long) (millis / 12)))
            System.gc()
            long used = mem.heapMemoryUsage.used
            long lines = Files.lines(csv).count()
            printf('%9d  %21d  %9d%n', (System.currentTimeMillis() - t0).intdiv(1000), used.intdiv(1024), lines)
        }
        if (failed) throw failed
        println "samples: taken=${series.stats().taken()} missed=${series.stats().missed()} kept=${series.size()} csv=${Files.lines(csv).count() - 1}"
        println "load after=${new File('/proc/loadavg').text.trim()}"
        s.close()
        emu.close()
        Files.delete(csv)
    }
}
