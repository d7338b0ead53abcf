package fwsh.shell.pack;

import fwsh.shell.UsageException;

import java.io.PrintStream;
import java.nio.file.Path;

/** The pack subcommands: {@code fwsh pack new NAME [DIR]} and {@code fwsh test PACK_DIR [options]}. */
public final class PackCommand {
    public static final String PACK_USAGE = "usage: fwsh pack new NAME [DIR]     scaffold a pack (manifest, example script, example spec) in DIR (default ./NAME)";

    private PackCommand() {
    }

    /** Whether argv is a pack subcommand (its first word is "test" or "pack"). */
    public static boolean handles(String[] argv) {
        return argv.length > 0 && (argv[0].equals("test") || argv[0].equals("pack"));
    }

    public static int run(String[] argv, PrintStream out, PrintStream err) {
        String command = argv[0];
        try {
            if (command.equals("test")) {
                PackTestOptions o = PackTestOptions.parse(argv, 1);
                if (o.help) {
                    out.println(PackTestOptions.USAGE);
                    return 0;
                }
                return new PackTestRunner(o, out, err).run();
            }
            if (argv.length >= 2 && argv[1].equals("--help")) {
                out.println(PACK_USAGE);
                return 0;
            }
            if (argv.length < 3 || !argv[1].equals("new")) throw new UsageException("fwsh pack needs 'new NAME [DIR]'");
            if (argv.length > 4) throw new UsageException("fwsh pack new takes NAME and an optional DIR; also got '" + argv[4] + "'");
            String name = argv[2];
            Path dir = argv.length == 4 ? Path.of(argv[3]) : Path.of(name);
            PackScaffold.create(name, dir);
            out.println("created pack '" + name + "' in " + dir);
            out.println("run its specs with: fwsh test " + dir);
            return 0;
        } catch (UsageException e) {
            err.println("fwsh " + command + ": " + e.getMessage());
            err.println("Try 'fwsh " + command + " --help' for more information.");
            return 2;
        }
    }
}
