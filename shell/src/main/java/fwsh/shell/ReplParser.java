package fwsh.shell;

import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

import java.util.List;

/**
 * Tells JLine two things: when Enter should continue the input on a new line (unfinished Groovy: an open
 * bracket, triple-quoted string or block comment, a trailing backslash), and which word Tab completes
 * (a name, or a whitespace-separated token on {@code /command} lines).
 */
final class ReplParser implements Parser {

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if ((context == ParseContext.ACCEPT_LINE || context == ParseContext.SECONDARY_PROMPT)
                && !CompletionEngine.isCommandLine(line) && GroovyLexer.incomplete(line)) {
            throw new EOFError(-1, -1, "incomplete input", "");
        }
        int start = CompletionEngine.wordStart(line, cursor);
        int end = CompletionEngine.wordEnd(line, cursor);
        return new Line(line, cursor, line.substring(start, end), cursor - start);
    }

    private record Line(String line, int cursor, String word, int wordCursor) implements CompletingParsedLine {
        @Override
        public int wordIndex() {
            return 0;
        }

        @Override
        public List<String> words() {
            return List.of(word);
        }

        /** Candidates are inserted verbatim: Groovy names and paths need no shell quoting. */
        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            return candidate;
        }

        @Override
        public int rawWordCursor() {
            return wordCursor;
        }

        @Override
        public int rawWordLength() {
            return word.length();
        }
    }
}
