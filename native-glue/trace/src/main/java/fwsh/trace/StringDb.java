package fwsh.trace;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The firmware strings database: up to 8 sections, each a base address in the string-DB address space
 * (MTRC_CAP string_db_param[i].string_db_base_address), a size, and the bytes read with MTRC_STDB.
 * Immutable; a STRINGS_DB_UPDATE means building a new one.
 */
public final class StringDb {

    /** MTRC_STDB read sizes the driver uses: whole 256-byte reads, then 64-byte reads for the rest. */
    public static final int READ_SIZE = 256;
    public static final int LEFTOVER_READ_SIZE = 64;

    /** One section. {@code bytes.length == size}. */
    public record Section(long base, int size, byte[] bytes) {
        public Section {
            if (base < 0 || base > 0xFFFFFFFFL)
                throw new IllegalArgumentException("string DB base 0x" + Long.toHexString(base) + " is not a 32-bit address");
            if (size < 0 || size > 0xFFFFFF)
                throw new IllegalArgumentException("string DB size " + size + " out of range 0..0xffffff");
            if (bytes == null || bytes.length != size)
                throw new IllegalArgumentException("string DB section at 0x" + Long.toHexString(base) + " has "
                        + (bytes == null ? "no" : bytes.length) + " bytes but its size is " + size);
        }

        @Override public String toString() {
            return "Section[base=0x" + Long.toHexString(base) + ", size=" + size + "]";
        }
    }

    /** One MTRC_STDB read: {@code readSize} bytes of section {@code index} from {@code startOffset}. */
    public record StdbRead(int index, int startOffset, int readSize) {}

    /** Performs one MTRC_STDB read and returns its string_db_data (exactly {@code readSize} bytes). */
    @FunctionalInterface
    public interface StdbReader {
        byte[] read(int index, int startOffset, int readSize);
    }

    private static final StringDb EMPTY = new StringDb(new Section[0]);

    private final Section[] sections;

    public StringDb(List<Section> sections) {
        this(sections.toArray(new Section[0]));
    }

    private StringDb(Section[] sections) {
        if (sections.length > MtrcCap.MAX_STRING_DB)
            throw new IllegalArgumentException(sections.length + " string DB sections; the maximum is " + MtrcCap.MAX_STRING_DB);
        this.sections = sections.clone();
    }

    public static StringDb empty() { return EMPTY; }

    public List<Section> sections() { return List.of(sections); }

    /**
     * The reads the driver issues for a section of {@code size} bytes: size/256 reads of 256 bytes, then
     * (size%256)/64 reads of 64 bytes (the DB is 64-byte aligned; any tail below 64 bytes is not read).
     */
    public static List<StdbRead> readPlan(int index, int size) {
        List<StdbRead> plan = new ArrayList<>();
        int offset = 0;
        for (int j = 0; j < size / READ_SIZE; j++, offset += READ_SIZE) plan.add(new StdbRead(index, offset, READ_SIZE));
        for (int j = 0; j < (size % READ_SIZE) / LEFTOVER_READ_SIZE; j++, offset += LEFTOVER_READ_SIZE)
            plan.add(new StdbRead(index, offset, LEFTOVER_READ_SIZE));
        return plan;
    }

    /** Reads every section of {@code cap} with the driver's read plan. */
    public static StringDb load(MtrcCap cap, StdbReader reader) {
        List<Section> out = new ArrayList<>();
        for (int i = 0; i < cap.numStringDb(); i++) {
            int size = cap.stringDbSize()[i];
            byte[] bytes = new byte[size];
            for (StdbRead r : readPlan(i, size)) {
                byte[] data = reader.read(r.index(), r.startOffset(), r.readSize());
                if (data == null || data.length < r.readSize())
                    throw new TraceException("MTRC_STDB read of section " + i + " at offset " + r.startOffset()
                            + " returned " + (data == null ? "nothing" : data.length + " bytes") + ", expected " + r.readSize());
                System.arraycopy(data, 0, bytes, r.startOffset(), r.readSize());
            }
            out.add(new Section(cap.stringDbBase()[i], size, bytes));
        }
        return new StringDb(out);
    }

    /**
     * Index of the section holding {@code ptr} with the driver's strict test base < ptr < base + size
     * (a string exactly at base is not found); sections of size 0 are skipped. -1 when none.
     */
    public int sectionOf(int ptr) {
        long p = ptr & 0xFFFFFFFFL;
        for (int i = 0; i < sections.length; i++) {
            Section s = sections[i];
            if (s.size == 0) continue;
            if (p > s.base && p < s.base + s.size) return i;
        }
        return -1;
    }

    /** Section {@code i}. */
    public Section section(int i) { return sections[i]; }

    /** The NUL-terminated format string for {@code ptr}, or null when the pointer is in no section. */
    public String formatAt(int ptr) {
        int i = sectionOf(ptr);
        if (i < 0) return null;
        Section s = sections[i];
        int off = (int) ((ptr & 0xFFFFFFFFL) - s.base);
        return new String(s.bytes, off, cStringLength(s.bytes, off), StandardCharsets.UTF_8);
    }

    /** Length of the NUL-terminated string at {@code off}, stopping at the end of the section. */
    static int cStringLength(byte[] b, int off) {
        int end = off;
        while (end < b.length && b[end] != 0) end++;
        return end - off;
    }

    @Override public boolean equals(Object o) {
        if (!(o instanceof StringDb other) || other.sections.length != sections.length) return false;
        for (int i = 0; i < sections.length; i++) {
            Section a = sections[i], b = other.sections[i];
            if (a.base != b.base || a.size != b.size || !Arrays.equals(a.bytes, b.bytes)) return false;
        }
        return true;
    }

    @Override public int hashCode() {
        int h = 1;
        for (Section s : sections) h = 31 * h + Long.hashCode(s.base) * 17 + Arrays.hashCode(s.bytes);
        return h;
    }

    @Override public String toString() { return "StringDb" + Arrays.toString(sections); }
}
