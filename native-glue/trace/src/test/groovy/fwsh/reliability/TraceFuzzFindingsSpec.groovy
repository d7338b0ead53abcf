package fwsh.reliability

import fwsh.trace.TraceCaptureReader
import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Path

/** What each trace fuzz finding does now (the inputs are also in the fuzz corpora, replayed by the *FuzzTest classes). */
class TraceFuzzFindingsSpec extends Specification {

    static byte[] corpus(String path) {
        TraceFuzzFindingsSpec.getResourceAsStream('/fwsh/fuzz/' + path).bytes
    }

    def "bytes after a capture's end record are damage: not complete, one line, and no record after the end is returned"() {
        given:
        def valid = corpus('TraceCaptureReaderFuzzTestInputs/read/valid.trc')
        def file = Files.createTempFile('appended', '.trc')
        def out = new ByteArrayOutputStream()
        out.write(valid)
        out.write(valid, 12, valid.length - 12) // the records again after the end record
        Files.write(file, out.toByteArray())

        when:
        def clean = TraceCaptureReader.readAll(write(valid))
        def appended = TraceCaptureReader.readAll(file)

        then:
        clean.complete() && clean.error() == null
        !appended.complete()
        appended.records().size() == clean.records().size()
        appended.error() ==~ /.*: at byte offset ${valid.length}: data after the end record .*/
        !appended.error().contains('\n')

        cleanup:
        Files.deleteIfExists(file)
    }

    static Path write(byte[] b) {
        def f = Files.createTempFile('clean', '.trc')
        f.toFile().deleteOnExit()
        Files.write(f, b)
        f
    }
}
