package fwsh.dsl;

import groovy.cli.picocli.CliBuilder;
import groovy.cli.picocli.OptionAccessor;
import groovy.lang.Closure;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/**
 * A script's command line, parsed by Groovy's CliBuilder (picocli): the script declares its options in a
 * closure ({@code _(longOpt: 'port', args: 1, type: Integer, defaultValue: '1', 'local port')}), and every
 * script gets the same {@code --help} (its header, then the options) and the same answer to a bad argument:
 * one line naming it and "try --help" (the shell prints it on stderr), and exit status 2. Both end the script through {@link ScriptExit},
 * so a batch run exits with that status and a pack spec sees it as {@code exitCode}.
 */
public final class ScriptArguments {
    /** The status of a bad argument, as for fwsh's own options. */
    public static final int EXIT_USAGE = 2;

    private ScriptArguments() {
    }

    /**
     * @param settings {@code positional}: how many words that are not options the script takes (default 0;
     *                 {@code true} for any number); {@code include}: a shared option set declared before the
     *                 script's own (e.g. {@code traceOptions()})
     */
    static OptionAccessor parse(FwshScript script, String name, String[] args, Map<String, ?> settings, Closure<?> declare) {
        StringWriter messages = new StringWriter();
        PrintWriter w = new PrintWriter(messages, true);
        CliBuilder cli = new CliBuilder();
        cli.setName(name);
        cli.setWriter(w);
        cli.setErrorWriter(w);
        cli.setStopAtNonOption(false); // options may follow positional words: FILE --json
        cli.invokeMethod("h", new Object[]{new java.util.HashMap<>(Map.of("longOpt", "help")), "print what the script does and its options"});
        Object include = settings == null ? null : settings.get("include");
        if (include instanceof List<?> shared && shared.stream().allMatch(o -> o instanceof Map)) {
            for (Object o : shared) declareShared(cli, (Map<?, ?>) o);
        } else if (include != null) {
            throw new fwsh.base.ArgumentException("parseArgs include: takes a shared option set such as traceOptions(), not " + include);
        }
        if (declare != null) {
            declare.setDelegate(cli);
            declare.setResolveStrategy(Closure.DELEGATE_FIRST);
            declare.call();
        }
        OptionAccessor o = cli.parse(args == null ? new String[0] : args);
        if (o == null) throw usage(name, firstLine(messages.toString()));
        if (Boolean.TRUE.equals(org.codehaus.groovy.runtime.InvokerHelper.getProperty(o, "h"))) {
            StringWriter usage = new StringWriter();
            cli.setWriter(new PrintWriter(usage, true));
            cli.usage();
            script.print(script.scriptHeader() + "\n" + usage);
            throw new ScriptExit(0);
        }
        List<String> words = o.arguments();
        Object positional = settings == null ? null : settings.get("positional");
        int allowed = Boolean.TRUE.equals(positional) ? Integer.MAX_VALUE : positional instanceof Number n ? n.intValue() : 0;
        for (String word : words) {
            if (word.matches("--?[A-Za-z].*")) throw usage(name, "unknown option '" + word + "'");
        }
        if (words.size() > allowed) throw usage(name, "unexpected argument '" + words.get(allowed) + "'");
        return o;
    }

    /** One option of a shared set ({@code include:}): a CliBuilder declaration whose text is under "description". */
    private static void declareShared(CliBuilder cli, Map<?, ?> option) {
        Map<Object, Object> declaration = new java.util.HashMap<>(option);
        Object description = declaration.remove("description");
        cli.invokeMethod("_", new Object[]{declaration, String.valueOf(description)});
    }

    /** Ends the script with status 2 and the line "NAME: what; try NAME --help", which the shell prints on stderr. */
    static ScriptExit usage(String name, String what) {
        return new ScriptExit(EXIT_USAGE, name + ": " + what + "; try " + name + " --help");
    }

    /** picocli's message without its "error: " prefix and the usage text after it. */
    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("bad arguments");
        if (line.startsWith("error: ")) line = line.substring("error: ".length());
        return line.replaceFirst("^Unknown options?: ", "unknown option ");
    }
}
