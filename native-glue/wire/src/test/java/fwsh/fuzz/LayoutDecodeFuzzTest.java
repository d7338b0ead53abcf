package fwsh.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import fwsh.wire.Catalog;
import fwsh.wire.Field;
import fwsh.wire.Layout;
import fwsh.wire.Value;
import fwsh.wire.WireException;

import java.util.Arrays;
import java.util.List;

/**
 * Arbitrary bytes decoded (copy) and viewed (lazy) with every built-in layout. The first two bytes pick the
 * layout, the third the offset; the rest is the buffer. Every field read and the show() text must work, and the
 * copy and the view must agree.
 */
class LayoutDecodeFuzzTest {

    private static final Catalog CAT = Catalog.builtin();
    private static final List<String> NAMES = CAT.layoutNames();

    @FuzzTest
    void decode(byte[] data) {
        if (data.length < 3) return;
        String name = NAMES.get(((data[0] & 0xFF) << 8 | (data[1] & 0xFF)) % NAMES.size());
        int off = data[2] & 0x0F;
        byte[] buf = Arrays.copyOfRange(data, 3, data.length);
        Layout l = CAT.layout(name);
        Value copy, view;
        try {
            copy = l.decode(buf, off);
            view = l.view(buf, off);
        } catch (WireException e) {
            Clear.check(e);
            return;
        }
        String a = copy.show();
        String b = view.show();
        if (!a.equals(b)) throw new AssertionError(name + ": decode and view disagree");
        for (Field f : copy.fields()) {
            try {
                Object x = copy.get(f.name());
                Object y = view.get(f.name());
                if (!text(x).equals(text(y))) throw new AssertionError(name + "." + f.name() + ": decode and view disagree");
            } catch (WireException e) {
                Clear.check(e);
            }
        }
        copy.toMap();
    }

    /** Values compare by content (byte arrays have no content-based toString). */
    private static String text(Object v) {
        return v instanceof byte[] b ? Arrays.toString(b) : String.valueOf(v);
    }
}
