package fwsh.shell.serve

import fwsh.dsl.SessionOptions
import fwsh.shell.Main
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path
import java.util.concurrent.TimeUnit

/** {@code fwsh serve} from the command line: its refusals in-process, its life and SIGTERM as a real process. */
class ServeCommandSpec extends Specification {
    @TempDir
    Path dir

    Map fwsh(List<String> argv) {
        def out = new ByteArrayOutputStream()
        def err = new ByteArrayOutputStream()
        def noHardware = new SessionOptions(sysfsRoot: dir.resolve('sys'), devRoot: dir.resolve('dev'))
        int status = Main.run(argv as String[], new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, 'UTF-8'), new PrintStream(err, true, 'UTF-8'), noHardware)
        [status: status, out: out.toString('UTF-8'), err: err.toString('UTF-8')]
    }

    def "serve is read-only: a higher --scope is refused with one line, exit 2, before anything is opened"() {
        when:
        def r = fwsh(['serve', '--emulate', '--scope', scope])

        then:
        r.status == 2
        r.err.readLines()[0] == "fwsh serve: --scope: '$scope' is refused: fwsh serve only reads, its ceiling is debug-read-only"

        where:
        scope << ['configuration', 'debug-write']
    }

    def "bad option values are one line each, exit 2"() {
        expect:
        with(fwsh(['serve', '--emulate', '--listen', listen])) {
            status == 2
            err.readLines()[0].contains(message)
        }

        where:
        listen           || message
        '9479'           || "'9479' is not ADDR:PORT"
        '127.0.0.1:70000' || 'port 70000 is above 65535'
    }

    def "a mistyped group or counter in --include or --exclude is a usage error naming it, before serving"() {
        when:
        def r = fwsh(['serve', '--emulate', '--listen', '127.0.0.1:0', option, word])

        then:
        r.status == 2
        r.err.readLines()[0].contains(message)
        !r.err.contains('listening')

        where:
        option      | word                || message
        '--include' | 'per_priorty'       || "'per_priorty' matches no counter group and no counter of the devices served; did you mean 'per_priority'"
        '--exclude' | 'rx_crc_erors_phy'  || "'rx_crc_erors_phy' matches no counter group and no counter of the devices served; did you mean 'rx_crc_errors_phy'"
        '--include' | 'rx-prio'           || "'rx-prio' is neither a counter group nor a counter name pattern"
    }

    def "without a device and without --emulate it fails with the discovery report and the hint"() {
        when:
        def r = fwsh(['serve', '--listen', '127.0.0.1:0'])

        then:
        r.status == 1
        r.err.contains('To serve the emulated ConnectX instead (not hardware), add --emulate: fwsh serve --emulate')
    }

    def "a real process serves until SIGTERM, then exits 0 with its port closed"() {
        given:
        String java = ProcessHandle.current().info().command().get()
        String cp = System.getProperty('surefire.test.class.path') ?: System.getProperty('java.class.path')
        def p = new ProcessBuilder(java, '-cp', cp, 'fwsh.shell.Main', 'serve', '--emulate=cx6dx,cx7', '--listen', '127.0.0.1:0')
                .redirectErrorStream(true).start()
        def lines = new java.util.concurrent.LinkedBlockingQueue<String>()
        Thread.startDaemon { p.inputStream.newReader('UTF-8').eachLine { lines << it } }

        when:
        String listening = null
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120)
        while (listening == null && System.nanoTime() < end) {
            String l = lines.poll(1, TimeUnit.SECONDS)
            if (l?.contains('listening on')) listening = l
        }
        int port = (listening =~ /127\.0\.0\.1:(\d+)/)[0][1] as int
        def body = new URL("http://127.0.0.1:$port/metrics").getText('UTF-8')
        p.destroy()   // SIGTERM
        boolean exited = p.waitFor(60, TimeUnit.SECONDS)

        then:
        body.contains('fwsh_port_rx_packets_phy_total{')
        body.readLines().count { it.startsWith('fwsh_device_info{') } == 2
        exited
        p.exitValue() == 0

        when: 'the port is closed'
        new Socket('127.0.0.1', port).close()

        then:
        thrown(ConnectException)

        cleanup:
        p?.destroyForcibly()
    }
}
