package fwsh.shell

import fwsh.dsl.SessionOptions
import fwsh.shell.cli.ExitCode
import spock.lang.Specification
import spock.lang.TempDir

import java.lang.reflect.Modifier
import java.nio.file.Path

/**
 * The README's "Running fwsh" tables against the command line itself: every option --help shows is in the
 * README's option table and every option there is in --help (fwsh and fwsh test), and the exit-status table
 * is what ExitCode says and what fwsh does.
 */
class CliDocsSpec extends Specification {
    // Surefire runs in the module folder; the README is the repository's.
    static final Path README = Path.of('..', 'README.md')

    @TempDir
    Path dir

    Map fwsh(List<String> argv) {
        def out = new ByteArrayOutputStream()
        def err = new ByteArrayOutputStream()
        def noHardware = new SessionOptions(sysfsRoot: dir.resolve('sys'), devRoot: dir.resolve('dev'), journal: dir.resolve('j.jsonl'))
        int status = Main.run(argv as String[], new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, 'UTF-8'), new PrintStream(err, true, 'UTF-8'), noHardware)
        [status: status, out: out.toString('UTF-8'), err: err.toString('UTF-8')]
    }

    /** The "## Running fwsh" section. */
    static String section() {
        String text = README.toFile().getText('UTF-8')
        int start = text.indexOf('\n## Running fwsh\n')
        assert start >= 0: 'README has no "## Running fwsh" section'
        int end = text.indexOf('\n## ', start + 1)
        text.substring(start, end < 0 ? text.length() : end)
    }

    /** The rows of the table whose header row starts with {@code header}, as lists of cells. */
    static List<List<String>> table(String header) {
        List<String> lines = section().readLines()
        int at = lines.findIndexOf { it.startsWith(header) }
        assert at >= 0: "README's Running fwsh section has no table starting '$header'"
        lines.drop(at + 2).takeWhile { it.startsWith('|') }.collect { row ->
            row.substring(1, row.lastIndexOf('|')).split(/(?<!\\)\|/).collect { it.trim() }
        }
    }

    /** Option names in the first column of a README options table. */
    static Set<String> readmeOptions(String header) {
        table(header).collectMany { (it[0] =~ /(?<![\w-])--?[a-zA-Z][\w-]*/).collect { it } } as Set
    }

    /** Option names in the Options section of generated help. */
    static Set<String> helpOptions(String help) {
        List<String> lines = help.readLines()
        int from = lines.indexOf('Options:')
        assert from >= 0
        lines.drop(from + 1).takeWhile { it != '' }.collectMany { line ->
            def m = line =~ /^ {2}(?:(-\w)(?:, )?)? {0,4}(--[\w-]+)?/
            m.find() ? [m.group(1), m.group(2)].findAll() : []
        } as Set
    }

    def "every option in 'fwsh --help' is in the README's option table, and every option there is in --help"() {
        when:
        def help = fwsh(['--help']).out
        def shown = helpOptions(help)

        then:
        shown.containsAll(['--device', '--emulate', '--replay', '-e', '--eval', '--help'])
        readmeOptions('| Option |') == shown
    }

    def "every option in 'fwsh test --help' is in the README's fwsh test table, and the other way round"() {
        when:
        def shown = helpOptions(fwsh(['test', '--help']).out)

        then:
        shown.containsAll(['--standard', '--emulate', '--junit-xml'])
        readmeOptions('| `fwsh test` option |') == shown
    }

    def "the README's exit statuses are ExitCode's, and --help lists the same"() {
        given:
        Map<Integer, String> readme = table('| Exit status |').collectEntries { [(it[0] as int): it[1]] }
        Map<String, Integer> constants = ExitCode.declaredFields.findAll { Modifier.isStatic(it.modifiers) && it.type == int }
                .collectEntries { [(it.name): it.getInt(null)] }

        expect:
        readme.keySet() == constants.values() as Set
        constants == [OK: 0, ERROR: 1, USAGE: 2, CHECK_FAILED: 3, LINK_DOWN: 4, INTERRUPTED: 130]
        readme[ExitCode.CHECK_FAILED].contains('check failed')
        readme[ExitCode.LINK_DOWN].contains('link down')
        readme[ExitCode.USAGE].contains('usage')
        readme[ExitCode.ERROR].contains('no usable device')
        readme[ExitCode.INTERRUPTED].contains('interrupted')
        def footer = fwsh(['--help']).out.split('Exit status:\n')[1]
        readme.keySet().every { footer.contains("$it ") }
    }

    def "fwsh exits with each status the README lists: #what"() {
        given:
        dir.resolve('a.json').toFile().text = '{"registers": {"PAOS": {"admin_status": 1}}}'
        dir.resolve('b.json').toFile().text = '{"registers": {"PAOS": {"admin_status": 2}}}'
        dir.resolve('down.groovy').toFile().text = "withScope('configuration') { dev.reg.PAOS.write([local_port: 1, admin_status: 2, ase: 1]) }"

        expect:
        fwsh(argv.collect { it.replace('@D', dir.toString()) }).status == status

        where:
        what                   | argv                                                                                        | status
        'success'              | ['--emulate', '-e', '1']                                                                    | ExitCode.OK
        'script error'         | ['--emulate', '-e', 'throw new IllegalStateException("x")']                                 | ExitCode.ERROR
        'no usable device'     | ['-e', '1']                                                                                 | ExitCode.ERROR
        'usage error'          | ['--emulate=cx9', '-e', '1']                                                                | ExitCode.USAGE
        'a check failed'       | ['--emulate', 'registers/diff.groovy', '@D/a.json', '@D/b.json']                           | ExitCode.CHECK_FAILED
        'link down'            | ['--emulate', '--scope', 'configuration', '--init', '@D/down.groovy', 'link/health.groovy'] | ExitCode.LINK_DOWN
        'interrupted'          | ['--emulate', '-e', 'throw new InterruptedException()']                                     | ExitCode.INTERRUPTED
    }
}
