package fwsh.dsl;

/**
 * What {@code System.exit(n)} in script code becomes (see {@link SystemExitCustomizer}): it unwinds the script
 * like an exception, so finally blocks run and the session still releases the device, and the shell decides
 * what the exit means (a batch run ends with status n after the session closes; the REPL stays). An Error, so
 * a script's {@code catch (e)} (Exception) does not swallow it.
 */
public final class ScriptExit extends Error {
    private final int status;

    public ScriptExit(int status) {
        super("System.exit(" + status + ") in script code", null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** Called where script code said {@code System.exit(status)}. */
    public static void exit(int status) {
        throw new ScriptExit(status);
    }
}
