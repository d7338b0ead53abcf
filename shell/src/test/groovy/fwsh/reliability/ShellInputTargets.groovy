package fwsh.reliability

import org.jline.reader.EOFError
import org.jline.reader.Parser

import java.nio.charset.StandardCharsets

/**
 * Fuzz targets for what a user types: the REPL's Groovy lexer and line parser (every key press goes through
 * them) and the command-line option parser. The shell classes are package-private; Groovy reaches them.
 * The @FuzzTest entry points are in the Java class ShellInputFuzzTest (Jazzer's fuzzing mode cannot call a
 * Groovy method directly). Documented outcomes: EOFError ("incomplete input", JLine's signal to continue the line) and a usage error
 * with one line. Anything else is a finding.
 */
class ShellInputTargets {

    static void lexer(byte[] data) {
        String s = new String(data, StandardCharsets.UTF_8)
        def tokens = fwsh.shell.GroovyLexer.tokenize(s)
        int prev = 0
        for (def t : tokens) {
            if (t.start() < prev || t.end() < t.start() || t.end() > s.length())
                throw new AssertionError("token ${t} out of order or outside the ${s.length()} chars")
            t.text(s)
            prev = t.end()
        }
        fwsh.shell.GroovyLexer.incomplete(s)
        fwsh.shell.GroovyLexer.openBracket(s, tokens)
    }

    static void replParser(byte[] data) {
        if (data.length < 1) return
        String s = new String(data, 1, data.length - 1, StandardCharsets.UTF_8)
        int cursor = (data[0] & 0xFF) % (s.length() + 1)
        def p = new fwsh.shell.ReplParser()
        for (Parser.ParseContext ctx : Parser.ParseContext.values()) {
            try {
                def line = p.parse(s, cursor, ctx)
                String w = line.word()
                if (line.wordCursor() < 0 || line.wordCursor() > w.length())
                    throw new AssertionError("word cursor ${line.wordCursor()} outside '${w}'")
                line.words()
                line.wordIndex()
            } catch (EOFError e) {
                if (ctx != Parser.ParseContext.ACCEPT_LINE && ctx != Parser.ParseContext.SECONDARY_PROMPT) throw e
            }
        }
    }

    /** fwsh's command line with every subcommand; picocli resets it at each parse. */
    static final picocli.CommandLine COMMAND_LINE = fwsh.shell.Main.commandLine(
            new fwsh.shell.cli.Streams(new ByteArrayInputStream(new byte[0]), System.out, System.err),
            new fwsh.dsl.SessionOptions(), { true } as java.util.function.Predicate)

    static void options(byte[] data) {
        // NUL separates arguments, as in a process's argv.
        String[] argv = new String(data, StandardCharsets.UTF_8).split('\u0000', -1)
        String message = null
        try {
            COMMAND_LINE.parseArgs(argv)
        } catch (picocli.CommandLine.ParameterException e) {
            message = fwsh.shell.cli.UsageErrors.describe(e)
        }
        // One line, except for line breaks echoed from the arguments themselves.
        int echoed = argv.sum { it.count('\n') } as int
        if (message != null && (message.isBlank() || message.count('\n') > echoed))
            throw new AssertionError("usage error is not one line: ${message}")
    }
}
