package fwsh.shell.cli;

import fwsh.wire.DidYouMean;
import picocli.CommandLine;
import picocli.CommandLine.MaxValuesExceededException;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a command-line mistake is shown: one line naming the option or word and what to do (a "did you mean"
 * for a typo), then {@code Try 'fwsh --help' for more information.}; exit status 2.
 */
public final class UsageErrors {
    /** picocli's words for a flag given a value: "option '--verbose' should be specified without 'yes' parameter". */
    private static final Pattern FLAG_WITH_VALUE = Pattern.compile("option '([^']+)' should be specified without");

    private UsageErrors() {
    }

    /** Prints the mistake for {@code command} ("fwsh", "fwsh test") and returns the usage exit status. */
    public static int print(CommandLine command, String message, PrintWriter err) {
        String name = command.getCommandSpec().qualifiedName();
        err.println(name + ": " + message);
        err.println("Try '" + name + " --help' for more information.");
        err.flush();
        return ExitCode.USAGE;
    }

    /** The one line for a parse error picocli found. */
    public static String describe(ParameterException e) {
        CommandLine command = e.getCommandLine();
        if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String word = u.getUnmatched().get(0);
            if (u.isUnknownOption()) {
                String option = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
                return "unknown option '" + option + "'" + (option.startsWith("--") ? didYouMean(option, longNames(command)) : "");
            }
            if (!command.getSubcommands().isEmpty()) {
                String hint = didYouMean(word, command.getSubcommands().keySet());
                return "unknown subcommand '" + word + "'" + (hint.isEmpty() ? "; use " + String.join(", ", command.getSubcommands().keySet()) : hint);
            }
            List<String> takes = command.getCommandSpec().positionalParameters().stream().map(ArgSpec::paramLabel).toList();
            return "unexpected argument '" + word + "'" + (takes.isEmpty() ? "" : " (it takes " + String.join(" ", takes) + ")");
        }
        ArgSpec arg = e.getArgSpec();
        if (e instanceof MissingParameterException m && !m.getMissing().isEmpty()) {
            ArgSpec missing = m.getMissing().get(0);
            return missing.isOption() ? name(missing) + " needs a value (" + missing.paramLabel() + ")" : "missing " + missing.paramLabel();
        }
        if (e instanceof OverwrittenOptionException o) return name(o.getOverwritten()) + " is given more than once; give it once";
        if (e instanceof MaxValuesExceededException) {
            Matcher flag = FLAG_WITH_VALUE.matcher(String.valueOf(e.getMessage()));
            if (flag.find()) return flag.group(1) + " takes no value";
        }
        if (e.getCause() instanceof TypeConversionException && arg != null) return name(arg) + ": " + e.getCause().getMessage();
        return e.getMessage();
    }

    /** "; did you mean '--emulate'?" for the candidates close to {@code word}, or nothing. */
    public static String didYouMean(String word, Collection<String> candidates) {
        return didYouMean(DidYouMean.suggest(word, candidates));
    }

    public static String didYouMean(List<String> close) {
        return close.isEmpty() ? "" : "; did you mean '" + String.join("' or '", close) + "'?";
    }

    private static List<String> longNames(CommandLine command) {
        List<String> names = new ArrayList<>();
        for (OptionSpec o : command.getCommandSpec().options()) {
            if (o.hidden()) continue;
            for (String n : o.names()) if (n.startsWith("--")) names.add(n);
        }
        return names;
    }

    /** "--device", "-e/--eval": every name, as the user may have typed any. */
    private static String name(ArgSpec arg) {
        return arg instanceof OptionSpec o ? String.join("/", o.names()) : arg.paramLabel();
    }
}
