package fwsh.counters

import java.nio.file.Path
import java.time.Duration

/** Child JVM for SampleFileCrashSpec: samples a virtual-formula source on real time into args[0] until killed. */
class CrashChild {
    static void main(String[] args) {
        def clock = new ManualTicker()
        def src = new VirtualSource('ppcnt', clock).counter('rx_packets_phy', 1000).counter('rx_bytes_phy', 1_500_000, 64, 'bytes')
        // the source runs on virtual time advanced 1 ms per sample, so line i holds exactly i packets and 1500·i bytes
        Sampler.builder(CounterSelection.of(src)).every(Duration.ofMillis(1)).file(Path.of(args[0])).flushEvery(Duration.ofMillis(20))
                .ring(0).listener({ t, d, v -> clock.advance(1_000_000L) } as SampleListener).run()
    }
}
