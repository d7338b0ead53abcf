package fwsh.emu

import fwsh.channel.Scope
import fwsh.channel.Transport
import spock.lang.Specification
import spock.lang.Timeout

import java.time.Duration
import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

import static fwsh.emu.Mbox.*

class ConcurrencySpec extends Specification {

    @Timeout(60)
    def "many threads x many RPCs: every reply answers its own request, none lost, no deadlock"() {
        given:
        def clock = EmuClock.virtual()
        def dev = Emulator.create('cx6dx', Transport.FWCTL, clock, 77)
        int threads = 8
        int perThread = 400
        def pool = Executors.newFixedThreadPool(threads + 1)
        def go = new CountDownLatch(1)

        when: "each thread mixes commands whose replies identify the request"
        def futures = (0..<threads).collect { t ->
            pool.submit({
                go.await()
                int bad = 0
                def handle = t % 2 == 0 ? dev : dev.openHandle()
                for (int i = 0; i < perThread; i++) {
                    switch (i % 5) {
                        case 0:   // PPCNT echoes local_port and grp; per-prio group follows prio_tc
                            int port = 1 + (i + t) % 2
                            int grp = [0x00, 0x01, 0x02, 0x12][i % 4]
                            def o = read(handle, 0x5008, 0x100, [[0, 23, 16]: (long) port, [0, 5, 0]: (long) grp])
                            if (status(o) != 0 || rget(o, 0, 23, 16) != port || rget(o, 0, 5, 0) != grp) bad++
                            break
                        case 1:   // MTMP echoes the sensor and names it
                            int sensor = [0, 64, 65][(i + t) % 3]
                            def o = read(handle, 0x900a, 0x20, [[0, 11, 0]: (long) sensor])
                            def want = sensor == 0 ? 'ASIC' : 'MODULE' + (sensor - 64)
                            if (status(o) != 0 || rget(o, 0, 11, 0) != sensor || ascii(o, DATA + 0x18, 8) != want) bad++
                            break
                        case 2:   // QUERY_HCA_CAP general vs debug differ at known offsets
                            boolean dbg = (i + t) % 2 == 0
                            def o = handle.rpc(Scope.CONFIGURATION, cmd(0x100, dbg ? 0x1b : 0x01), 16 + 4096)
                            if (dbg ? get(o, 0x10, 7, 0) != 14 : get(o, 0x20, 4, 0) != 17) bad++
                            break
                        case 3:   // MCIA echoes the address and returns the right byte
                            int addr = 148 + (i % 10)
                            def o = read(handle, 0x9014, 0x84, [[4, 31, 24]: 0x50L, [4, 15, 0]: (long) addr, [8, 15, 0]: 1L])
                            if (rget(o, 4, 15, 0) != addr || o[DATA + 0x10] != (byte) 'NVIDIA      '.charAt(addr - 148)) bad++
                            break
                        default:  // an unmodelled cap type stays BAD_PARAM under load
                            if (status(handle.rpc(Scope.CONFIGURATION, cmd(0x100, 0x03), 16 + 4096)) != FwStatus.BAD_PARAM) bad++
                    }
                }
                bad
            } as Callable<Integer>)
        }
        def ticker = pool.submit({ go.await(); 200.times { clock.advance(Duration.ofMillis(1)) } } as Callable)
        go.countDown()
        def bads = futures.collect { it.get(50, TimeUnit.SECONDS) }
        ticker.get(50, TimeUnit.SECONDS)

        then:
        bads.sum() == 0
        dev.faults().inFlight() == 0

        cleanup:
        pool.shutdownNow()
    }

    @Timeout(30)
    def "a slow RPC on one thread does not block others (no global lock)"() {
        given:
        def dev = Emulator.create('cx6dx', Transport.MLX5CTL, EmuClock.virtual(), 1)
        dev.faults().latency(0x10a, Duration.ofSeconds(20))
        def pool = Executors.newFixedThreadPool(2)

        when:
        def slow = pool.submit({ dev.rpc(null, cmd(0x10a), 0x70) } as Callable)
        assert dev.faults().awaitInFlight(1, Duration.ofSeconds(5))
        long t0 = System.nanoTime()
        100.times { assert status(read(dev, 0x5008, 0x100, [[0, 23, 16]: 1L])) == 0 }
        long elapsed = System.nanoTime() - t0

        then:
        elapsed < 10_000_000_000L
        !slow.isDone()

        cleanup:
        dev.remove()
        pool.shutdownNow()
    }

    @Timeout(60)
    def "concurrent PPCNT clears and reads on one port stay consistent (no torn baselines)"() {
        given:
        def clock = EmuClock.virtual()
        def dev = Emulator.create('cx6dx', Transport.MLX5CTL, clock, 3)
        def pool = Executors.newFixedThreadPool(4)

        when:
        def fs = (0..<4).collect { t ->
            pool.submit({
                int negative = 0
                300.times { i ->
                    if (t == 0) clock.advance(Duration.ofMillis(1))
                    def o = read(dev, 0x5008, 0x100, [[0, 23, 16]: 1L, [4, 31, 31]: (i % 7 == 0) ? 1L : 0L])
                    if (ru64(o, 0x08) < 0 || ru64(o, 0x08 + 0x20) < ru64(o, 0x08) * 64) negative++
                }
                negative
            } as Callable<Integer>)
        }

        then:
        fs.sum { it.get(50, TimeUnit.SECONDS) } == 0

        cleanup:
        pool.shutdownNow()
    }
}
