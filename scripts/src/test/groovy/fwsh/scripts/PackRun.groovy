package fwsh.scripts

import fwsh.channel.Scope
import fwsh.dsl.ScriptRunner
import fwsh.dsl.Session
import fwsh.dsl.SessionOptions
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

/** Base for pack specs: opens an emulated session and runs a pack script with its stdout captured. */
abstract class PackRun extends Specification {
    @TempDir Path tmp

    Session open(String emulate = 'cx6dx:mlx5ctl', Scope ceiling = Scope.DEBUG_READ_ONLY) {
        Session.open(new SessionOptions().noHardware().emulate(emulate).ceiling(ceiling).journal(tmp.resolve('journal.jsonl')))
    }

    static String source(String name) {
        def url = PackRun.getResource("/fwsh-pack/$name")
        assert url != null: "no pack script $name"
        url.text
    }

    /** Runs a pack script; returns [out: its printed text, result: its return value, binding: the session binding]. */
    Map run(Session s, String name, List<String> args = []) {
        def text = new StringWriter()
        s.binding().setVariable('out', new PrintWriter(text, true))
        try {
            def result = new ScriptRunner(s).run(source(name), name, args)
            [out: text.toString(), result: result, binding: s.binding()]
        } finally {
            s.binding().variables.remove('out')
        }
    }

    /** Runs plain DSL code in the session (to change state between script runs). */
    Object eval(Session s, String code) {
        new ScriptRunner(s).run(code, 'spec.groovy', [])
    }
}
