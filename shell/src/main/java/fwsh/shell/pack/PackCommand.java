package fwsh.shell.pack;

import fwsh.shell.cli.Streams;
import fwsh.shell.cli.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code fwsh pack new NAME [DIR]}: the pack subcommands (one so far). */
@Command(name = "pack", description = "Script packs: 'fwsh pack new NAME [DIR]' scaffolds one.",
        synopsisSubcommandLabel = "new NAME [DIR]", commandListHeading = "%nCommands:%n", optionListHeading = "%nOptions:%n")
public final class PackCommand implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help and exit")
    boolean help;

    private final Streams io;

    public PackCommand(Streams io) {
        this.io = io;
    }

    /** "fwsh pack" alone. */
    @Override
    public Integer call() {
        throw new UsageException("fwsh pack needs 'new NAME [DIR]'");
    }

    @Command(name = "new", description = "Scaffolds a script pack in DIR (default ./NAME): a manifest, an example script"
            + " and an example Spock spec that 'fwsh test DIR' passes as they are.",
            parameterListHeading = "%nParameters:%n", optionListHeading = "%nOptions:%n")
    int create(@Parameters(index = "0", paramLabel = "NAME", description = "the pack's name: lower-case letters, digits, '.', '_', '-'") String name,
               @Parameters(index = "1", arity = "0..1", paramLabel = "DIR", description = "where to create it (default ./NAME)") Path dir,
               @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help and exit") boolean help) {
        Path target = dir != null ? dir : Path.of(name);
        PackScaffold.create(name, target);
        io.out().println("created pack '" + name + "' in " + target);
        io.out().println("run its specs with: fwsh test " + target);
        return 0;
    }
}
