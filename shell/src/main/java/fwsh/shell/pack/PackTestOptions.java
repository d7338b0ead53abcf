package fwsh.shell.pack;

import fwsh.channel.Scope;
import fwsh.dsl.engine.Privilege;
import fwsh.shell.UsageException;

import java.nio.file.Path;

/** fwsh test's command line: PACK_DIR and options in any order, values as --opt VALUE or --opt=VALUE. */
public final class PackTestOptions {
    public static final String USAGE = String.join("\n",
            "usage: fwsh test PACK_DIR [options]     compile and run a pack's Spock specs (no build tool needed)",
            "       fwsh test --standard [options]   run the specs of the standard pack shipped with fwsh",
            "options:",
            "  --emulate=PROFILE      emulator profile the specs run on (default cx6dx:mlx5ctl)",
            "  --replay FILE          serve this recording (made with fwsh --record FILE) instead of the emulator",
            "  --replay-mode M        matched (default) or ordered",
            "  --scope CEILING        highest scope granted (default debug-read-only); scripts get the lower of this",
            "                         and the pack's manifest scope",
            "  --junit-xml DIR        where TEST-*.xml files go (default PACK_DIR/test-results; with --standard, none",
            "                         unless given)",
            "  --standard             the standard pack (device/, link/, counters/, ... scripts); all its features run",
            "                         with --scope debug-write, fewer (the rest skipped) with less",
            "exit status: 0 all specs passed, 1 a spec failed, 2 usage error (no pack, bad manifest, compile error)");

    public Path packDir;
    public String emulateProfile;
    public Path replay;
    public String replayMode;
    public Privilege ceiling;
    public Path junitXml;
    public boolean help;
    /** --standard: the pack shipped on the class path instead of PACK_DIR. */
    public boolean standard;

    /** Parses the arguments after "test". */
    public static PackTestOptions parse(String[] argv, int from) {
        PackTestOptions o = new PackTestOptions();
        for (int i = from; i < argv.length; i++) {
            String a = argv[i];
            if (!a.startsWith("--")) {
                if (o.packDir != null) throw new UsageException("fwsh test takes one PACK_DIR; also got '" + a + "'");
                o.packDir = Path.of(a);
                continue;
            }
            int eq = a.indexOf('=');
            String name = eq > 0 ? a.substring(0, eq) : a;
            String inline = eq > 0 ? a.substring(eq + 1) : null;
            if (name.equals("--help") || name.equals("--standard")) {
                if (inline != null) throw new UsageException(name + " takes no value; got '" + a + "'");
                if (name.equals("--help")) o.help = true;
                else o.standard = true;
                continue;
            }
            if (!name.equals("--emulate") && !name.equals("--replay") && !name.equals("--replay-mode")
                    && !name.equals("--scope") && !name.equals("--junit-xml")) {
                throw new UsageException("unknown option '" + a + "' for fwsh test");
            }
            String v = inline;
            if (v == null) {
                if (i + 1 >= argv.length) throw new UsageException(name + " needs a value");
                v = argv[++i];
            }
            if (v.isBlank()) throw new UsageException(name + " needs a non-empty value");
            switch (name) {
                case "--emulate" -> o.emulateProfile = v;
                case "--replay" -> o.replay = Path.of(v);
                case "--replay-mode" -> {
                    if (!v.equals("matched") && !v.equals("ordered")) {
                        throw new UsageException("unknown replay mode '" + v + "'; use matched or ordered");
                    }
                    o.replayMode = v;
                }
                case "--scope" -> {
                    try {
                        o.ceiling = Privilege.of(Scope.parse(v));
                    } catch (IllegalArgumentException e) {
                        throw new UsageException(e.getMessage());
                    }
                }
                case "--junit-xml" -> o.junitXml = Path.of(v);
                default -> throw new IllegalStateException(name);
            }
        }
        if (o.help) return o;
        if (o.standard && o.packDir != null) throw new UsageException("use PACK_DIR or --standard, not both; got '" + o.packDir + "'");
        if (o.packDir == null && !o.standard) throw new UsageException("fwsh test needs a PACK_DIR (or --standard for the pack shipped with fwsh)");
        if (o.replay != null && o.emulateProfile != null) throw new UsageException("use --emulate=PROFILE or --replay FILE, not both");
        return o;
    }
}
