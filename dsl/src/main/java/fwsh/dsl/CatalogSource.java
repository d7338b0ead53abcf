package fwsh.dsl;

import fwsh.wire.Catalog;
import fwsh.wire.CatalogLoader;
import fwsh.wire.WireException;

import java.util.function.Consumer;
import java.util.function.Supplier;

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
                    for (String note : catalog.notes()) warnings.accept("catalog: " + note);
                } catch (WireException e) {
                    warnings.accept("catalog: " + e.getMessage() + "; using the built-in catalog only");
                    catalog = Catalog.builtin();
                }
            }
            return catalog;
        }
    }
}
