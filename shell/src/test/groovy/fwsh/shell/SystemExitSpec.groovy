package fwsh.shell

import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path
import java.util.concurrent.TimeUnit

/**
 * System.exit(n) in script code, run by fwsh in its own JVM (as a user runs it): the script unwinds, its
 * finally blocks run, the session releases what the script left on the device, and then fwsh exits n.
 */
class SystemExitSpec extends Specification {
    @TempDir
    Path dir

    Map fwsh(String... args) {
        String cp = System.getProperty('surefire.test.class.path') ?: System.getProperty('java.class.path')
        String java = Path.of(System.getProperty('java.home'), 'bin', 'java').toString()
        def p = new ProcessBuilder(([java, '-Dfwsh.catalog.noSystem=true', "-Duser.home=$dir", '-cp', cp, Main.name] + (args as List))*.toString())
                .directory(dir.toFile()).redirectErrorStream(true)
        p.environment().put('XDG_STATE_HOME', dir.resolve('state').toString())
        def proc = p.start()
        proc.outputStream.close()
        String out = proc.inputStream.getText('UTF-8')
        assert proc.waitFor(60, TimeUnit.SECONDS)
        [status: proc.exitValue(), out: out]
    }

    def "a batch run exits with the script's status after its finally blocks and the session's cleanup"() {
        given:
        def rec = dir.resolve('rec.jsonl')

        when:
        def r = fwsh('--emulate', '--record', rec.toString(), '-e',
                'def buf = dev.umem(4096); try { System.exit(3) } finally { println "finally ran" }; println "not reached"')
        def records = rec.toFile().readLines()

        then:
        r.status == 3
        r.out.readLines().contains('finally ran')
        !r.out.contains('not reached')
        records.count { it.contains('"type":"umem_register"') } == 1
        records.count { it.contains('"type":"umem_unregister"') } == 1   // released by the session, after the exit
    }

    def "a catch of Exception in the script does not swallow the exit; closures and methods are covered too"() {
        when:
        def r = fwsh('--emulate', '-e', 'def stop(n) { [n].each { System.exit(it) } }; try { stop(5) } catch (e) { println "caught" }')

        then:
        r.status == 5
        !r.out.contains('caught')
    }
}
