package fwsh.wire;

import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Imports mstflint's ADB register database ({@code register_access_table.adb}): nodes become layouts,
 * fields keep their enums, access and descriptions, subnodes nest, {@code attr_is_union} nodes become
 * unions whose members carry {@code selected_by}, and the register ids come from the
 * {@code access_reg_summary_ctrl_ext.id} enum joined with the {@code access_reg_summary_ext} union.
 *
 * <p>ADB positions count bits from the LSB of the big-endian dword: {@code offset="0xB.b"} with width w
 * is ifc (MSB-first) bit {@code dwordStart + 32 - b' - w}, where b' is the bit inside that dword (inside a node
 * narrower than a dword, its size stands for 32, as in mstflint's adb_parser). An array of elements narrower
 * than 32 bits (with mstflint's {@code big_endian_arr} config, which its databases set) has element 0 in the
 * most significant bits: its offset is element 0's, and the elements follow MSB-first, so they convert with the
 * element's width, not the array's.
 */
public final class AdbImporter {
    static final String REG_ID_NODE = "access_reg_summary_ctrl_ext";
    static final String REG_UNION_NODE = "access_reg_summary_ext";

    private AdbImporter() {
    }

    public static Catalog parse(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return parse(new InputSource(in), path.getFileName().toString());
        }
    }

    public static Catalog parse(String xml, String fileName) {
        try {
            return parse(new InputSource(new StringReader(xml)), fileName);
        } catch (IOException e) {
            throw new WireException(fileName + ": " + e.getMessage(), e);
        }
    }

    private static Catalog parse(InputSource in, String file) throws IOException {
        Handler h = new Handler(file);
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            SAXParser p = f.newSAXParser();
            p.parse(in, h);
        } catch (SAXParseException e) {
            throw new LayoutSyntaxException(file + ":" + e.getLineNumber() + ": not well-formed ADB XML: " + e.getMessage());
        } catch (SAXException | javax.xml.parsers.ParserConfigurationException e) {
            throw new LayoutSyntaxException(file + ": cannot parse ADB XML: " + e.getMessage());
        }
        h.finish();
        return ImportCheck.check(h.out);
    }

    /** "0x10.24" is 0x10 bytes + 24 bits; "0x420" is bytes. Returns bits. */
    static int bits(String s) {
        String t = s.trim();
        int dot = t.indexOf('.');
        if (dot < 0) return (int) (Encoder.parseNumber(t) * 8);
        Long b = Encoder.parseNumber(t.substring(0, dot));
        long bit = Long.parseLong(t.substring(dot + 1));
        if (b == null) throw new NumberFormatException(s);
        return (int) (b * 8 + bit);
    }

    /**
     * ADB position (bits from the LSB of the dword) and width to an ifc MSB-first bit offset; {@code nodeBits} is
     * the size of the enclosing node (a node narrower than a dword counts its bits from its own MSB).
     */
    static int ifcOffset(int adbBits, int width, int nodeBits) {
        int within = adbBits & 31;
        int dword = adbBits - within;
        if (width >= 32 || within + width > 32) return adbBits; // whole dwords (or bytes): same start
        int top = nodeBits > 0 ? Math.min(32, nodeBits) : 32;
        return dword + Math.floorMod(top - within - width, 32);
    }

    private static final class Handler extends DefaultHandler {
        final String file;
        final CatalogSource out = new CatalogSource();
        Locator loc;
        LayoutDef node;
        /** mstflint's {@code <config big_endian_arr="1"/>}: narrow array elements run MSB-first (its default is off). */
        boolean bigEndianArrays;
        final Map<String, Long> regIds = new LinkedHashMap<>();
        final Map<String, String> regLayouts = new LinkedHashMap<>();

        Handler(String file) {
            this.file = file;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.loc = locator;
        }

        String where() {
            return file + ":" + (loc == null ? "?" : loc.getLineNumber());
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes a) {
            if (qName.equals("config") && a.getValue("big_endian_arr") != null) {
                bigEndianArrays = !"0".equals(a.getValue("big_endian_arr").trim());
            } else if (qName.equals("node")) {
                String name = a.getValue("name");
                if (name == null || name.isBlank()) {
                    // A layout needs a name to be referred to; skip it and its fields, as for other bad nodes.
                    out.notes.add(where() + ": skipped a node without a name attribute");
                    node = null;
                    return;
                }
                node = new LayoutDef(name, "1".equals(a.getValue("attr_is_union")));
                node.source = where();
                node.lenient = true;
                String size = a.getValue("size");
                try {
                    if (size != null) node.sizeBits = bits(size);
                } catch (RuntimeException e) {
                    out.notes.add(where() + ": node " + name + ": bad size '" + size + "', using the fields' extent");
                }
                node.description = clean(a.getValue("descr"));
            } else if (qName.equals("field") && node != null) {
                try {
                    field(a);
                } catch (RuntimeException e) {
                    out.notes.add(where() + ": skipped field " + a.getValue("name") + " of " + node.name + ": " + e.getMessage());
                }
            }
        }

        private void field(Attributes a) {
            String name = a.getValue("name");
            int width = bits(a.getValue("size"));
            // a field needs a width; the caller notes the skip with file:line
            if (width <= 0 && a.getValue("subnode") == null) throw new IllegalArgumentException("size '" + a.getValue("size") + "' is not a width");
            int adb = bits(a.getValue("offset"));
            FieldDef f = new FieldDef();
            f.source = where();
            f.name = name == null || name.startsWith("reserved") ? null : name;
            f.access = Access.parse(a.getValue("access"));
            f.description = clean(a.getValue("descr"));
            String en = a.getValue("enum");
            if (en != null && !en.isBlank()) {
                Map<String, Long> m = new LinkedHashMap<>();
                for (String p : en.split(",")) {
                    int eq = p.indexOf('=');
                    if (eq <= 0) continue;
                    Long v = Encoder.parseNumber(p.substring(eq + 1).trim());
                    if (v != null) m.put(p.substring(0, eq).trim(), v);
                }
                f.enums = m;
            }
            String sub = a.getValue("subnode");
            String hi = a.getValue("high_bound");
            String lo = a.getValue("low_bound");
            int count = -1;
            if (hi != null) {
                long l = lo == null ? 0 : Encoder.parseNumber(lo.trim());
                count = hi.trim().equalsIgnoreCase("VARIABLE") ? 0 : (int) (Encoder.parseNumber(hi.trim()) - l + 1);
                if (count < 0) throw new IllegalArgumentException("high_bound " + hi + " is below low_bound " + lo);
            }
            // A VARIABLE array's size is one element (mstflint counts it as one entry).
            int elemWidth = count > 0 ? width / count : width;
            boolean numericSub = sub != null && sub.matches("uint\\d+");
            if (sub != null && !numericSub) f.typeName = sub;
            if (count >= 0) {
                f.count = count;
                if (count > 0 && width % count != 0) throw new IllegalArgumentException("size " + a.getValue("size")
                        + " is not a whole number of " + count + " elements");
                if (elemWidth < 32 && count != 1 && !bigEndianArrays) throw new IllegalArgumentException("an array of "
                        + elemWidth + "-bit elements without <config big_endian_arr=\"1\"/> (elements from the LSB) is not supported");
                if (f.typeName == null) f.bits = elemWidth;
            } else if (f.typeName == null) {
                f.bits = width;
            }
            f.position = node.union ? 0 : ifcOffset(adb, elemWidth, node.sizeBits);
            String sel = a.getValue("selected_by");
            if (sel != null) f.when = new ArrayList<>(Arrays.asList(sel.split(",")));
            String us = a.getValue("union_selector");
            if (us != null) f.select = us.substring(us.lastIndexOf('.') + 1);
            if (node.name.equals(REG_ID_NODE) && "id".equals(name) && f.enums != null) regIds.putAll(f.enums);
            if (node.name.equals(REG_UNION_NODE) && sel != null && sub != null) regLayouts.put(sel, sub);
            node.fields.add(f);
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            if (qName.equals("node") && node != null) {
                if (!node.union) {
                    node.fields.sort(Comparator.comparingInt(x -> x.position));
                    Mlx5IfcImporter.mergeHalves(node);
                }
                out.layouts.put(node.name, node);
                node = null;
            }
        }

        void finish() {
            for (Map.Entry<String, Long> e : regIds.entrySet()) {
                String layout = regLayouts.get(e.getKey());
                if (layout == null || !out.layouts.containsKey(layout)) continue;
                String name = e.getKey().toUpperCase(Locale.ROOT);
                out.registers.put(name, new CatalogSource.Reg(name, e.getValue().intValue(), layout, "", file));
            }
        }

        private static String clean(String d) {
            if (d == null) return null;
            return d.replace("\\;", "\n").replace("\\t", " ").trim();
        }
    }

    /** Registers found, for reports. */
    static List<String> registerNames(Catalog c) {
        return new ArrayList<>(c.registerIds().keySet());
    }
}
