package fwsh.dsl

import fwsh.channel.Transport
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/** --record and --replay for a whole session: every device into one file, every device served back. */
class SessionRecordingSpec extends Specification {
    @TempDir
    Path tmp

    SessionOptions options() {
        new SessionOptions().noHardware().journal(tmp.resolve('journal.jsonl'))
    }

    def "a two-device session records into one file and replays as the same two devices with the same answers"() {
        given:
        def file = tmp.resolve('session.jsonl')
        def rec = options().emulate('cx6dx:fwctl,cx7:mlx5ctl')
        rec.record = file

        when: "recorded"
        def live = Session.open(rec).withCloseable { recorded ->
            recorded.devices().collect { d -> d.reg.PAOS.read(local_port: 1).toString() + ' ' + d.reg.MGIR.read().toString() }
        }

        then: "one file, nothing beside it"
        tmp.toFile().list().findAll { it.startsWith('session') } == ['session.jsonl']
        Files.readAllLines(file).count { it.startsWith('{"type":"device"') } == 1

        when: "replayed"
        def play = options()
        play.replay = file
        def s = Session.open(play)
        def replayed = s.devices().collect { d -> d.reg.PAOS.read(local_port: 1).toString() + ' ' + d.reg.MGIR.read().toString() }

        then:
        s.devices().size() == 2
        s.devices()*.rawChannel()*.info()*.transport() == [Transport.REPLAY, Transport.REPLAY]
        s.devices()*.rawChannel()*.info()*.personality() == [Transport.FWCTL, Transport.MLX5CTL]
        replayed == live

        cleanup:
        s?.close()
    }

    def "a damaged line of the recording is one warning on stderr when the session opens; the rest replays"() {
        given:
        def file = tmp.resolve('r.jsonl')
        def rec = options().emulate('cx6dx:fwctl')
        rec.record = file
        def live = Session.open(rec).withCloseable { recorded -> [recorded.device(0).reg.PAOS.read(local_port: 1).toString(), recorded.device(0).reg.MGIR.read().toString()] }
        def lines = Files.readAllLines(file)
        def paosLine = lines.findIndexOf { it.contains('"register":"0x5006"') }
        lines[paosLine] = lines[paosLine].replace('"out":"', '"out":"zz')
        Files.write(file, lines)
        def err = new ByteArrayOutputStream()
        def saved = System.err
        def play = options()
        play.replay = file

        when:
        System.setErr(new PrintStream(err, true))
        def s
        try {
            s = Session.open(play)
        } finally {
            System.setErr(saved)
        }

        then:
        err.toString().readLines() == ["replay: $file:${paosLine + 1}: damaged record skipped: bad hex in \"out\": 'z' at hex digit 1 is not a hex digit".toString()]
        s.device(0).reg.MGIR.read().toString() == live[1]

        cleanup:
        s?.close()
    }
}
