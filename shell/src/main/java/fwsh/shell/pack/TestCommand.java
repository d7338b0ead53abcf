package fwsh.shell.pack;

import fwsh.dsl.engine.Privilege;
import fwsh.shell.cli.Converters;
import fwsh.shell.cli.DeviceSourceOptions;
import fwsh.shell.cli.Streams;
import fwsh.shell.cli.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code fwsh test PACK_DIR|--standard [OPTIONS]}: options in any order; runs {@link PackTestRunner}. */
@Command(name = "test", sortOptions = false,
        description = {"Compiles a pack's scripts and Spock specs and runs the specs, on the emulated ConnectX"
                + " (or a recording), with no build tool; prints one line per failure and 'N passed, N failed'."},
        customSynopsis = {
                "fwsh test PACK_DIR [OPTIONS]     run a pack's specs",
                "       fwsh test --standard [OPTIONS]   run the standard pack's specs (shipped with fwsh)"},
        parameterListHeading = "%nParameters:%n", optionListHeading = "%nOptions:%n",
        footerHeading = "%nExit status:%n",
        footer = {"  0 all specs passed, 1 a spec failed,", "  2 usage error (no pack, bad manifest, compile error)"})
public final class TestCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "PACK_DIR", description = "the pack folder (pack.properties, scripts/, specs/)")
    public Path packDir;

    @Option(names = "--standard", order = 1, arity = "0",
            description = "the standard pack (device/, link/, counters/, ... scripts); all its features run with"
                    + " --scope debug-write, fewer (the rest skipped) with less")
    public boolean standard;

    @Mixin
    public final DeviceSourceOptions source = new DeviceSourceOptions();

    @Option(names = "--scope", paramLabel = "CEILING", order = 5, converter = Converters.PrivilegeValue.class,
            completionCandidates = Converters.ScopeNames.class,
            description = "the highest scope granted (default debug-read-only); scripts get the lower of this and the manifest's scope")
    public Privilege ceiling;

    @Option(names = "--junit-xml", paramLabel = "DIR", order = 6, converter = Converters.NonBlankPath.class,
            description = "where TEST-*.xml files go (default PACK_DIR/test-results; with --standard, none unless given)")
    public Path junitXml;

    @Option(names = {"-h", "--help"}, order = 7, arity = "0", usageHelp = true, description = "print this help and exit")
    public boolean help;

    private final Streams io;

    public TestCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        source.check();
        if (standard && packDir != null) throw new UsageException("use PACK_DIR or --standard, not both; got '" + packDir + "'");
        if (packDir == null && !standard) throw new UsageException("fwsh test needs a PACK_DIR (or --standard for the pack shipped with fwsh)");
        return new PackTestRunner(this, io.out(), io.err()).run();
    }
}
