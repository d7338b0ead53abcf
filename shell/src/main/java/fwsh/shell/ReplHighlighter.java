package fwsh.shell;

import fwsh.shell.GroovyLexer.Token;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/** Colours the input line: keywords, strings, numbers, comments and the leading /command. */
final class ReplHighlighter implements Highlighter {
    static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
    static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT + AttributedStyle.BLACK);
    static final AttributedStyle COMMAND = AttributedStyle.BOLD.foreground(AttributedStyle.MAGENTA);

    private final boolean enabled;

    ReplHighlighter(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        return highlight(buffer);
    }

    AttributedString highlight(String buffer) {
        if (!enabled) return new AttributedString(buffer);
        AttributedStringBuilder b = new AttributedStringBuilder(buffer.length() + 16);
        if (CompletionEngine.isCommandLine(buffer)) {
            int lead = buffer.length() - buffer.stripLeading().length();
            int end = lead;
            while (end < buffer.length() && !Character.isWhitespace(buffer.charAt(end))) end++;
            b.append(buffer.substring(0, lead));
            b.styled(COMMAND, buffer.substring(lead, end));
            b.append(buffer.substring(end));
            return b.toAttributedString();
        }
        for (Token t : GroovyLexer.tokenize(buffer)) {
            String text = t.text(buffer);
            AttributedStyle style = switch (t.type()) {
                case KEYWORD -> KEYWORD;
                case STRING -> STRING;
                case NUMBER -> NUMBER;
                case COMMENT -> COMMENT;
                default -> null;
            };
            if (style == null) b.append(text);
            else b.styled(style, text);
        }
        return b.toAttributedString();
    }
}
