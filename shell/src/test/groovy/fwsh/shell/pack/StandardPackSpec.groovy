package fwsh.shell.pack

import javax.xml.parsers.DocumentBuilderFactory
import java.nio.file.Files
import java.nio.file.Path

/**
 * The standard pack (scripts module, src/main/resources/fwsh-pack) run by fwsh test, as a user would: its
 * specs must all pass, and as many must pass as its spec sources declare (features, one per data-table row),
 * so a spec or feature that silently stops running fails this build.
 */
class StandardPackSpec extends PackCli {
    /** Surefire runs in the shell module's folder. */
    static final Path SOURCE = Path.of(System.getProperty('user.dir')).resolve('../scripts/src/main/resources/fwsh-pack').normalize()

    def "fwsh test on the standard pack's source folder with --scope debug-write: every declared feature and iteration passes"() {
        given:
        assert Files.isRegularFile(SOURCE.resolve('pack.properties')): "no standard pack at $SOURCE"
        def declared = Declared.of(SOURCE.resolve('specs'))
        def xml = dir.resolve('xml')

        when:
        def r = fwsh(['test', SOURCE.toString(), '--scope', 'debug-write', '--junit-xml', xml.toString()])

        then:
        r.status == 0
        r.out.readLines()[0].startsWith("pack standard ")
        r.out.readLines()[0].contains(": ${declared.perSpec.size()} spec(s) on the emulator default profile, scope ceiling debug-write")
        lastLine(r.out) == "${declared.total} passed, 0 failed".toString()
        declared.total >= 38                                   // as ported: 31 features, 38 tests with the iterations

        and: "each spec ran as many tests as its source declares"
        declared.perSpec.every { spec, count -> testsIn(xml.resolve("TEST-${spec}.xml")) == count }

        and: "fwsh test wrote nothing into the source folder"
        !Files.exists(SOURCE.resolve('test-results'))
    }

    def "fwsh test --standard runs the copy on the class path; at the default ceiling the features that need more scope are skipped"() {
        given:
        def declared = Declared.of(SOURCE.resolve('specs'))

        when:
        def r = fwsh(['test', '--standard'])
        def lines = r.out.readLines()

        then:
        r.status == 0
        lines[0].startsWith('pack standard ')
        lines[0].endsWith('scope ceiling debug-read-only (pack debug-write, --scope debug-read-only)')
        lines.contains('JUnit XML: not written (use --junit-xml DIR)')
        lines[-2] == "(${declared.needScope} skipped; this run grants debug-read-only and the pack asks for debug-write: --scope debug-write runs the features that need it, still only on the emulator or the recording)".toString()
        lines.last() == "${declared.total - declared.needScope} passed, 0 failed, ${declared.needScope} skipped".toString()
        declared.needScope == 5
    }

    def "--standard with --scope debug-write and --junit-xml: everything passes and the XML is written"() {
        given:
        def declared = Declared.of(SOURCE.resolve('specs'))
        def xml = dir.resolve('std-xml')

        when:
        def r = fwsh(['test', '--standard', '--scope=debug-write', "--junit-xml=$xml".toString()])

        then:
        r.status == 0
        r.out.readLines().contains("JUnit XML: $xml".toString())
        lastLine(r.out) == "${declared.total} passed, 0 failed".toString()
        declared.perSpec.keySet().every { Files.isRegularFile(xml.resolve("TEST-${it}.xml")) }
    }

    def "the pack on the class path is the source folder, file for file"() {
        when:
        def copy = StandardPack.extract(dir.resolve('copy'))

        then:
        tree(copy) == tree(SOURCE)
        tree(copy).keySet().containsAll(['pack.properties', 'scripts/link/health.groovy', 'specs/HealthSpec.groovy'])
    }

    def "--standard takes no PACK_DIR and no value"() {
        when:
        def r = fwsh(argv)

        then:
        r.status == 2
        r.err.readLines()[0] == "fwsh test: $message".toString()

        where:
        argv                               | message
        ['test', '--standard', 'mypack']   | "use PACK_DIR or --standard, not both; got 'mypack'"
        ['test', '--standard=yes']         | "--standard takes no value"
        ['test']                           | 'fwsh test needs a PACK_DIR (or --standard for the pack shipped with fwsh)'
    }

    static int testsIn(Path xml) {
        def suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile()).documentElement
        assert suite.getAttribute('failures') == '0' && suite.getAttribute('errors') == '0' && suite.getAttribute('skipped') in ['', '0']
        suite.getAttribute('tests') as int
    }

    /** Relative path -> content of every file under ROOT. */
    static Map<String, String> tree(Path root) {
        Files.walk(root).withCloseable { s ->
            s.filter { Files.isRegularFile(it) }.toList().collectEntries { [(root.relativize(it).toString()): Files.readString(it)] }
        }
    }

    /**
     * What the spec sources declare: per spec class the number of tests (a feature counts once; a data-driven
     * one once per data-table row), and how many features are conditional on scope (@Requires ... granted).
     */
    static class Declared {
        Map<String, Integer> perSpec = [:]
        int needScope

        int getTotal() { perSpec.values().sum() as int }

        static Declared of(Path specs) {
            def d = new Declared()
            Files.walk(specs).withCloseable { s -> s.filter { it.toString().endsWith('Spec.groovy') }.sorted().toList() }.each { Path f ->
                List<String> lines = Files.readAllLines(f)
                List<Integer> starts = lines.findIndexValues { it ==~ /\s*def\s+(["']).+\1\s*\(\s*\)\s*\{\s*/ }*.intValue()
                assert !starts.isEmpty(): "no features in $f"
                int count = 0
                starts.eachWithIndex { int at, int i ->
                    def body = lines.subList(at, i + 1 < starts.size() ? starts[i + 1] : lines.size())
                    int where = body.findIndexOf { it.trim() == 'where:' }
                    if (where < 0) {
                        count += 1
                    } else {
                        def rows = body.drop(where + 1).takeWhile { !it.trim().startsWith('}') }.findAll { it.contains('|') }
                        assert rows.size() >= 2: "cannot count the iterations of ${lines[at].trim()} in $f: give it a data table"
                        count += rows.size() - 1                       // minus the header row
                    }
                    if (at > 0 && lines[at - 1].contains('@Requires') && lines[at - 1].contains('granted(')) d.needScope++
                }
                d.perSpec[f.fileName.toString() - '.groovy'] = count
            }
            d
        }
    }
}
