package fwsh.dsl;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The sessions open in this JVM, and the shutdown hook that closes them when the JVM ends with them still open:
 * SIGTERM and SIGHUP (the JVM runs its shutdown hooks on both), System.exit from anywhere, a second Ctrl-C. Closing a
 * session stops the tracer and releases its ownership, mkey, PD and umem. The hook waits a bounded time, since a
 * kernel RPC can hang, and then lets the JVM go.
 */
final class OpenSessions {
    static final Duration BOUND = Duration.ofSeconds(5);
    private static final Set<Session> OPEN = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOKED = new AtomicBoolean();

    private OpenSessions() {
    }

    static void add(Session s) {
        if (HOOKED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(OpenSessions::closeAll, "fwsh-shutdown"));
        }
        OPEN.add(s);
    }

    static void remove(Session s) {
        OPEN.remove(s);
    }

    /** Closes every open session on a helper thread and waits for it at most {@link #BOUND}. */
    static void closeAll() {
        if (OPEN.isEmpty()) return;
        Thread worker = new Thread(() -> {
            for (Session s : List.copyOf(OPEN)) {
                try {
                    s.close();
                } catch (RuntimeException ignored) {
                    // the JVM is ending: release what can be released, report nothing that cannot be acted on
                }
            }
        }, "fwsh-shutdown-close");
        worker.setDaemon(true);
        worker.start();
        try {
            worker.join(BOUND.toMillis());
        } catch (InterruptedException ignored) {
            // the JVM is ending anyway
        }
        if (worker.isAlive()) {
            System.err.println("fwsh: releasing the devices did not finish within " + BOUND.toSeconds()
                    + " s (a device is not answering); exiting without waiting longer");
        }
    }
}
