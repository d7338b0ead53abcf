package fwsh.fuzz;

/**
 * The rule every fuzz target enforces: a documented error carries one clear, non-blank line. Anything else
 * thrown (IndexOutOfBounds, NPE, ClassCast, a bare IllegalState...) escapes the target and is a finding.
 */
public final class Clear {
    private Clear() {
    }

    /** Rethrows {@code e} as a finding when its message is missing or blank. */
    public static void check(RuntimeException e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            throw new AssertionError("documented error " + e.getClass().getName() + " without a message", e);
        }
    }
}
