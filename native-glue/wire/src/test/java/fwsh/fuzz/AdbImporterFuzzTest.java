package fwsh.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import fwsh.wire.AdbImporter;
import fwsh.wire.Catalog;
import fwsh.wire.Layout;
import fwsh.wire.WireException;

import java.nio.charset.StandardCharsets;

/** Arbitrary XML into the ADB importer: a catalog, or a WireException with one line (no XXE, no hang). */
class AdbImporterFuzzTest {

    @FuzzTest
    void parse(byte[] data) {
        String xml = new String(data, StandardCharsets.UTF_8);
        Catalog c;
        try {
            c = AdbImporter.parse(xml, "fuzz.adb");
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
    }
}
