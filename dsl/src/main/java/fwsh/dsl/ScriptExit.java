package fwsh.dsl;

/**
 * What {@code System.exit(n)} in script code becomes (see {@link SystemExitCustomizer}): it unwinds the script
 * like an exception, so finally blocks run and the session still releases the device, and the shell decides
 * what the exit means (a batch run ends with status n after the session closes; the REPL stays). An Error, so
 * a script's {@code catch (e)} (Exception) does not swallow it.
 */
public final class ScriptExit extends Error {
    private final int status;
    private final String usage;

    public ScriptExit(int status) {
        this(status, null);
    }

    /** @param usage the one line a bad script argument prints on stderr (see {@link ScriptArguments}), or null */
    public ScriptExit(int status, String usage) {
        super(usage != null ? usage : "System.exit(" + status + ") in script code", null, false, false);
        this.status = status;
        this.usage = usage;
    }

    public int status() {
        return status;
    }

    /** The line to print on stderr when the script ended on a bad argument; null for System.exit. */
    public String usage() {
        return usage;
    }

    /** Called where script code said {@code System.exit(status)}. */
    public static void exit(int status) {
        throw new ScriptExit(status);
    }
}
