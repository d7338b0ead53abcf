package fwsh.counters

import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Timeout

import java.nio.file.Files
import java.nio.file.Path

@Timeout(60)
class SampleFileCrashSpec extends Specification {
    @TempDir Path dir

    def "a sample file stays readable up to its last complete line after the process is killed (SIGKILL)"() {
        given:
        def f = dir.resolve('crash.csv')
        def java = Path.of(System.getProperty('java.home'), 'bin', 'java').toString()
        def proc = new ProcessBuilder(java, '-cp', System.getProperty('java.class.path'), CrashChild.name, f.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve('child.log').toFile()).start()

        when: 'the child has written a few hundred samples, it is killed without warning'
        long deadline = System.currentTimeMillis() + 40_000
        while ((!Files.exists(f) || Files.size(f) < 20_000) && proc.alive && System.currentTimeMillis() < deadline) Thread.sleep(20)
        def wasAlive = proc.alive
        proc.destroyForcibly()
        proc.waitFor()
        def text = Files.readString(f)
        def lines = text.readLines()

        then:
        wasAlive
        text.endsWith('\n')
        lines[0] == 't_ns,rx_packets_phy,rx_bytes_phy'
        lines.size() > 100
        lines.drop(1).every { it ==~ /\d+,\d+,\d+/ }
        lines.drop(1).withIndex().every { l, i -> def c = l.split(','); c[1] as long == i && c[2] as long == 1500L * i }
    }
}
