package fwsh.shell;

import fwsh.channel.Scope;
import fwsh.channel.Transport;
import fwsh.shell.cli.Converters;
import fwsh.shell.cli.DeviceSourceOptions;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Stack;

/**
 * What fwsh's command line asked for: the options of the fwsh command, filled by picocli (see
 * {@link FwshCommand}); every field has a usable default, so {@code new Options()} is a plain session.
 * The first word that is not an option names the script and everything after it (or after -e CODE) is the
 * script's own, even words that look like options.
 */
public final class Options {
    @Option(names = "--device", paramLabel = "DEV", order = 1, converter = Converters.NonBlank.class,
            description = "which device is 'dev': index, name, PCI address (0000:3b:00.0 or 3b:00.0), netdev or RDMA name, node path")
    public String device;

    @Mixin
    public final DeviceSourceOptions source = new DeviceSourceOptions();

    @Option(names = "--transport", paramLabel = "T", order = 5, converter = Converters.TransportValue.class,
            completionCandidates = Converters.TransportNames.class,
            description = "fwctl or mlx5ctl: use only devices of this kernel interface")
    public Transport transport;

    @Option(names = "--scope", paramLabel = "CEILING", order = 6, converter = Converters.ScopeValue.class,
            completionCandidates = Converters.ScopeNames.class,
            description = "the highest scope scripts may raise to: debug-read-only (default), configuration, debug-write, debug-write-full")
    public Scope ceiling;

    @Option(names = "--journal", paramLabel = "PATH", order = 7, converter = Converters.NonBlankPath.class,
            description = "the write journal (default $XDG_STATE_HOME/fwsh/journal.jsonl)")
    public Path journal;

    @Option(names = "--record", paramLabel = "FILE", order = 8, converter = Converters.NonBlankPath.class,
            description = "record every RPC of the session (one file per device: FILE, FILE.1 ...)")
    public Path record;

    @Option(names = "--format", paramLabel = "F", order = 9, converter = Format.Value.class, completionCandidates = Format.Names.class,
            description = "how results print: table (default), json (jq-friendly) or csv")
    public Format format;

    @Option(names = "--no-color", order = 10, arity = "0", description = "plain output (also when NO_COLOR is set)")
    public boolean noColor;

    /** --init FILE: evaluated in the session before anything else (REPL set-up, test fixtures). */
    @Option(names = "--init", paramLabel = "FILE", order = 11, converter = Converters.NonBlankPath.class,
            description = "evaluate FILE in the session first")
    public Path init;

    @Option(names = "--list-scripts", order = 12, arity = "0", description = "list the standard pack's scripts with their purpose and exit")
    public boolean listScripts;

    @Option(names = {"-v", "--verbose"}, order = 13, arity = "0", description = "stack traces for errors; the session's devices on stderr")
    public boolean verbose;

    @Option(names = {"-V", "--version"}, order = 14, arity = "0", versionHelp = true, description = "print the version and exit")
    public boolean version;

    @Option(names = {"-h", "--help"}, order = 15, arity = "0", usageHelp = true, description = "print this help and exit")
    public boolean help;

    /** -e CODE: evaluate this instead of a file or stdin; the words after it are its args. */
    @Option(names = {"-e", "--eval"}, paramLabel = "CODE", order = 0, parameterConsumer = CodeThenArgs.class,
            description = "evaluate CODE and print its result; the words after CODE are its 'args'")
    public String code;

    /** The script file (first word that is not an option). */
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE.groovy",
            description = "a script to run, or the name of a standard-pack script (--list-scripts)")
    public Path script;

    /** The words after the script name or after -e CODE, untouched. */
    @Parameters(index = "1..*", paramLabel = "ARGS", description = "the script's arguments (its 'args'), passed as they are")
    public final List<String> args = new ArrayList<>();

    /** -e takes CODE and, as a script name does, every word after it as the code's args. */
    public static final class CodeThenArgs implements IParameterConsumer {
        @Override
        public void consumeParameters(Stack<String> words, ArgSpec option, CommandSpec command) {
            if (words.isEmpty()) throw new MissingParameterException(command.commandLine(), option, "-e needs CODE");
            option.setValue(words.pop());
            List<String> args = ((FwshCommand) command.userObject()).options.args;
            while (!words.isEmpty()) args.add(words.pop());
        }
    }
}
