package fwsh.shell.pack;

import java.util.List;

/** What one pack script run produced: its printed text, its return value and its exitCode (0 when unset). */
public final class ScriptResult {
    private final String out;
    private final Object result;
    private final int exitCode;

    public ScriptResult(String out, Object result, int exitCode) {
        this.out = out;
        this.result = result;
        this.exitCode = exitCode;
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
        return "exitCode " + exitCode + ", result " + result + ", out:\n" + out;
    }
}
