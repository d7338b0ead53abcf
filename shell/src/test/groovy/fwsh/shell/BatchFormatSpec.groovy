package fwsh.shell

import groovy.json.JsonSlurper
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

/** What a batch run puts on stdout with --format json or csv: only what a pipeline can parse. */
class BatchFormatSpec extends Specification {
    @TempDir
    Path dir

    Map fwsh(List<String> argv, String stdin = '') {
        def out = new ByteArrayOutputStream()
        def err = new ByteArrayOutputStream()
        int status = Main.run(argv as String[], new ByteArrayInputStream(stdin.getBytes('UTF-8')),
                new PrintStream(out, true, 'UTF-8'), new PrintStream(err, true, 'UTF-8'))
        [status: status, out: out.toString('UTF-8'), err: err.toString('UTF-8')]
    }

    def "a script's return value is printed in json and csv modes, as -e prints its result, and not in table mode"() {
        given:
        def script = dir.resolve('ports.groovy')
        script.toFile().text = '[[port: 1, state: "up"], [port: 2, state: "down"]]\n'

        when:
        def table = fwsh(['--emulate', script.toString()])
        def json = fwsh(['--emulate', '--format', 'json', script.toString()])
        def csv = fwsh(['--emulate', '--format', 'csv', script.toString()])

        then:
        table.status == 0 && table.out == ''
        new JsonSlurper().parseText(json.out) == [[port: 1, state: 'up'], [port: 2, state: 'down']]
        csv.out == 'port,state\n1,up\n2,down\n'
    }
}
