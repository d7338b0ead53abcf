package fwsh.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import fwsh.wire.Catalog;
import fwsh.wire.Layout;
import fwsh.wire.Mlx5IfcImporter;
import fwsh.wire.WireException;

import java.nio.charset.StandardCharsets;

/** Arbitrary header text into the mlx5_ifc.h importer: a catalog, or a WireException with one line. */
class Mlx5IfcImporterFuzzTest {

    @FuzzTest
    void parse(byte[] data) {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        Catalog c;
        try {
            c = Mlx5IfcImporter.parse(text);
        } catch (WireException e) {
            Clear.check(e);
            return;
        }
        // Whatever was imported must be usable: resolving every layout either works or says why.
        for (String name : c.layoutNames()) {
            try {
                Layout l = c.layout(name);
                l.decode(new byte[l.sizeBytes()]).show();
            } catch (WireException e) {
                Clear.check(e);
            }
        }
    }
}
