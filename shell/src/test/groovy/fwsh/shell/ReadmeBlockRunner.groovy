package fwsh.shell

import fwsh.channel.Scope
import fwsh.dsl.Session
import fwsh.dsl.SessionOptions

import fwsh.shell.cli.ErrorReport
import java.nio.file.Path

/**
 * Child JVM for ReadmeExamplesSpec: runs one README example (stdin) as the REPL would, statement by statement,
 * on a fresh emulated session in the working directory it was started in; its results are printed as the REPL
 * prints them. Arguments: the ceiling (scope label). Exit 0 when every statement ran; else one line on stderr
 * naming the statement and its error, exit 1.
 */
class ReadmeBlockRunner {
    static void main(String[] args) {
        def options = new SessionOptions().emulate('cx6dx:mlx5ctl').ceiling(Scope.parse(args[0]))
                .journal(Path.of('journal.jsonl').toAbsolutePath())
        Session session = Session.open(options)
        int status = 0
        try {
            session.binding().setVariable('out', new PrintWriter(System.out, true))
            def evaluator = new Evaluator(session)
            def printer = new Printer(Format.TABLE, false)
            for (String statement : statements(System.in.getText('UTF-8'))) {
                try {
                    print printer.echo(evaluator.evaluate(statement), new Screen(40, 120))
                } catch (Throwable t) {
                    System.err.println("README example failed: ${statement.strip()}: ${ErrorReport.oneLine(t)}")
                    System.err.print(ErrorReport.stackTrace(t))
                    status = 1
                    break
                }
            }
        } finally {
            session.close()
        }
        System.out.flush()
        System.exit(status)
    }

    /** REPL input: prompts stripped, lines joined while the input is unfinished (as Enter continues it). */
    static List<String> statements(String block) {
        List<String> out = []
        String pending = ''
        for (String raw : block.readLines()) {
            String line = raw.startsWith('fwsh> ') ? raw.substring(6) : raw
            pending = pending ? pending + '\n' + line : line
            if (!GroovyLexer.incomplete(pending)) {
                if (pending.trim()) out << pending
                pending = ''
            }
        }
        if (pending.trim()) out << pending
        out
    }
}
