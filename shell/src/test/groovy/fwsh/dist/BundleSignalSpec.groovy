package fwsh.dist

import groovy.json.JsonSlurper
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream
import spock.lang.Requires
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/**
 * fwsh bundle ended by a signal on the real command (the built distribution as a child process): SIGTERM or Ctrl-C
 * (SIGINT) in the middle of the counter interval still writes a valid archive whose manifest says what is missing,
 * and exits 130; the recording in it replays.
 *
 * <p>Runs after {@code package} (the shell's distribution-specs execution sets {@code fwsh.dist}).
 */
@Requires(value = { System.getProperty('fwsh.dist') }, reason = 'runs on the built distribution, after package')
class BundleSignalSpec extends Specification {
    static final long DEADLINE_MS = 90_000

    @Shared
    Path fwsh = Path.of(System.getProperty('fwsh.dist', 'target/fwsh')).resolve('bin/fwsh').toAbsolutePath()

    @TempDir
    Path tmp

    Process start(List<String> args) {
        def pb = new ProcessBuilder([fwsh.toString()] + args).directory(tmp.toFile())
                .redirectOutput(tmp.resolve('out.txt').toFile()).redirectError(tmp.resolve('err.txt').toFile())
        pb.environment().put('HOME', tmp.toString())
        pb.environment().put('XDG_STATE_HOME', tmp.resolve('state').toString())
        pb.start()
    }

    String err() {
        Files.exists(tmp.resolve('err.txt')) ? Files.readString(tmp.resolve('err.txt')) : ''
    }

    Map<String, String> entries(Path bundle) {
        Map<String, String> out = [:]
        new TarArchiveInputStream(new GzipCompressorInputStream(Files.newInputStream(bundle))).withCloseable { tar ->
            for (def e = tar.nextEntry; e != null; e = tar.nextEntry) out[e.name.substring(e.name.indexOf('/') + 1)] = new String(tar.readAllBytes(), 'UTF-8')
        }
        out
    }

    def "#signal during the counter interval: a valid partial bundle, the rest listed as missing, exit 130"() {
        given:
        def p = start(['bundle', '--emulate', '--counters-over', '60s', '--trace-for', '1s', '-o', 'b.tar.gz'])
        long end = System.currentTimeMillis() + DEADLINE_MS
        while (!(err() =~ /fwsh bundle: \[8\/9\] emu\d+ counters/)) {
            assert p.alive: "fwsh bundle ended early: ${err()}"
            assert System.currentTimeMillis() < end: "no counters phase; stderr: ${err()}"
            Thread.sleep(50)
        }
        Thread.sleep(300)

        when:
        def k = new ProcessBuilder('sh', '-c', 'kill -' + signal + ' "$0"', "${p.pid()}").start()
        assert k.waitFor(10, TimeUnit.SECONDS) && k.exitValue() == 0
        assert p.waitFor(DEADLINE_MS, TimeUnit.MILLISECONDS): "fwsh bundle did not end; stderr: ${err()}"
        def files = entries(tmp.resolve('b.tar.gz'))
        def m = new JsonSlurper().parseText(files['manifest.json'])
        String name = m.devices[0]

        then:
        p.exitValue() == 130
        !Files.exists(tmp.resolve('b.tar.gz.part'))
        m.complete == false
        m.interrupted == true
        m.missing == [[what: "devices/$name/counters".toString(), reason: 'interrupted'],
                      [what: "devices/$name/trace".toString(), reason: 'interrupted before it started']]
        files.containsKey("devices/$name/registers.json".toString())
        files['recording.jsonl'].readLines().last().contains('"type":"end"')
        err().readLines().last().endsWith('PARTIAL, 2 parts missing (see manifest.json), interrupted')

        when: 'the partial bundle replays'
        def r = new ProcessBuilder(fwsh.toString(), '--replay', 'b.tar.gz', '-e', 'dev.reg.PAOS.read(local_port: 1).oper_status')
                .directory(tmp.toFile()).redirectErrorStream(true).start()

        then:
        r.waitFor(DEADLINE_MS, TimeUnit.MILLISECONDS)
        r.inputStream.text == 'up\n'
        r.exitValue() == 0

        where:
        signal << ['TERM', 'INT']
    }
}
