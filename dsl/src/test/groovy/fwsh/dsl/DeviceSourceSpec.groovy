package fwsh.dsl

import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

/** dev.source and dev.identity(): output that could pass for a real device says where it came from. */
class DeviceSourceSpec extends Specification {
    @TempDir
    Path tmp

    SessionOptions options() {
        new SessionOptions().noHardware().journal(tmp.resolve('journal.jsonl'))
    }

    def "an emulated device says 'emulated PROFILE', in dev.source, dev.info and dev.identity(); a recorded one stays emulated"() {
        given:
        def file = tmp.resolve('s.jsonl')
        def o = options().emulate('cx7')
        o.record = file

        when:
        def (source, info, identity) = Session.open(o).withCloseable { s ->
            def d = s.device(0)
            [d.source, d.info, d.identity()]
        }

        then:
        source.toString() == 'emulated cx7'
        !source.hardware
        info.source == 'emulated'
        identity.source == 'emulated'
        identity.profile == 'cx7'
        identity.name == info.name
        identity.psid == info.psid
    }

    def "a replayed device says 'replay of FILE' and names the recording in its identity"() {
        given:
        def file = tmp.resolve('s.jsonl')
        def rec = options().emulate('cx6dx')
        rec.record = file
        Session.open(rec).withCloseable { it.device(0).reg.MGIR.read() }
        def play = options()
        play.replay = file

        when:
        def (source, identity) = Session.open(play).withCloseable { s -> [s.device(0).source, s.device(0).identity()] }

        then:
        source.toString() == "replay of $file"
        identity.source == 'replay'
        identity.recording == file.toString()
        !identity.containsKey('profile')
    }
}
