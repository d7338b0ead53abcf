package fwsh.wire;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A resolved PRM layout (struct or union): fields with MSB-first bit offsets inside big-endian
 * dwords, exactly as the kernel's MLX5_SET/MLX5_GET address them. Immutable and thread-safe.
 */
public final class Layout {
    private final String name;
    private final String title;
    private final boolean union;
    private final int sizeBits;
    private final String description;
    private final List<Field> fields;
    private final Map<String, Integer> index;
    private final Map<String, Field> halves;
    private final Map<String, Field> pathCache;

    Layout(String name, boolean union, int sizeBits, String description, List<Field> fields) {
        this(name, name, union, sizeBits, description, fields, new ConcurrentHashMap<>());
    }

    private Layout(String name, String title, boolean union, int sizeBits, String description, List<Field> fields,
                   Map<String, Field> pathCache) {
        this.name = name;
        this.title = title;
        this.union = union;
        this.sizeBits = sizeBits;
        this.description = description == null ? "" : description;
        this.fields = Collections.unmodifiableList(new ArrayList<>(fields));
        Map<String, Integer> idx = new HashMap<>();
        Map<String, Field> hv = new HashMap<>();
        for (int i = 0; i < this.fields.size(); i++) {
            Field f = this.fields.get(i);
            if (f.isReserved()) continue;
            idx.putIfAbsent(f.name(), i);
            if (f.splitHigh() != null) {
                hv.put(f.name() + f.splitHigh(), Field.uint(name, f.name() + f.splitHigh(), f.bitOffset(), 32, f.access(), f.description()));
                hv.put(f.name() + f.splitLow(), Field.uint(name, f.name() + f.splitLow(), f.bitOffset() + 32, 32, f.access(), f.description()));
            }
        }
        this.index = idx;
        this.halves = hv;
        this.pathCache = pathCache;
    }

    /** The same layout shown under another name (a register's name, e.g. PAOS for paos_reg). */
    public Layout withTitle(String newTitle) {
        if (newTitle == null || newTitle.equals(title)) return this;
        // a resolved path names its owner by title, so each title keeps its own cache
        return new Layout(name, newTitle, union, sizeBits, description, fields, new ConcurrentHashMap<>());
    }

    public String name() { return name; }
    /** Name used when printing values: the register/command name when there is one, else {@link #name()}. */
    public String title() { return title; }
    public boolean isUnion() { return union; }
    public int sizeBits() { return sizeBits; }
    public int sizeBytes() { return (sizeBits + 7) >>> 3; }
    public String description() { return description; }
    /** All fields in offset order, reserved gaps included. */
    public List<Field> fields() { return fields; }

    /** Named (non-reserved) fields. */
    public List<Field> namedFields() {
        List<Field> out = new ArrayList<>();
        for (Field f : fields) if (!f.isReserved()) out.add(f);
        return out;
    }

    int indexOf(String fieldName) {
        Integer i = index.get(fieldName);
        return i == null ? -1 : i;
    }

    Field half(String fieldName) {
        return halves.get(fieldName);
    }

    /** The variable-length tail (a trailing array with count 0), possibly inside a trailing struct; null if none. */
    public Field tail() {
        if (fields.isEmpty()) return null;
        Field last = fields.get(fields.size() - 1);
        if (last.isTail()) return last;
        if (last.kind() == Field.Kind.STRUCT && !last.layout().isUnion()) {
            Field inner = last.layout().tail();
            if (inner != null) return inner.at(last.bitOffset() + inner.bitOffset(), inner.name(), name + "." + last.name());
        }
        return null;
    }

    /** Names a user may write at the top level (fields, 64-bit halves, and members' fields of a union). */
    Set<String> knownNames() {
        Set<String> out = new LinkedHashSet<>(index.keySet());
        out.addAll(halves.keySet());
        if (union) for (Field m : namedFields()) if (m.layout() != null) out.addAll(m.layout().knownNames());
        return out;
    }

