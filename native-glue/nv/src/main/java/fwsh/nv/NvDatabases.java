package fwsh.nv;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Which parameter definitions a session uses: the mstflint database a user names ({@code FWSH_MLXCONFIG_DB} or
 * {@code -Dfwsh.nv.db}), else the one mstflint installs, else the built-in list. Specs see the built-in list unless
 * they name a file ({@code -Dfwsh.catalog.noSystem=true} or {@code -Dfwsh.nv.noSystem=true}).
 */
public final class NvDatabases {
    public static final String ENV = "FWSH_MLXCONFIG_DB";
    /** Where mstflint's packages put the host database. */
    public static final List<Path> INSTALLED = List.of(
            Path.of("/usr/share/mstflint/mlxconfig_dbs/mlxconfig_host.db"),
            Path.of("/usr/local/share/mstflint/mlxconfig_dbs/mlxconfig_host.db"));
    private static final ConcurrentHashMap<Path, NvDatabase> READ = new ConcurrentHashMap<>();

    private NvDatabases() {
    }

    /** The database for this process; {@code notes} hears why a named or installed one could not be used. */
    public static NvDatabase load(Consumer<String> notes) {
        String named = System.getenv(ENV);
        String prop = System.getProperty("fwsh.nv.db");
        if (prop != null && !prop.isBlank()) named = prop;
        if (named != null && !named.isBlank()) return open(Path.of(named.trim()));
        if (!Boolean.getBoolean("fwsh.nv.noSystem") && !Boolean.getBoolean("fwsh.catalog.noSystem")) {
            Path installed = installed();
            if (installed != null) {
                try {
                    return open(installed);
                } catch (NvException | LinkageError e) {
                    notes.accept("nv: " + e.getMessage() + "; using the built-in parameter list");
                }
            }
        }
        return BuiltinDatabase.get();
    }

    /** mstflint's installed host database, or null. */
    public static Path installed() {
        for (Path p : INSTALLED) if (Files.isRegularFile(p)) return p;
        return null;
    }

    /** A named database file (read once per process). */
    public static NvDatabase open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new NvException("no mstflint parameter database at " + file + " (from " + ENV + " or -Dfwsh.nv.db); fix the path or unset it");
        }
        return READ.computeIfAbsent(file.toAbsolutePath().normalize(), MstflintDatabase::read);
    }
}
