package fwsh.shell.pack;

import java.util.ArrayList;
import java.util.List;

/** The text shown under a failed feature: Spock's condition rendering, or the exception's one line. */
final class FailureText {
    static final int MAX_LINES = 30;

    private FailureText() {
    }

    static List<String> lines(Throwable t) {
        List<String> lines = new ArrayList<>();
        if (t == null) return lines;
        if (t instanceof AssertionError && t.getMessage() != null) {
            // Spock's condition text with its value diagram; a plain assert's message likewise.
            for (String l : t.getMessage().strip().split("\n")) {
                if (l.startsWith("\tat ") || l.startsWith("\t... ")) continue;   // a nested exception's frames
                if (lines.size() == MAX_LINES) {
                    lines.add("...");
                    break;
                }
                lines.add(l.stripTrailing());
            }
            return lines;
        }
        String message = t.getMessage() == null ? "" : t.getMessage().strip();
        int nl = message.indexOf('\n');
        lines.add(t.getClass().getName() + (message.isEmpty() ? "" : ": " + (nl < 0 ? message : message.substring(0, nl))));
        return lines;
    }

    static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable at = t; at != null; at = at.getCause()) if (type.isInstance(at)) return true;
        return false;
    }
}
