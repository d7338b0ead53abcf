package fwsh.replay;

import fwsh.base.ArgumentException;

/** How {@link ReplayChannel} picks the recorded answer for a request. */
public enum ReplayMode {
    /**
     * Strict: each request must be the next recorded one (opcode, op_mod, input bytes except the uid
     * at bytes 2–3, output length); anything else is a {@link ReplayMismatchException}. Umem
     * registrations take part in the order; unregistrations are not checked.
     */
    ORDERED,
    /**
     * By content: any recorded request with the same bytes is answered. Repeated identical requests
     * get their recorded answers in recorded order; once those are used up the last one is repeated.
     * Records sent at the same scope as the request are preferred.
     */
    MATCHED;

    /** Accepts "ordered"/"matched" in any case. */
    public static ReplayMode parse(String text) {
        for (ReplayMode m : values()) if (m.name().equalsIgnoreCase(text.trim())) return m;
        throw new ArgumentException("unknown replay mode '" + text + "'; use ordered or matched");
    }
}
