package fwsh.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import fwsh.wire.Catalog;
import fwsh.wire.Layout;
import fwsh.wire.WireException;

import java.nio.charset.StandardCharsets;

/** Arbitrary text in the layout language (FORMAT.md): a catalog, or a LayoutSyntaxException/WireException. */
class CatalogFuzzTest {

    @FuzzTest
    void parse(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        Catalog c;
        try {
            c = Catalog.parse(text, "fuzz.prm");
        } catch (WireException e) {
            Clear.check(e);
            return;
        }
        for (String name : c.layoutNames()) {
            try {
                Layout l = c.layout(name);
                l.decode(new byte[l.sizeBytes()]).show();
            } catch (WireException e) {
                Clear.check(e);
            }
        }
        // Merging over the built-in catalog must not break either.
        try {
            Catalog.builtin().merge(c);
        } catch (WireException e) {
            Clear.check(e);
        }
    }
}
