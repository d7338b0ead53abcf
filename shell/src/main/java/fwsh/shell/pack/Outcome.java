package fwsh.shell.pack;

/** One feature (or iteration) of a spec as it ended; a spec-level failure is an outcome of its own. */
record Outcome(String specClass, String name, Status status, Throwable failure, double seconds, String skipReason) {
    enum Status { PASSED, FAILED, SKIPPED }
}
