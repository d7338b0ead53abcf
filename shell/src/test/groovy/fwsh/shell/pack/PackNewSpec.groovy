package fwsh.shell.pack

import java.nio.file.Files

class PackNewSpec extends PackCli {
    def "pack new scaffolds manifest, script with header and spec; fwsh test passes on it as it is"() {
        given:
        def p = dir.resolve('port-checks')

        when:
        def created = fwsh(['pack', 'new', 'port-checks', p.toString()])

        then:
        created.status == 0
        created.out.contains("created pack 'port-checks' in $p")
        PackManifest.read(p).name() == 'port-checks'
        PackManifest.read(p).scope().toString() == 'debug-read-only'
        p.resolve('scripts/port-state.groovy').toFile().text.readLines().take(5)*.replaceAll(/:.*/, ':') ==
                ['// Purpose:', '// Arguments:', '// Scope:', '// Example:', '// Exit:']
        p.resolve('scripts/port-state.groovy').toFile().text.contains('parseArgs {')
        p.resolve('specs/PortStateSpec.groovy').toFile().text.contains("overrideAnswer('PAOS', oper_status: 2)")
        Files.isRegularFile(p.resolve('specs/PortStateSpec.groovy'))

        when:
        def test = fwsh(['test', p.toString(), '--junit-xml', dir.resolve('xml').toString()])

        then:
        test.status == 0
        lastLine(test.out) == '5 passed, 0 failed'
        !test.out.contains('FAILED')
        test.err == ''
        Files.isRegularFile(dir.resolve('xml/TEST-PortStateSpec.xml'))
    }

    def "the scaffolded script runs with plain fwsh too"() {
        given:
        def p = dir.resolve('demo')
        fwsh(['pack', 'new', 'demo', p.toString()])

        when:
        def r = fwsh(['--emulate', p.resolve('scripts/port-state.groovy').toString(), '--port', '1'])

        then:
        r.status == 0
        r.out ==~ /emu\d+ firmware \S+ port 1 up\n/
    }

    def "the scaffolded script answers --help from its header and exits 2 on a bad argument"() {
        given:
        def p = dir.resolve('demo')
        fwsh(['pack', 'new', 'demo', p.toString()])
        def script = p.resolve('scripts/port-state.groovy').toString()

        when:
        def help = fwsh(['--emulate', script, '--help'])
        def bad = fwsh(['--emulate', script, '--port', 'x'])

        then:
        help.status == 0
        help.out.readLines()[0] == 'Purpose: one line with the device, its firmware and whether a port is up; exit code 4 when it is down.'
        help.out.contains('--port=<N>')
        bad.status == 2
        bad.err.readLines() == ["port-state.groovy: Invalid value for option '--port': 'x' is not an int; try port-state.groovy --help"]
        bad.out == ''
    }

    def "the default folder is ./NAME and the emulator profile can be chosen"() {
        given:
        def p = dir.resolve('sub')
        Files.createDirectories(p)

        when:
        // DIR given relative to an absolute base, as ./NAME would be
        def r = fwsh(['pack', 'new', 'p2', p.resolve('p2').toString()])
        def t = fwsh(['test', '--emulate=cx6dx:fwctl', p.resolve('p2').toString()])

        then:
        r.status == 0
        t.status == 0
        t.out.readLines().first().contains('emulator cx6dx:fwctl')
        lastLine(t.out) == '5 passed, 0 failed'
    }

    def "a bad name, a missing NAME and an unknown pack command are usage errors"() {
        expect:
        with(fwsh(argv)) {
            status == 2
            err.readLines().first() == message
        }

        where:
        argv                                        || message
        ['pack', 'new', 'Bad Name']                 || "fwsh pack new: bad pack name 'Bad Name'; use lower-case letters, digits, '.', '_' and '-', starting with a letter or digit"
        ['pack', 'new']                             || "fwsh pack new: missing NAME"
        ['pack', 'new', 'a', 'b', 'c']              || "fwsh pack new: unexpected argument 'c' (it takes NAME DIR)"
        ['pack']                                    || "fwsh pack: fwsh pack needs 'new NAME [DIR]'"
        ['pack', 'old', 'x']                        || "fwsh pack: unknown subcommand 'old'; use new"
        ['pack', 'nwe', 'x']                        || "fwsh pack: unknown subcommand 'nwe'; did you mean 'new'?"
    }

    def "pack new refuses a folder that has files in it"() {
        given:
        Files.createDirectories(dir.resolve('full'))
        dir.resolve('full/x').toFile().text = 'x'

        when:
        def r = fwsh(['pack', 'new', 'ok', dir.resolve('full').toString()])

        then:
        r.status == 2
        r.err.readLines().first() == "fwsh pack new: '${dir.resolve('full')}' exists and is not an empty folder; choose another DIR"
        dir.resolve('full').toFile().list() as List == ['x']
    }
}
