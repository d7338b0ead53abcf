package fwsh.reliability

import fwsh.channel.Transport
import fwsh.dsl.Device
import fwsh.dsl.Session
import fwsh.dsl.SessionOptions
import fwsh.emu.Emulator

import java.nio.file.Files
import java.util.concurrent.atomic.AtomicBoolean
import java.util.concurrent.atomic.LongAdder

/**
 * Throughput of DSL register reads (PAOS, through the catalog codec and the RPC engine) on one emulated device
 * as threads are added. Not a test: a harness that prints a table. Run from dsl/ after test-compile:
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) fwsh.reliability.RpcThroughputHarness [seconds]}
 * (cp.txt from {@code mvn -o -q dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test}).
 */
class RpcThroughputHarness {
    static void main(String[] args) {
        int seconds = args ? args[0] as int : 5
        def journal = Files.createTempFile('fwsh-harness', '.jsonl')
        println "nproc=${Runtime.runtime.availableProcessors()} cpu=${cpuModel()} load=${new File('/proc/loadavg').text.trim()}"
        println 'threads  reads/s  per-thread'
        // The first round only warms the JIT for all paths (its row is marked), so the 1-thread row is not cold.
        [[2, true], [1, false], [2, false], [4, false], [8, false]].each { int threads, boolean warmup ->
            def emu = Emulator.create('cx6dx', Transport.MLX5CTL)
            def s = Session.open(new SessionOptions().noHardware().journal(journal))
            Device d = s.attach(emu) // one ACCESS_REG RPC per read (checked with a counting channel; none is cached)
            d.reg.PAOS.read(local_port: 1) // warm the codec
            def done = new LongAdder()
            def stop = new AtomicBoolean()
            def workers = (0..<threads).collect { t ->
                Thread.start {
                    int port = 1 + (t & 1)
                    while (!stop.get()) {
                        d.reg.PAOS.read(local_port: port)
                        done.increment()
                    }
                }
            }
            Thread.sleep(1000) // warm-up
            long before = done.sum()
            long t0 = System.nanoTime()
            Thread.sleep(seconds * 1000L)
            long n = done.sum() - before
            double rate = n / ((System.nanoTime() - t0) / 1e9)
            stop.set(true)
            workers*.join()
            printf('%7d  %7.0f  %10.0f%s%n', threads, rate, rate / threads, warmup ? '  (warm-up round)' : '')
            s.close()
            emu.close()
        }
        println "load after=${new File('/proc/loadavg').text.trim()}"
    }

    static String cpuModel() {
        new File('/proc/cpuinfo').readLines().find { it.startsWith('model name') }?.split(':', 2)?.getAt(1)?.trim()
    }
}
