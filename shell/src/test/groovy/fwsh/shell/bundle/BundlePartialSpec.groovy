package fwsh.shell.bundle

import fwsh.dsl.Device
import fwsh.dsl.Session
import fwsh.dsl.SessionOptions
import fwsh.emu.EmulatedDevice
import fwsh.replay.RecordingChannel
import groovy.json.JsonSlurper
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path
import java.time.Duration

/**
 * A bundle that cannot be complete is still a valid archive whose manifest says what is missing: a device removed
 * mid-collection, an interrupt, a phase that overruns its bound; and a tracer another session owns is skipped, never
 * taken over.
 */
class BundlePartialSpec extends Specification {
    @TempDir Path dir

    static final Duration SHORT = Duration.ofMillis(100)

    Bundle bundle(String emulate, Duration timeout = Duration.ofSeconds(60)) {
        def o = new SessionOptions(journal: dir.resolve('journal.jsonl')).noHardware()
        o.emulate(emulate)
        new Bundle(o, new BundleSettings(SHORT, SHORT, timeout, []), Progress.silent(), { Throwable t -> t.message })
    }

    /** The emulated device behind a bundle session's device (its channel is wrapped by the recording). */
    static EmulatedDevice emulated(Device d) {
        (d.rawChannel() as RecordingChannel).delegate() as EmulatedDevice
    }

    Map read(Bundle.Result r) {
        def entries = BundleReader.entries(r.file())
        [entries: entries, manifest: new JsonSlurper().parse(entries['manifest.json'])]
    }

    def "a device removed mid-collection: its later phases are missing, the other device is whole, exit 1"() {
        given:
        boolean removed = false
        def b = bundle('cx6dx,cx6dx').onPhase { Device d, String phase ->
            if (phase == 'nv' && !removed) {      // the first device, as its NV phase starts
                removed = true
                emulated(d).remove()
            }
        }

        when:
        def r = b.write(dir.resolve('b.tar.gz'), ['bundle'])
        def m = read(r).manifest
        String gone = m.devices[0], other = m.devices[1]

        then:
        r.status == 1
        !r.complete()
        m.complete == false
        m.missing.find { it.what == "devices/$gone/nv" }.reason.startsWith('device removed: ')
        ['resource_dump', 'journal', 'counters', 'trace'].every { p -> m.missing.find { it.what == "devices/$gone/$p" }.reason.startsWith('device removed') }
        !m.missing.any { it.what.startsWith("devices/$other/") }
        read(r).entries.containsKey("devices/$gone/registers.json".toString())      // what came before is kept
        read(r).entries.containsKey("devices/$other/counters.json".toString())
        read(r).entries.containsKey('recording.jsonl')
    }

    def "an interrupt ends the running phase; the rest are missing, the archive is valid and replays, exit 130"() {
        given:
        Bundle b
        b = bundle('cx6dx').onPhase { Device d, String phase -> if (phase == 'capabilities') b.interrupt() }

        when:
        def r = b.write(dir.resolve('i.tar.gz'), ['bundle'])
        def m = read(r).manifest
        String name = m.devices[0]

        then:
        r.status == 130
        m.interrupted == true
        m.complete == false
        m.missing.find { it.what == "devices/$name/capabilities" }.reason == 'interrupted'
        m.missing.find { it.what == "devices/$name/trace" }.reason == 'interrupted before it started'
        m.files*.name.contains("devices/$name/identity.json".toString())

        when: 'the partial bundle replays what it recorded'
        Session s = Session.open(new SessionOptions(replay: r.file(), journal: dir.resolve('j2.jsonl')))

        then:
        s.devices()[0].reg.PAOS.read(local_port: 1).oper_status == 'up'

        cleanup:
        s?.close()
    }

    def "a phase that overruns its bound is missing with the bound named, and the bundle goes on"() {
        given: 'after identity, every register read of the device takes 2 s; the bound is 300 ms'
        def b = bundle('cx6dx', Duration.ofMillis(300)).onPhase { Device d, String phase ->
            if (phase == 'capabilities') emulated(d).faults().latency(0x805, Duration.ofSeconds(2))
        }

        when:
        long t0 = System.nanoTime()
        def r = b.write(dir.resolve('t.tar.gz'), ['bundle'])
        def m = read(r).manifest
        String name = m.devices[0]

        then:
        r.status == 1
        m.missing.find { it.what == "devices/$name/registers" }.reason == 'timed out after 300ms (a phase\'s bound; --timeout)'
        m.files*.name.contains("devices/$name/identity.json".toString())
        (System.nanoTime() - t0) / 1e9 < 30
    }

    def "a tracer another session owns is skipped with the reason and left to its owner"() {
        given:
        Session owner = null
        def b = bundle('cx6dx').onPhase { Device d, String phase ->
            if (phase == 'trace') {
                owner = Session.open(new SessionOptions(journal: dir.resolve('owner.jsonl')).noHardware())
                owner.attach(emulated(d).openHandle()).tracer.start()
            }
        }

        when:
        def r = b.write(dir.resolve('o.tar.gz'), ['bundle'])
        def m = read(r).manifest
        String name = m.devices[0]

        then:
        r.status == 0
        m.skipped.find { it.what == "devices/$name/trace" }.reason.contains('owns it')
        !m.files*.name.contains("devices/$name/trace.fwtrace".toString())
        owner.devices()[1].tracer.running                        // still the owner's

        cleanup:
        owner?.close()
    }
}
