package fwsh.dsl.dump;

import fwsh.base.FwshException;

/** A resource dump went wrong: the device lost the sequence, reported an ERROR segment, or sent a malformed stream. */
public class ResourceDumpException extends FwshException {
    private final transient DumpResult partial;

    public ResourceDumpException(String message, DumpResult partial) {
        super(message);
        this.partial = partial;
    }

    /** What was parsed before the error (ERROR segments included), or null when nothing was. */
    public DumpResult getPartial() {
        return partial;
    }
}
