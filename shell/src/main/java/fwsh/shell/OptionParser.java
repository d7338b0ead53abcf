package fwsh.shell;

import fwsh.base.ArgumentException;
import fwsh.channel.Scope;
import fwsh.channel.Transport;

import java.nio.file.Path;
import java.util.List;

/**
 * Parses fwsh's command line. Options come first; the first non-option argument names the script and
 * everything after it belongs to the script (so a script's own {@code --port 1} is never taken for ours).
 * Values are given as {@code --opt VALUE} or {@code --opt=VALUE}; {@code --emulate} takes an optional
 * {@code =PROFILE} only, so {@code fwsh --emulate x.groovy} runs x.groovy.
 */
public final class OptionParser {
    public static final String USAGE = String.join("\n",
            "usage: fwsh [options]                      interactive shell (on a terminal)",
            "       fwsh [options] FILE.groovy [args...]  run a script; its arguments are in 'args'",
            "       fwsh [options] -e CODE [args...]      evaluate CODE and print its result",
            "       ... | fwsh [options]                  evaluate code read from stdin",
            "       fwsh pack new NAME [DIR]              scaffold a script pack",
            "       fwsh test PACK_DIR [options]          run a pack's Spock specs (fwsh test --help)",
            "       fwsh test --standard [options]        run the specs of the standard pack shipped with fwsh",
            "options:",
            "  --device DEV           device to use: index, PCI address, netdev/RDMA name or node path",
            "  --emulate[=PROFILE]    use the emulated ConnectX only",
            "  --transport T          fwctl or mlx5ctl: restrict hardware discovery to one kernel interface",
            "  --scope CEILING        highest scope scripts may use: configuration, debug-read-only (default),",
            "                         debug-write, debug-write-full",
            "  --journal PATH         where state-changing RPCs are journaled",
            "  --format F             table (default), json or csv",
            "  --no-color             plain output (also when NO_COLOR is set)",
            "  --init FILE            evaluate FILE in the session first",
            "  --record FILE          record every RPC of the session to FILE (JSON lines; FILE.1... for more devices)",
            "  --replay FILE          serve a recording back as the device instead of hardware or the emulator",
            "  --replay-mode M        matched (default: answer any recorded identical request) or ordered (strict)",
            "  --list-scripts         list the standard pack's scripts with their purpose and exit",
            "  --verbose              stack traces for errors, discovery details",
            "  --version              print the version and exit",
            "  --help                 print this help and exit",
            "exit status: 0 success, 1 script or device error, 2 usage error, 3 a check failed (a script's exitCode),",
            "             130 interrupted");

    private OptionParser() {
    }

    public static Options parse(String[] argv) {
        Options o = new Options();
        int i = 0;
        while (i < argv.length) {
            String a = argv[i];
            if (a.equals("--")) {
                i++;
                break;
            }
            if (!a.startsWith("-") || a.equals("-")) break;
            String name = a;
            String inline = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                inline = a.substring(eq + 1);
            }
            i++;
            switch (name) {
                case "--help", "-h" -> o.help = flag(name, inline, true);
                case "--version", "-V" -> o.version = flag(name, inline, true);
                case "--verbose", "-v" -> o.verbose = flag(name, inline, true);
                case "--no-color" -> o.noColor = flag(name, inline, true);
                case "--list-scripts" -> o.listScripts = flag(name, inline, true);
                case "--emulate" -> {
                    o.emulate = true;
                    if (inline != null) {
                        if (inline.isBlank()) throw new UsageException("--emulate= needs a profile name");
                        o.emulateProfile = inline;
                    }
                }
                case "--device", "--transport", "--scope", "--journal", "--format", "--init", "--record", "--replay",
                     "--replay-mode", "-e" -> {
                    String v = inline;
                    if (v == null) {
                        if (i >= argv.length) throw new UsageException(name + " needs a value");
                        v = argv[i++];
                    }
                    value(o, name, v);
                }
                default -> throw new UsageException("unknown option '" + a + "'");
            }
        }
        if (o.code == null && i < argv.length) o.script = Path.of(argv[i++]);
        o.args.addAll(List.of(argv).subList(i, argv.length));
        return o;
    }

    private static boolean flag(String name, String inline, boolean v) {
        if (inline != null) throw new UsageException(name + " takes no value");
        return v;
    }

    private static void value(Options o, String name, String v) {
        switch (name) {
            case "--device" -> o.device = nonBlank(name, v);
            case "--transport" -> o.transport = transport(v);
            case "--scope" -> o.ceiling = scope(v);
            case "--journal" -> o.journal = Path.of(nonBlank(name, v));
            case "--format" -> o.format = Format.parse(v);
            case "--init" -> o.init = Path.of(nonBlank(name, v));
            case "--record" -> o.record = Path.of(nonBlank(name, v));
            case "--replay" -> o.replay = Path.of(nonBlank(name, v));
            case "--replay-mode" -> {
                if (!v.equals("matched") && !v.equals("ordered")) {
                    throw new UsageException("unknown replay mode '" + v + "'; use matched or ordered");
                }
                o.replayMode = v;
            }
            case "-e" -> o.code = v;
            default -> throw new IllegalStateException(name);
        }
    }

    private static String nonBlank(String name, String v) {
        if (v.isBlank()) throw new UsageException(name + " needs a non-empty value");
        return v;
    }

    private static Transport transport(String v) {
        if (v.equals("fwctl")) return Transport.FWCTL;
        if (v.equals("mlx5ctl")) return Transport.MLX5CTL;
        throw new UsageException("unknown transport '" + v + "'; use fwctl or mlx5ctl");
    }

    private static Scope scope(String v) {
        try {
            return Scope.parse(v);
        } catch (ArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
