package fwsh.wire;

import fwsh.base.UserCache;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the catalog fwsh uses: the built-in one merged with user files found automatically.
 * Searched, in order (later wins; installed system files only add what the built-ins lack): mstflint's installed ADB ({@code /usr/share/mstflint/prm_dbs/hca/ext/register_access_table.adb}),
 * the kernel header when asked for ({@code FWSH_IMPORT_KERNEL_IFC=1} or property {@code fwsh.catalog.kernelIfc=true}:
 * {@code /usr/src/linux-headers-*}{@code /include/linux/mlx5/mlx5_ifc.h} and its mlx5_ifc_fpga.h and mlx5_ifc_vdpa.h),
 * {@code ~/.config/fwsh/catalog/},
 * then each entry of {@code FWSH_CATALOG_PATH} and of the system property {@code fwsh.catalog.path}
 * (path-separated files or directories). Files: {@code *.prm} (layout language), {@code *.h} (mlx5_ifc.h style), {@code *.adb}.
 * When only installed system files are found, the merged result is kept in the user's cache ({@link UserCache}) and
 * imported again only when one of them, or fwsh, changes.
 */
public final class CatalogLoader {
    public static final String ENV_PATH = "FWSH_CATALOG_PATH";
    public static final String PROP_PATH = "fwsh.catalog.path";
    public static final String ENV_KERNEL = "FWSH_IMPORT_KERNEL_IFC";
    public static final String PROP_KERNEL = "fwsh.catalog.kernelIfc";
    public static final String PROP_NO_SYSTEM = "fwsh.catalog.noSystem";
    /** Headers beside the kernel's mlx5_ifc.h whose layouts it uses. */
    static final List<String> KERNEL_SIBLINGS = List.of("mlx5_ifc_fpga.h", "mlx5_ifc_vdpa.h");
    static final Path MSTFLINT_ADB = Path.of("/usr/share/mstflint/prm_dbs/hca/ext/register_access_table.adb");

    private final Map<String, String> env;
    private final Path mstflintAdb;
    private final List<Path> loaded = new ArrayList<>();

    public CatalogLoader() {
        this(System.getenv());
    }

    public CatalogLoader(Map<String, String> env) {
        this(env, MSTFLINT_ADB);
    }

    /** Specs: mstflint's ADB at another path. */
    CatalogLoader(Map<String, String> env, Path mstflintAdb) {
        this.env = env;
        this.mstflintAdb = mstflintAdb;
    }

    /** Most errors of one skipped file listed in the notes; the rest are counted. */
    static final int ERRORS_SHOWN = 20;

    /**
     * The built-in catalog merged with every user file found; notes say what was loaded and replaced. A file with
     * errors is skipped and every error is a note (file:line); the other files still load.
     */
    public Catalog load() {
        List<String> skipped = new ArrayList<>();
        List<Path> files = candidates(skipped);
        Path cached = cacheEntry(files, skipped);
        String stamp = cached == null ? null : stamp(files);
        if (cached != null) {
            try {
                CatalogSource s = CatalogImage.read(Files.readAllBytes(cached), stamp);
                if (s != null) return new Catalog(s);
            } catch (IOException | RuntimeException e) {
                // no entry yet, or unreadable: import
            }
        }
        Catalog c = load(Catalog.builtin(), files, skipped);
        if (stamp != null) UserCache.write(cached, CatalogImage.write(c.source(), stamp));
        return c;
    }

    public Catalog load(Catalog base) {
        List<String> skipped = new ArrayList<>();
        return load(base, candidates(skipped), skipped);
    }

    /**
     * Where the result is kept between runs: only when every file found is an installed system file (mstflint's ADB,
     * a kernel header), whose import costs more than a start-up may; the user's own files are read every run.
     */
    private Path cacheEntry(List<Path> files, List<String> skipped) {
        if (files.isEmpty() || !skipped.isEmpty() || !files.stream().allMatch(this::isSystemFile)) return null;
        Path dir = UserCache.dir(env, "catalog");
        return dir == null ? null : dir.resolve("system.bin");
    }

    /** What a cached import was made from: this build of fwsh, the built-in catalog and each file's path, size and time. */
    private static String stamp(List<Path> files) {
        StringBuilder s = new StringBuilder(UserCache.codeId(CatalogLoader.class)).append('\n').append(Catalog.builtinStamp());
        for (Path p : files) {
            try {
                s.append('\n').append(p).append(' ').append(Files.size(p)).append(' ').append(Files.getLastModifiedTime(p).toMillis());
            } catch (IOException e) {
                s.append('\n').append(p).append(" unreadable ").append(System.nanoTime());
            }
        }
        return s.toString();
    }

