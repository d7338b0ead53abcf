package fwsh.shell.pack;

import java.util.List;

/** What one pack script run produced: its printed text, its return value and its exitCode (0 when unset). */
public final class ScriptResult {
    private final String out;
    private final Object result;
    private final int exitCode;

    private final String err;

    public ScriptResult(String out, Object result, int exitCode) {
        this(out, result, exitCode, "");
    }

    /** @param err what the shell would print on stderr for this run: a bad argument's line */
    public ScriptResult(String out, Object result, int exitCode, String err) {
        this.out = out;
        this.result = result;
        this.exitCode = exitCode;
        this.err = err;
    }

    /** The line a bad argument gives ("x.groovy: unknown option '--bogus'; try x.groovy --help"), else empty. */
    public String getErr() {
        return err;
    }

    public String getOut() {
        return out;
    }

    public List<String> getLines() {
        return out.lines().toList();
    }

    public Object getResult() {
        return result;
    }

    public int getExitCode() {
        return exitCode;
    }

    @Override
    public String toString() {
        return "exitCode " + exitCode + ", result " + result + (err.isEmpty() ? "" : ", err: " + err.strip()) + ", out:\n" + out;
    }
}
