package fwsh.shell

import fwsh.channel.Scope
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/**
 * Every ```groovy block of the README runs on the emulated ConnectX, so the README cannot drift from the code.
 * Each block gets a fresh session in its own JVM whose working directory is a temporary folder (examples write
 * files such as rates.csv), with the highest scope the block names in withScope(...) as its ceiling. Durations
 * are shortened to at most 300 ms (an example that watches for 10 minutes checks the same code in 300 ms).
 */
class ReadmeExamplesSpec extends Specification {
    static final Path README = Path.of(System.getProperty('fwsh.readme') ?: '../README.md')

    @Shared
    @TempDir
    Path work

    static List<Map> blocks() {
        List<Map> out = []
        List<String> lines = README.toFile().readLines('UTF-8')
        for (int i = 0; i < lines.size(); i++) {
            if (lines[i].trim() != '```groovy') continue
            int start = i + 1
            int end = start
            while (end < lines.size() && lines[end].trim() != '```') end++
            out << [line: start + 1, code: lines.subList(start, end).join('\n')]
            i = end
        }
        out
    }

    /** The highest scope a block raises to, else the default ceiling. */
    static Scope ceiling(String code) {
        def scopes = (code =~ /withScope\(\s*['"]([\w-]+)['"]/).collect { Scope.parse(it[1]) }
        scopes ? scopes.max { it.value } : Scope.DEBUG_READ_ONLY
    }

    static String shortened(String code) {
        code.replaceAll(/\b(\d+)\.(s|min|h)\b/) { all, n, unit -> "${Math.min(300, (n as long) * [s: 1000, min: 60_000, h: 3_600_000][unit])}.ms" }
    }

    def "the README has Groovy examples"() {
        expect:
        blocks().size() >= 3
    }

    def "README example at line #block.line runs on the emulator"() {
        given:
        Path dir = Files.createTempDirectory(work, 'block')
        String cp = System.getProperty('surefire.test.class.path') ?: System.getProperty('java.class.path')
        String java = Path.of(System.getProperty('java.home'), 'bin', 'java').toString()
        def pb = new ProcessBuilder(java, '-Djava.awt.headless=true', '-Dfwsh.catalog.noSystem=true',
                "-Duser.home=$dir", '-cp', cp, ReadmeBlockRunner.name, ceiling(block.code).label)
                .directory(dir.toFile()).redirectOutput(dir.resolve('out.txt').toFile()).redirectError(dir.resolve('err.txt').toFile())
        pb.environment().put('XDG_STATE_HOME', dir.resolve('state').toString())

        when:
        def p = pb.start()
        p.outputStream.withWriter('UTF-8') { it << shortened(block.code) }
        boolean ended = p.waitFor(120, TimeUnit.SECONDS)
        if (!ended) p.destroyForcibly()
        String err = dir.resolve('err.txt').toFile().text

        then:
        ended
        err.readLines().find { it.startsWith('README example failed') } == null
        p.exitValue() == 0

        where:
        block << blocks()
    }
}
