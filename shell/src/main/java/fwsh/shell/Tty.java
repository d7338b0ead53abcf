package fwsh.shell;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether fwsh talks to a person: stdin and stdout both terminals. Cheap; does not load JLine. */
final class Tty {
    private Tty() {
    }

    static boolean isInteractive() {
        Console c = System.console();
        if (c == null) return false;
        try {
            // Java 22+ returns a Console even when redirected; isTerminal() tells the truth there.
            Method m = Console.class.getMethod("isTerminal");
            return (Boolean) m.invoke(c);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    static boolean colorAllowed(Options o) {
        String noColor = System.getenv("NO_COLOR");
        return !o.noColor && (noColor == null || noColor.isEmpty());
    }
}
