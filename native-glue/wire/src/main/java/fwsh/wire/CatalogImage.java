package fwsh.wire;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * A catalog's definitions as compact binary, read back without parsing: the built-in catalog is written to the
 * resource {@code fwsh/catalog/builtin.bin} at build time ({@link #main}), and an imported system catalog (mstflint's
 * ADB) is kept in the user's cache. The image starts with a stamp of what it was made from; a reader that expects
 * another stamp (an edited .prm, another file) gets null and parses as before.
 */
public final class CatalogImage {
    private static final int MAGIC = 0x46574349; // "FWCI"
    /** Changes whenever the format below changes, so an old image is never misread. */
    private static final int FORMAT = 1;

    private CatalogImage() {
    }

    /** Build time: writes the built-in catalog's image to {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Files.createDirectories(out.getParent());
        Files.write(out, write(Catalog.parseBuiltin().source(), Catalog.builtinStamp()));
    }

    public static byte[] write(CatalogSource s, String stamp) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(64 * 1024);
        try (DataOutputStream out = new DataOutputStream(buf)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeLong(0); // the checksum of what follows, filled in below
            str(out, stamp);
            out.writeInt(s.layouts.size());
            for (LayoutDef d : s.layouts.values()) layout(out, d);
            out.writeInt(s.enums.size());
            for (Map.Entry<String, Map<String, Long>> e : s.enums.entrySet()) {
                str(out, e.getKey());
                longs(out, e.getValue());
            }
            out.writeInt(s.registers.size());
            for (CatalogSource.Reg r : s.registers.values()) {
                str(out, r.name()); out.writeInt(r.id()); str(out, r.layout()); str(out, r.description()); str(out, r.source());
            }
            out.writeInt(s.commands.size());
            for (CatalogSource.Cmd c : s.commands.values()) {
                str(out, c.name()); out.writeInt(c.opcode()); str(out, c.in()); str(out, c.out()); str(out, c.description()); str(out, c.source());
            }
            out.writeInt(s.opcodes.size());
            for (Map.Entry<String, Integer> e : s.opcodes.entrySet()) {
                str(out, e.getKey());
                out.writeInt(e.getValue());
            }
            out.writeInt(s.statuses.size());
            for (StatusDef d : s.statuses.values()) {
                out.writeInt(d.value()); str(out, d.name()); str(out, d.text());
            }
            out.writeInt(s.capabilities.size());
            for (CatalogSource.Cap c : s.capabilities.values()) {
                str(out, c.name()); out.writeInt(c.type()); str(out, c.layout()); str(out, c.description()); str(out, c.source());
            }
            strings(out, s.notes);
            out.writeInt(s.unresolved.size());
            for (Map.Entry<String, String> e : s.unresolved.entrySet()) {
                str(out, e.getKey());
                str(out, e.getValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e); // a byte array does not fail
        }
        byte[] image = buf.toByteArray();
        ByteBuffer.wrap(image, 8, 8).putLong(checksum(image));
        return image;
    }

    private static long checksum(byte[] image) {
        CRC32 crc = new CRC32();
        crc.update(image, 16, image.length - 16);
        return crc.getValue();
    }

    /** The stamp {@code image} was written with, or null when it is damaged (checksum) or not an image. */
    static String stamp(byte[] image) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(image))) {
            if (image.length < 16 || in.readInt() != MAGIC || in.readInt() != FORMAT || in.readLong() != checksum(image)) return null;
            return str(in);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The definitions in {@code image}, or null when it was made from something else than {@code stamp} or is damaged (checksum). */
    public static CatalogSource read(byte[] image, String stamp) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(image))) {
            if (image.length < 16 || in.readInt() != MAGIC || in.readInt() != FORMAT || in.readLong() != checksum(image)) return null;
            if (!stamp.equals(str(in))) return null;
            CatalogSource s = new CatalogSource();
            for (int i = in.readInt(); i > 0; i--) {
                LayoutDef d = layout(in);
                s.layouts.put(d.name, d);
            }
            for (int i = in.readInt(); i > 0; i--) s.enums.put(str(in), longs(in));
            for (int i = in.readInt(); i > 0; i--) {
                CatalogSource.Reg r = new CatalogSource.Reg(str(in), in.readInt(), str(in), str(in), str(in));
                s.registers.put(r.name(), r);
            }
            for (int i = in.readInt(); i > 0; i--) {
                CatalogSource.Cmd c = new CatalogSource.Cmd(str(in), in.readInt(), str(in), str(in), str(in), str(in));
                s.commands.put(c.name(), c);
            }
            for (int i = in.readInt(); i > 0; i--) s.opcodes.put(str(in), in.readInt());
            for (int i = in.readInt(); i > 0; i--) {
                StatusDef d = new StatusDef(in.readInt(), str(in), str(in));
                s.statuses.put(d.value(), d);
            }
            for (int i = in.readInt(); i > 0; i--) {
                CatalogSource.Cap c = new CatalogSource.Cap(str(in), in.readInt(), str(in), str(in), str(in));
                s.capabilities.put(c.name(), c);
            }
            s.notes.addAll(strings(in));
            for (int i = in.readInt(); i > 0; i--) s.unresolved.put(str(in), str(in));
            return in.read() == -1 ? s : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void layout(DataOutputStream out, LayoutDef d) throws IOException {
        str(out, d.name);
        out.writeBoolean(d.union);
        out.writeInt(d.sizeBits);
        str(out, d.description);
        str(out, d.source);
        out.writeBoolean(d.lenient);
        out.writeInt(d.fields.size());
        for (FieldDef f : d.fields) {
            str(out, f.name);
            out.writeInt(f.position);
            out.writeInt(f.bits);
            str(out, f.typeName);
            out.writeInt(f.count);
            out.writeByte(f.access == null ? -1 : f.access.ordinal());
            out.writeBoolean(f.enums != null);
            if (f.enums != null) longs(out, f.enums);
            str(out, f.enumRef);
            str(out, f.unit);
            str(out, f.description);
            str(out, f.alias);
            str(out, f.select);
            out.writeBoolean(f.when != null);
            if (f.when != null) strings(out, f.when);
            out.writeBoolean(f.ascii);
            out.writeBoolean(f.required);
            str(out, f.splitHigh);
            str(out, f.splitLow);
            str(out, f.source);
        }
    }

    private static LayoutDef layout(DataInputStream in) throws IOException {
        LayoutDef d = new LayoutDef(str(in), in.readBoolean());
        d.sizeBits = in.readInt();
        d.description = str(in);
        d.source = str(in);
        d.lenient = in.readBoolean();
        for (int i = in.readInt(); i > 0; i--) {
            FieldDef f = new FieldDef();
            f.name = str(in);
            f.position = in.readInt();
            f.bits = in.readInt();
            f.typeName = str(in);
            f.count = in.readInt();
            int access = in.readByte();
            f.access = access < 0 ? null : Access.values()[access];
            if (in.readBoolean()) f.enums = longs(in);
            f.enumRef = str(in);
            f.unit = str(in);
            f.description = str(in);
            f.alias = str(in);
            f.select = str(in);
            if (in.readBoolean()) f.when = strings(in);
            f.ascii = in.readBoolean();
            f.required = in.readBoolean();
            f.splitHigh = str(in);
            f.splitLow = str(in);
            f.source = str(in);
            d.fields.add(f);
        }
        return d;
    }

    private static void longs(DataOutputStream out, Map<String, Long> m) throws IOException {
        out.writeInt(m.size());
        for (Map.Entry<String, Long> e : m.entrySet()) {
            str(out, e.getKey());
            out.writeLong(e.getValue());
        }
    }

    private static Map<String, Long> longs(DataInputStream in) throws IOException {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = in.readInt(); i > 0; i--) m.put(str(in), in.readLong());
        return m;
    }

    private static void strings(DataOutputStream out, List<String> l) throws IOException {
        out.writeInt(l.size());
        for (String s : l) str(out, s);
    }

    private static List<String> strings(DataInputStream in) throws IOException {
        List<String> l = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) l.add(str(in));
        return l;
    }

    /** A string of any length, or null (length -1). */
    private static void str(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String str(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) return null;
        byte[] b = in.readNBytes(n);
        if (b.length != n) throw new IOException("truncated");
        return new String(b, StandardCharsets.UTF_8);
    }
}
