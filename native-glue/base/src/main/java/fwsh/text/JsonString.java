package fwsh.text;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * A string as a JSON string literal, for JSON lines built in a {@link StringBuilder} on hot paths (trace lines,
 * samples). Jackson escapes it; U+2028 and U+2029 are escaped too, as {@link JsonLines} writes them, so a record
 * stays one line for readers that split on Unicode line separators.
 */
public final class JsonString {
    private JsonString() {
    }

    /** Appends {@code s} quoted and escaped. */
    public static void quote(StringBuilder sb, CharSequence s) {
        sb.append('"');
        int from = sb.length();
        JsonStringEncoder.getInstance().quoteAsString(s, sb);
        for (int i = from; i < sb.length(); i++) {
            char c = sb.charAt(i);
            if (c == '\u2028' || c == '\u2029') {
                sb.replace(i, i + 1, JsonLines.lineSeparatorEscape(c));
                i += 5;
            }
        }
        sb.append('"');
    }
}