    /**
     * The field at a dotted path ({@code counter_set.a_frames_received_ok}, {@code string_db_param[2].string_db_size}),
     * with its offset relative to this layout. Inside a union, a member's field may be named directly when only one
     * member has it.
     *
     * @throws UnknownFieldException naming the closest names
     */
    public Field field(String path) {
        Field f = pathCache.get(path);
        if (f != null) return f;
        f = FieldPath.resolve(this, path, null, 0);
        pathCache.put(path, f);
        return f;
    }

    public Optional<Field> findField(String path) {
        try {
            return Optional.of(field(path));
        } catch (WireException e) {
            return Optional.empty();
        }
    }

    /** Resolves a path, using the buffer to pick a union member when several have the field. */
    Field field(String path, byte[] buf, int base) {
        Field f = pathCache.get(path);
        if (f != null) return f;
        try {
            return field(path);
        } catch (UnknownFieldException e) {
            if (buf == null || !e.getMessage().contains("several union members")) throw e;
            return FieldPath.resolve(this, path, buf, base);
        }
    }

    /** Encodes a map of field values (unset fields are zero) into a new buffer of {@link #sizeBytes()} plus any tail. */
    public byte[] encode(Map<String, ?> values) {
        byte[] buf = new byte[sizeBytes() + Encoder.tailBytes(this, values)];
        Encoder.encode(this, buf, 0, 0, values);
        return buf;
    }

    /** Encodes into an existing buffer at byte offset {@code off}; fields not named keep their bytes. */
    public void encodeInto(byte[] buf, int off, Map<String, ?> values) {
        checkLength(buf, off, sizeBytes() + Encoder.tailBytes(this, values));
        Encoder.encode(this, buf, off, 0, values);
    }

    /** Decodes every field into an immutable value (the bytes are copied). */
    public Value decode(byte[] buf, int off) {
        checkLength(buf, off, sizeBytes());
        int len = buf.length - off;
        Field tail = tail();
        if (tail == null) len = sizeBytes();
        byte[] copy = new byte[len];
        System.arraycopy(buf, off, copy, 0, len);
        return DecodedValue.of(this, copy);
    }

    public Value decode(byte[] buf) {
        return decode(buf, 0);
    }

    /** A view that decodes a field only when it is read; it reads {@code buf} live (no copy). */
    public Value view(byte[] buf, int off) {
        checkLength(buf, off, sizeBytes());
        return new LazyValue(this, buf, off);
    }

    void checkLength(byte[] buf, int off, int need) {
        if (buf == null) throw new BufferTooShortException(title + ": no buffer (null)");
        if (off < 0 || (long) off + need > buf.length)
            throw new BufferTooShortException(title + " needs " + need + " bytes at offset " + off
                    + " but the buffer has " + Math.max(0, buf.length - Math.max(off, 0)) + " there ("
                    + buf.length + " in all)");
    }

    /** A field table in the style of {@code mstreg --show_reg}: name, byte address, bit offset (from the dword LSB), size, access, enum and description. */
    public String describe() {
        return Show.describe(this, 0);
    }

    /** As {@link #describe()}, fitted to {@code width} columns: descriptions and enum values wrap (0: one line per field). */
    public String describe(int width) {
        return Show.describe(this, width);
    }

    /** Flattened leaf fields (nested structs expanded with dotted names, union members included), offsets relative to this layout. */
    public List<Field> leaves() {
        List<Field> out = new ArrayList<>();
        Show.leaves(this, "", 0, out);
        return out;
    }

    /** Field name to field, for named fields at this level. */
    public Map<String, Field> fieldMap() {
        Map<String, Field> m = new LinkedHashMap<>();
        for (Field f : namedFields()) m.putIfAbsent(f.name(), f);
        return m;
    }

    @Override
    public String toString() {
        return (union ? "union " : "layout ") + name + " (" + sizeBytes() + " bytes, " + namedFields().size() + " fields)";
    }
}
