package fwsh.shell.cli

import fwsh.dsl.ScriptRunner
import fwsh.dsl.Session
import fwsh.dsl.SessionOptions
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

/** The one line an error in script code becomes: what went wrong, the type where it helps, and where. */
class ErrorReportSpec extends Specification {
    @Shared @TempDir Path tmp
    @Shared @AutoCleanup Session s

    def setupSpec() {
        s = Session.open(new SessionOptions().noHardware().journal(tmp.resolve('j.jsonl')).emulate('cx6dx:mlx5ctl'))
    }

    String lineFor(String code) {
        try {
            new ScriptRunner(s).run(code, 'x.groovy', [])
        } catch (Throwable t) {
            return ErrorReport.oneLine(t)
        }
        throw new AssertionError("no error from: $code")
    }

    def "#code"() {
        expect:
        lineFor(code) == line

        where:
        code                                                   || line
        "def a = 1\ndev.reg.PAOS.reed(local_port: 1)"          || "error: Register has no method reed(Map); did you mean read? (x.groovy:2)"
        "dev.reg.PAOS.read('x')"                               || "error: Register.read(String) does not match; it takes read(), read(Map), read(Map, int) (x.groovy:1)"
        "dev.prots"                                            || "error: Device has no property 'prots'; did you mean ports? (x.groovy:1)"
        "dev.ports[0].sped"                                    || "error: Port has no property 'sped'; did you mean speed? (x.groovy:1)"
        "nosuch + 1"                                           || "error: no variable or property 'nosuch' (x.groovy:1)"
        "withScop('configuration') { }"                        || "error: no method withScop(String, Closure); did you mean withScope? (x.groovy:1)"
        "def a = 1\n\nthrow new IllegalStateException('boom')" || "error: IllegalStateException: boom (x.groovy:3)"
        "throw new RuntimeException('boom')"                   || "error: RuntimeException: boom (x.groovy:1)"
        "null.size()"                                          || "error: NullPointerException: Cannot invoke method size() on null object (x.groovy:1)"
        "new File('/nonexistent/f').text"                      || "error: FileNotFoundException: /nonexistent/f (No such file or directory) (x.groovy:1)"
        "throw new FwshException('deliberate: no type shown')" || "error: deliberate: no type shown (x.groovy:1)"
        "dev.reg.PMTU.read()"                                  || "error: PMTU.read needs local_port: (the index that selects what to read); e.g. dev.reg.PMTU.read(local_port: 1). Nothing was sent (x.groovy:1)"
        "'abc'.frob()"                                         || "error: No signature of method: frob for class: java.lang.String is applicable for argument types: () values: [] (x.groovy:1)"
    }
}
