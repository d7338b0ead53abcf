package fwsh.dsl.engine;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Where {@code show()} and {@code help(x)} print: the session's script output, which the REPL pages a screenful
 * at a time, with the terminal's width for wrapping (0 where there is none: a pipe, a file).
 */
public interface Console {
    /** Prints {@code text}, ending it with a newline if it has none. */
    void print(String text);

    /** Columns to fit text into, or 0 for no limit. */
    int width();

    /** Plain printing to {@code out}, no width. */
    static Console of(Appendable out) {
        return new Console() {
            @Override
            public void print(String text) {
                try {
                    out.append(text.endsWith("\n") ? text : text + "\n");
                    if (out instanceof java.io.Flushable f) f.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public int width() {
                return 0;
            }
        };
    }
}
