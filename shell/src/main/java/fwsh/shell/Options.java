package fwsh.shell;

import fwsh.channel.Scope;
import fwsh.channel.Transport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the command line asked for. Filled by {@link OptionParser}; every field has a usable default. */
public final class Options {
    public String device;
    public boolean emulate;
    public String emulateProfile;
    public Transport transport;
    public Scope ceiling;
    public Path journal;
    public Format format;
    public boolean noColor;
    public boolean verbose;
    public boolean version;
    public boolean help;
    /** -e CODE: evaluate this instead of a file or stdin. */
    public String code;
    /** --init FILE: evaluated in the session before anything else (REPL set-up, test fixtures). */
    public Path init;
    /** --record FILE / --replay FILE / --replay-mode matched|ordered. */
    public Path record;
    public Path replay;
    public String replayMode;
    public boolean listScripts;
    /** The script file (first non-option argument) and the arguments after it. */
    public Path script;
    public final List<String> args = new ArrayList<>();
}
