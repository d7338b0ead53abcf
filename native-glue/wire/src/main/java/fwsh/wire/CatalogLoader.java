package fwsh.wire;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the catalog fwsh uses: the built-in one merged with user files found automatically.
 * Searched, in order (later wins; installed system files only add what the built-ins lack): mstflint's installed ADB ({@code /usr/share/mstflint/prm_dbs/hca/ext/register_access_table.adb}),
 * the kernel header when asked for ({@code FWSH_IMPORT_KERNEL_IFC=1} or property {@code fwsh.catalog.kernelIfc=true}:
 * {@code /usr/src/linux-headers-*}{@code /include/linux/mlx5/mlx5_ifc.h}), {@code ~/.config/fwsh/catalog/},
 * then each entry of {@code FWSH_CATALOG_PATH} and of the system property {@code fwsh.catalog.path}
 * (path-separated files or directories). Files: {@code *.prm} (layout language), {@code *.h} (mlx5_ifc.h style), {@code *.adb}.
 */
public final class CatalogLoader {
    public static final String ENV_PATH = "FWSH_CATALOG_PATH";
    public static final String PROP_PATH = "fwsh.catalog.path";
    public static final String ENV_KERNEL = "FWSH_IMPORT_KERNEL_IFC";
    public static final String PROP_KERNEL = "fwsh.catalog.kernelIfc";
    public static final String PROP_NO_SYSTEM = "fwsh.catalog.noSystem";
    static final Path MSTFLINT_ADB = Path.of("/usr/share/mstflint/prm_dbs/hca/ext/register_access_table.adb");

    private final Map<String, String> env;
    private final List<Path> loaded = new ArrayList<>();

    public CatalogLoader() {
        this(System.getenv());
    }

    public CatalogLoader(Map<String, String> env) {
        this.env = env;
    }

    /** The built-in catalog merged with every user file found; notes say what was loaded and replaced. */
    public Catalog load() {
        return load(Catalog.builtin());
    }

    public Catalog load(Catalog base) {
        Catalog c = base;
        for (Path p : candidates()) c = isSystemFile(p) ? c.mergeMissing(importFile(p)) : c.merge(importFile(p));
        return c;
    }

    /** Files that {@link #load()} would import, in order. */
    public List<Path> candidates() {
        List<Path> out = new ArrayList<>();
        boolean system = !Boolean.getBoolean(PROP_NO_SYSTEM);
        if (system && Files.isRegularFile(MSTFLINT_ADB)) out.add(MSTFLINT_ADB);
        if (system && (truthy(env.get(ENV_KERNEL)) || Boolean.getBoolean(PROP_KERNEL))) {
            Path k = kernelHeader();
            if (k != null) out.add(k);
        }
        String home = System.getProperty("user.home");
        if (home != null) addDir(Path.of(home, ".config", "fwsh", "catalog"), out);
        for (String spec : new String[]{env.get(ENV_PATH), System.getProperty(PROP_PATH)}) {
            if (spec == null || spec.isBlank()) continue;
            for (String part : spec.split(java.io.File.pathSeparator)) {
                if (part.isBlank()) continue;
                Path p = Path.of(part.trim());
                if (Files.isDirectory(p)) addDir(p, out);
                else if (Files.isRegularFile(p)) out.add(p);
                else throw new WireException(ENV_PATH + "/" + PROP_PATH + " names " + p + ", which does not exist");
            }
        }
        return out;
    }

    /** Installed files (not the user's own) only add definitions; see Catalog.mergeMissing. */
    static boolean isSystemFile(Path p) {
        return p.equals(MSTFLINT_ADB) || p.startsWith("/usr/src");
    }

    /** The newest installed kernel header mlx5_ifc.h, or null. */
    public static Path kernelHeader() {
        Path src = Path.of("/usr/src");
        if (!Files.isDirectory(src)) return null;
        Path best = null;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(src, "linux-headers-*")) {
            for (Path d : ds) {
                Path h = d.resolve("include/linux/mlx5/mlx5_ifc.h");
                if (Files.isRegularFile(h) && (best == null || h.toString().compareTo(best.toString()) > 0)) best = h;
            }
        } catch (IOException e) {
            return null;
        }
        return best;
    }

    /** Imports one file by its extension. */
    public static Catalog importFile(Path p) {
        String n = p.getFileName().toString();
        try {
            if (n.endsWith(".adb") || n.endsWith(".xml")) return AdbImporter.parse(p);
            if (n.endsWith(".h")) return Mlx5IfcImporter.parse(p);
            return Catalog.parse(Files.readString(p), n);
        } catch (IOException e) {
            throw new WireException("cannot read catalog file " + p + ": " + e.getMessage(), e);
        }
    }

    private static void addDir(Path dir, List<Path> out) {
        if (!Files.isDirectory(dir)) return;
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.{prm,h,adb}")) {
            ds.forEach(files::add);
        } catch (IOException e) {
            throw new WireException("cannot list catalog directory " + dir + ": " + e.getMessage(), e);
        }
        files.sort(null);
        out.addAll(files);
    }

    private static boolean truthy(String s) {
        return s != null && (s.equals("1") || s.equalsIgnoreCase("true") || s.equalsIgnoreCase("yes"));
    }
}