    private Catalog load(Catalog base, List<Path> files, List<String> skipped) {
        Catalog c = base;
        for (Path p : files) {
            boolean system = isSystemFile(p);
            List<String> errors = new ArrayList<>();
            Catalog file = read(p, errors);
            Catalog merged = file == null ? null : system ? c.mergeMissing(file) : c.merge(file);
            if (merged != null && p.getFileName().toString().endsWith(".prm")) merged = checkIn(merged, file, errors);
            if (errors.isEmpty()) {
                c = merged;
            } else {
                c = c.withNotes(skipNotes(p, errors), Map.of());
            }
        }
        return c.withNotes(skipped, Map.of()).settled();
    }

    /** The file's definitions, or null with its errors added to {@code errors}. */
    private static Catalog read(Path p, List<String> errors) {
        String n = p.getFileName().toString();
        try {
            if (n.endsWith(".prm")) {
                CatalogSource s = new CatalogSource();
                LayoutParser.parseInto(s, Files.readString(p), n, errors);
                return new Catalog(s);
            }
            return importFile(p);
        } catch (CatalogFileException e) {
            errors.addAll(e.errors());
        } catch (WireException e) {
            errors.add(e.getMessage());
        } catch (IOException | RuntimeException e) {
            errors.add("cannot read catalog file " + p + ": " + e.getMessage());
        }
        return null;
    }

    /**
     * Resolves a layout-language file's layouts where it is merged (they may use built-in or earlier files' layouts):
     * what cannot be read is an error of the file; what uses a layout no file defines yet waits for the other files.
     */
    private static Catalog checkIn(Catalog merged, Catalog file, List<String> errors) {
        List<String> notes = new ArrayList<>();
        Map<String, String> unresolved = new LinkedHashMap<>();
        for (String name : file.layoutNames()) {
            try {
                merged.layout(name);
            } catch (MissingLayoutException e) {
                String note = file.source().layouts.get(name).source + ": " + name + " cannot be resolved yet: " + e.getMessage();
                notes.add(note);
                unresolved.put(note, name);
            } catch (WireException e) {
                errors.add(e.getMessage());
            }
        }
        return notes.isEmpty() ? merged : merged.withNotes(notes, unresolved);
    }

    private static List<String> skipNotes(Path p, List<String> errors) {
        List<String> out = new ArrayList<>();
        out.add(p + " skipped: " + errors.size() + " error" + (errors.size() == 1 ? "" : "s") + " in the file; the other catalog files are loaded");
        errors.stream().limit(ERRORS_SHOWN).forEach(out::add);
        if (errors.size() > ERRORS_SHOWN) out.add(p.getFileName() + ": … and " + (errors.size() - ERRORS_SHOWN) + " more errors");
        return out;
    }

    /** Files that {@link #load()} would import, in order. */
    public List<Path> candidates() {
        return candidates(new ArrayList<>());
    }

    /** As {@link #candidates()}; a path entry that does not exist is a note in {@code skipped}. */
    private List<Path> candidates(List<String> skipped) {
        List<Path> out = new ArrayList<>();
        boolean system = !Boolean.getBoolean(PROP_NO_SYSTEM);
        if (system && Files.isRegularFile(mstflintAdb)) out.add(mstflintAdb);
        if (system && (truthy(env.get(ENV_KERNEL)) || Boolean.getBoolean(PROP_KERNEL))) {
            Path k = kernelHeader();
            if (k != null) {
                out.add(k);
                // mlx5_ifc.h uses their structs (fpga_cap, vdpa's virtio queues); they complete it
                for (String sibling : KERNEL_SIBLINGS) if (Files.isRegularFile(k.resolveSibling(sibling))) out.add(k.resolveSibling(sibling));
            }
        }
        String home = System.getProperty("user.home");
        if (home != null) addDir(Path.of(home, ".config", "fwsh", "catalog"), out, skipped);
        for (String spec : new String[]{env.get(ENV_PATH), System.getProperty(PROP_PATH)}) {
            if (spec == null || spec.isBlank()) continue;
            for (String part : spec.split(java.io.File.pathSeparator)) {
                if (part.isBlank()) continue;
                Path p = Path.of(part.trim());
                if (Files.isDirectory(p)) addDir(p, out, skipped);
                else if (Files.isRegularFile(p)) out.add(p);
                else skipped.add(ENV_PATH + "/" + PROP_PATH + " names " + p + ", which does not exist; skipped");
            }
        }
        return out;
    }

    /** Installed files (not the user's own) only add definitions; see Catalog.mergeMissing. */
    boolean isSystemFile(Path p) {
        return p.equals(mstflintAdb) || p.startsWith("/usr/src");
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

    private static void addDir(Path dir, List<Path> out, List<String> skipped) {
        if (!Files.isDirectory(dir)) return;
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.{prm,h,adb}")) {
            ds.forEach(files::add);
        } catch (IOException e) {
            skipped.add("cannot list catalog directory " + dir + ": " + e.getMessage() + "; skipped");
            return;
        }
        files.sort(null);
        out.addAll(files);
    }

    private static boolean truthy(String s) {
        return s != null && (s.equals("1") || s.equalsIgnoreCase("true") || s.equalsIgnoreCase("yes"));
    }
}
