package fwsh.replay

import fwsh.channel.Transport
import fwsh.emu.Emulator
import org.apache.commons.compress.archivers.tar.TarArchiveEntry
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

import static fwsh.replay.Session.*

/** A support bundle (tar.gz) given where a recording is expected: its recording.jsonl entry is read, nothing unpacked. */
class BundleArchiveSpec extends Specification {
    @TempDir
    Path tmp

    Path recording() {
        def file = tmp.resolve('r.jsonl')
        def rec = RecordingChannel.create(Emulator.create('cx6dx', Transport.FWCTL), file)
        [mgir(), paos()].each { rec.rpc(it.scope, it.input, it.outLen) }
        rec.close()
        file
    }

    /** A tar.gz of NAME → bytes, in that order. */
    Path tarGz(String name, Map<String, byte[]> entries) {
        def f = tmp.resolve(name)
        new TarArchiveOutputStream(new GzipCompressorOutputStream(Files.newOutputStream(f))).withCloseable { tar ->
            entries.each { n, b ->
                def e = new TarArchiveEntry(n)
                e.size = b.length
                tar.putArchiveEntry(e)
                tar.write(b)
                tar.closeArchiveEntry()
            }
        }
        f
    }

    def "recording.jsonl in the bundle's folder is read as the recording, wherever it sits among the files"() {
        given:
        byte[] rec = Files.readAllBytes(recording())

        when:
        def first = Recording.read(tarGz('a.tar.gz', ['b/recording.jsonl': rec, 'b/manifest.json': '{}'.bytes]))
        def last = Recording.read(tarGz('c.tar.gz', ['c/devices/emu0/x.json': '{}'.bytes, 'c/recording.jsonl': rec]))
        def top = Recording.read(tarGz('d.tar.gz', ['recording.jsonl': rec]))

        then:
        [first, last, top].every { it.complete() && it.rpcs().size() == 2 && it.errors().isEmpty() }
        first.file() == tmp.resolve('a.tar.gz')
        ReplayChannel.open(tmp.resolve('a.tar.gz'), ReplayMode.ORDERED).info().transport() == Transport.REPLAY
    }

    def "a recording.jsonl deeper down is not the bundle's"() {
        when:
        Recording.read(tarGz('deep.tar.gz', ['a/b/recording.jsonl': Files.readAllBytes(recording())]))

        then:
        def e = thrown(RecordingFormatException)
        e.message == "${tmp.resolve('deep.tar.gz')}: a tar.gz without recording.jsonl; not a fwsh bundle (fwsh bundle writes one)".toString()
    }

    def "what is not a bundle is one line naming the file: another tar.gz, plain gzip, a cut-off archive"() {
        given:
        def other = tarGz('other.tar.gz', ['x/notes.txt': 'hi'.bytes])
        def plain = tmp.resolve('plain.gz')
        new GzipCompressorOutputStream(Files.newOutputStream(plain)).withCloseable { it.write('not a tar\n'.bytes) }
        def whole = Files.readAllBytes(tarGz('whole.tar.gz', ['w/recording.jsonl': Files.readAllBytes(recording())]))
        def cut = tmp.resolve('cut.tar.gz')
        Files.write(cut, Arrays.copyOf(whole, whole.length.intdiv(2)))

        expect:
        message(other) == "$other: a tar.gz without recording.jsonl; not a fwsh bundle (fwsh bundle writes one)".toString()
        message(plain) == "$plain: a gzip file that is not a tar archive of a fwsh bundle; give a bundle (fwsh bundle) or a recording (--record)".toString()
        message(cut) == "$cut: damaged gzip or tar data (cut off); not a readable fwsh bundle".toString()
    }

    static String message(Path f) {
        try {
            Recording.read(f)
            return 'read'
        } catch (RecordingFormatException e) {
            return e.message
        }
    }
}
