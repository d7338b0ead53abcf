package fwsh.dsl;

import fwsh.wire.Catalog;
import fwsh.wire.CatalogLoader;
import fwsh.wire.WireException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The catalog a session uses: the built-in one merged with the user's files (CatalogLoader: mstflint's
 * ADB when installed, ~/.config/fwsh/catalog, FWSH_CATALOG_PATH). Loaded on first use, not at start-up,
 * because importing a large ADB costs a few hundred milliseconds.
 */
final class CatalogSource implements Supplier<Catalog> {
    private final Consumer<String> warnings;
    private volatile Catalog catalog;

    CatalogSource(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    @Override
    public Catalog get() {
        Catalog c = catalog;
        if (c != null) return c;
        synchronized (this) {
            if (catalog == null) {
                try {
                    catalog = new CatalogLoader().load();
                    for (String note : summarize(catalog.notes())) warnings.accept("catalog: " + note);
                } catch (WireException e) {
                    warnings.accept("catalog: " + e.getMessage() + "; using the built-in catalog only");
                    catalog = Catalog.builtin();
                }
            }
            return catalog;
        }
    }

    private static final Pattern UNRESOLVED = Pattern.compile("^([^:\\s]+)(?::\\d+)?: (\\S+) cannot be resolved yet: .*");

    /**
     * The notes to show at start-up: an imported header that refers to layouts of another header (the kernel's
     * mlx5_ifc.h uses mlx5_ifc_fpga.h) gives one line per file naming the layouts skipped, not one line each.
     */
    static List<String> summarize(List<String> notes) {
        Map<String, List<String>> unresolved = new LinkedHashMap<>();   // file -> its notes
        List<String> out = new ArrayList<>();
        for (String note : notes) {
            Matcher m = UNRESOLVED.matcher(note);
            if (m.matches()) unresolved.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(note);
            else out.add(note);
        }
        unresolved.forEach((file, fileNotes) -> {
            if (fileNotes.size() == 1) {
                out.add(fileNotes.get(0));
                return;
            }
            List<String> names = new ArrayList<>();
            for (String note : fileNotes) {
                Matcher m = UNRESOLVED.matcher(note);
                if (m.matches()) names.add(m.group(2));
            }
            out.add(file + ": " + names.size() + " layouts skipped, they use layouts no catalog file defines: "
                    + String.join(", ", names));
        });
        return out;
    }
}
