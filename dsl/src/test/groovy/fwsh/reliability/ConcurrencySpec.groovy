package fwsh.reliability

import fwsh.channel.Transport
import fwsh.dsl.Device
import fwsh.dsl.Session
import fwsh.dsl.SessionOptions
import fwsh.emu.EmuClock
import fwsh.emu.EmulatedDevice
import fwsh.emu.Emulator
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path
import java.util.concurrent.Callable
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

/**
 * Many threads share one device. Each request carries indexes the device echoes in its answer (PPCNT local_port
 * and grp, MTMP sensor_index), so a response delivered to the wrong caller or lost would show.
 */
class ConcurrencySpec extends Specification {
    static final int THREADS = 8
    static final int CALLS = 300

    @TempDir Path tmp
    EmulatedDevice emu = Emulator.builder('cx6dx').personality(Transport.MLX5CTL).clock(EmuClock.virtual()).seed(9).build()
    Session s

    def cleanup() {
        s?.close()
        emu.close()
    }

    def "8 threads x 300 register reads on one device: every answer matches its request, none lost, no deadlock"() {
        given:
        s = Session.open(new SessionOptions().noHardware().journal(tmp.resolve('j.jsonl')))
        Device d = s.attach(emu)
        def pool = Executors.newFixedThreadPool(THREADS)
        def groups = ['ieee_802_3', 'rfc_2863', 'physical_layer']
        def sensors = [0, 64, 65]

        when:
        def futures = (0..<THREADS).collect { t ->
            pool.submit({
                int ok = 0
                List<String> wrong = []
                for (int i = 0; i < CALLS; i++) {
                    int k = (t * 7 + i) % 6
                    if (k < 3) {
                        int port = 1 + (i & 1)
                        def v = d.reg.PPCNT.read(local_port: port, grp: groups[k])
                        if (v.local_port == port && v.name('grp') == groups[k]) ok++
                        else wrong << "PPCNT ${port}/${groups[k]} -> ${v.local_port}/${v.name('grp')}"
                    } else {
                        int sensor = sensors[k - 3]
                        def v = d.reg.MTMP.read(sensor_index: sensor)
                        if (v.sensor_index == sensor) ok++
                        else wrong << "MTMP ${sensor} -> ${v.sensor_index}"
                    }
                }
                [ok: ok, wrong: wrong]
            } as Callable)
        }
        pool.shutdown()
        boolean finished = pool.awaitTermination(120, TimeUnit.SECONDS)
        def results = futures*.get()

        then:
        finished
        results*.wrong.flatten().isEmpty()
        results*.ok.sum() == THREADS * CALLS
        emu.faults().inFlight() == 0
    }
}
