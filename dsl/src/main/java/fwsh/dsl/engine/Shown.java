package fwsh.dsl.engine;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The value a command last printed itself (a tail's or capture's summary line). The shell echoes each result
 * of a command; it asks here first, so the summary a command already printed is not printed twice. The memory
 * is one value, forgotten at the next echo, so showing the same value later (typing its variable) prints it.
 */
public final class Shown {
    private static final AtomicReference<Object> LAST = new AtomicReference<>();

    private Shown() {
    }

    /** Notes that {@code value} was just printed; returns it. */
    public static <T> T printed(T value) {
        LAST.set(value);
        return value;
    }

    /** Whether {@code result} is the value its command already printed; forgets that value either way. */
    public static boolean alreadyPrinted(Object result) {
        Object last = LAST.getAndSet(null);
        return result != null && last == result;
    }
}
