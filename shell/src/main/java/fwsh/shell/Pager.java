package fwsh.shell;

import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.NonBlockingReader;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Long text in the REPL (help on a large layout, show() of a big value) a screenful at a time, as more(1) does:
 * Space the next page, Enter the next line, q or Ctrl-C stops. Text that fits prints as it is; terminals
 * without cursor control get it all.
 */
final class Pager {
    private static final String PROMPT = "--More-- (Space: page, Enter: line, q: quit)";

    private final Terminal terminal;
    private final Supplier<Screen> screen;

    Pager(Terminal terminal, Supplier<Screen> screen) {
        this.terminal = terminal;
        this.screen = screen;
    }

    void page(String text) {
        PrintWriter w = terminal.writer();
        Screen s = screen.get();
        List<String> rows = rows(text, s.width());
        if (rows.size() <= s.rows() || Repl.isDumb(terminal)) {
            w.print(text.endsWith("\n") || text.isEmpty() ? text : text + "\n");
            w.flush();
            return;
        }
        // Keys one at a time; Ctrl-C arrives as a key too (JLine's raw mode clears ISIG) and stops the paging.
        Attributes saved = terminal.enterRawMode();
        try {
            show(rows, s, w);
        } finally {
            terminal.setAttributes(saved);
        }
    }

    private void show(List<String> rows, Screen s, PrintWriter w) {
        int shown = 0;
        int step = s.rows();
        while (shown < rows.size()) {
            Interrupts.check();
            int end = Math.min(rows.size(), shown + step);
            for (int i = shown; i < end; i++) w.println(rows.get(i));
            shown = end;
            if (shown >= rows.size()) break;
            w.print(PROMPT + " " + (100 * shown / rows.size()) + "%");
            w.flush();
            int key = key();
            w.print("\r" + " ".repeat(PROMPT.length() + 5) + "\r");
            if (key == 'q' || key == 'Q' || key < 0) break;
            step = key == '\r' || key == '\n' || key == 'j' ? 1 : s.rows();
        }
        w.flush();
    }

    /** The next key, or -1 when Ctrl-C interrupted the wait (the terminal is raw with signals on meanwhile). */
    private int key() {
        NonBlockingReader r = terminal.reader();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                int c = r.read(100);
                if (c == NonBlockingReader.READ_EXPIRED) continue;
                return c == 3 ? -1 : c;
            }
        } catch (IOException e) {
            return -1;
        }
        Thread.interrupted();
        return -1;
    }

    /** The text as screen rows: long lines wrapped at the terminal width. */
    static List<String> rows(String text, int width) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty()) out.add(line);
            for (int i = 0; i < line.length(); i += width) out.add(line.substring(i, Math.min(line.length(), i + width)));
        }
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty() && text.endsWith("\n")) out.remove(out.size() - 1);
        return out;
    }
}
