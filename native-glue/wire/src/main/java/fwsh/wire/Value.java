package fwsh.wire;

import java.util.List;
import java.util.Map;

/**
 * A layout's fields read from bytes. Numeric fields (up to 64 bits, 64-bit counters included) are
 * {@link Long} (a 64-bit value above 2^63-1 reads as a negative long: use {@link Long#toUnsignedString}),
 * byte fields are {@code byte[]}, nested layouts are {@link Value}s and arrays are {@link List}s.
 */
public interface Value {
    Layout layout();

    /** The value at a dotted path, e.g. {@code counter_set.a_frames_received_ok} or {@code string_db_param[1].string_db_size}. */
    Object get(String path);

    /** A numeric field's value. */
    long getLong(String path);

    /** The enum name of a numeric field's value, or null when the value has none. */
    String enumName(String path);

    /** Named fields present in this value (for a union: the selected member only, when a selector chose one). */
    List<Field> fields();

    /** Field name to value, nested layouts as maps, in field order. */
    Map<String, Object> toMap();

    /** Table: byte offset, bits, field, value in hex and decimal, enum name, description. */
    String show();

    /** The raw bytes of the value (a copy). */
    byte[] bytes();
}
