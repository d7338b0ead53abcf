package fwsh.shell.pack

import fwsh.dsl.ScriptExit
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/** Pack specs compile through the same configuration as scripts (FwshCompiler), plus the pack's own imports. */
class PackCompilerSpec extends Specification {
    @TempDir
    Path pack

    def "a pack spec gets the scripts' imports, their System.exit rewrite and ThreadInterrupt"() {
        given:
        Path specs = Files.createDirectories(pack.resolve('specs'))
        Files.writeString(specs.resolve('ProbeSpec.groovy'), '''
            class ProbeSpec extends PackSpecification {
                static String decoderName() { TraceFiles.simpleName }
                static void stop() { System.exit(7) }
                static void spin() { while (true) { } }
            }
            '''.stripIndent())

        when:
        def loader = PackCompiler.compileSpecs(pack, PackCompiler.groovyFiles(specs, '.groovy'), Files.createDirectories(pack.resolve('classes')))
        def probe = loader.loadClass('ProbeSpec')

        then: 'TraceFiles resolves without an import'
        probe.decoderName() == 'TraceFiles'

        when: 'System.exit in spec code'
        probe.stop()

        then: 'it unwinds instead of ending the JVM'
        def exit = thrown(ScriptExit)
        exit.status() == 7

        when: 'a loop in spec code is interrupted'
        Throwable stopped = null
        def t = Thread.start { try { probe.spin() } catch (Throwable e) { stopped = e } }
        Thread.sleep(100)
        t.interrupt()
        t.join(5000)

        then:
        !t.alive
        stopped instanceof InterruptedException
    }
}
