package fwsh.dsl.engine;

import fwsh.wire.Field;

import org.codehaus.groovy.runtime.InvokerHelper;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * The value of a field with enum names ({@code PAOS.oper_status}): it prints as its name and computes as its
 * number, so {@code r.oper_status == 'up'}, {@code == 1}, {@code 1 == r.oper_status}, {@code in ['up', 'down']},
 * {@code switch} with {@code case 'up'} or {@code case 1}, Groovy truth and {@code as int} all hold.
 * <p>
 * It is a {@link Number} (numeric comparisons and arithmetic go through Groovy's number rules) and a
 * {@link CharSequence} (printing, string interpolation and JSON give the name). It is deliberately not
 * {@link Comparable}: Groovy decides {@code a == b} for a Comparable left side by compareTo, which would make a
 * name on the right compare false; without it, {@code ==} asks {@link #equals}. The operators are defined here,
 * because Groovy would otherwise pick the string forms ({@code x * 2} repeating the name).
 */
public final class EnumValue extends Number implements CharSequence, Describable {
    private final long value;
    private final String name;
    private final Field field;

    public EnumValue(long value, Field field) {
        this.value = value;
        this.field = field;
        this.name = field.enumName(value);
    }

    /** The number in the field. */
    public long getValue() {
        return value;
    }

    /** The enum name, or null when the number has none. */
    public String getName() {
        return name;
    }

    /** Every name the field's enum defines, in catalog order. */
    public List<String> getNames() {
        return List.copyOf(field.enumValues().keySet());
    }

    /** help(r.oper_status): the field, this value and every name. */
    @Override
    public String describe() {
        StringBuilder names = new StringBuilder();
        field.enumValues().forEach((n, v) -> names.append(names.length() == 0 ? "" : ", ").append(n).append('=').append(v));
        return field.owner() + "." + field.name() + " = " + this + (name != null ? " (" + value + ")" : "") + "; names: " + names
                + ". Compares equal to its name and its number; .value is the number, .name the name";
    }

    @Override
    public int intValue() {
        return (int) value;
    }

    @Override
    public long longValue() {
        return value;
    }

    @Override
    public float floatValue() {
        return value;
    }

    @Override
    public double doubleValue() {
        return value;
    }

    /** Equal to its name (any case), its number, and an EnumValue with the same number and name. */
    @Override
    public boolean equals(Object o) {
        if (o instanceof EnumValue e) return e.value == value && java.util.Objects.equals(e.name, name);
        if (o instanceof CharSequence s) return name != null && name.equalsIgnoreCase(s.toString());
        if (o instanceof Character) return false;
        if (o instanceof BigDecimal d) return d.compareTo(BigDecimal.valueOf(value)) == 0;
        if (o instanceof BigInteger b) return b.equals(BigInteger.valueOf(value));
        if (o instanceof Double || o instanceof Float) return ((Number) o).doubleValue() == value;
        if (o instanceof Number n) return n.longValue() == value;
        return false;
    }

    /** The name's hash, so a map keyed by names finds an entry by this value ({@code labels[r.oper_status]}). */
    @Override
    public int hashCode() {
        return name != null ? name.hashCode() : Long.hashCode(value);
    }

    @Override
    public String toString() {
        return name != null ? name : Long.toUnsignedString(value);
    }

    @Override
    public int length() {
        return toString().length();
    }

    @Override
    public char charAt(int index) {
        return toString().charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return toString().subSequence(start, end);
    }

    // Groovy operators and conversions: the number's, so the string forms of CharSequence do not apply.

    public boolean asBoolean() {
        return value != 0;
    }

    @SuppressWarnings("unchecked")
    public <T> T asType(Class<T> type) {
        if (type == String.class || type == CharSequence.class) return (T) toString();
        if (type.isInstance(this) && type != Object.class && type != Number.class) return (T) this;
        return (T) InvokerHelper.invokeMethod(number(), "asType", type);
    }

    public boolean isCase(Object switchValue) {
        return switchValue instanceof EnumValue e ? e.value == value : equals(switchValue);
    }

    public String plus(String other) {
        return toString() + other;
    }

    public String plus(CharSequence other) {
        return toString() + other;
    }

    public Object plus(Number other) {
        return op("plus", other);
    }

    public Object minus(Number other) {
        return op("minus", other);
    }

    public Object multiply(Number other) {
        return op("multiply", other);
    }

    public Object div(Number other) {
        return op("div", other);
    }

    public Object intdiv(Number other) {
        return op("intdiv", other);
    }

    public Object mod(Number other) {
        return op("mod", other);
    }

    public Object remainder(Number other) {
        return op("remainder", other);
    }

    public Object power(Number other) {
        return op("power", other);
    }

    public Object and(Number other) {
        return op("and", other);
    }

    public Object or(Number other) {
        return op("or", other);
    }

    public Object xor(Number other) {
        return op("xor", other);
    }

    public Object leftShift(Number other) {
        return op("leftShift", other);
    }

    public Object rightShift(Number other) {
        return op("rightShift", other);
    }

    public Object rightShiftUnsigned(Number other) {
        return op("rightShiftUnsigned", other);
    }

    public long negative() {
        return -value;
    }

    public long positive() {
        return value;
    }

    public long bitwiseNegate() {
        return ~value;
    }

    public long next() {
        return value + 1;
    }

    public long previous() {
        return value - 1;
    }

    public long abs() {
        return Math.abs(value);
    }

    public Integer toInteger() {
        return intValue();
    }

    public Long toLong() {
        return value;
    }

    public BigInteger toBigInteger() {
        return BigInteger.valueOf(value);
    }

    public BigDecimal toBigDecimal() {
        return BigDecimal.valueOf(value);
    }

    public Double toDouble() {
        return doubleValue();
    }

    private Long number() {
        return value;
    }

    private Object op(String operator, Number other) {
        return InvokerHelper.invokeMethod(number(), operator, unwrap(other));
    }

    private static Object unwrap(Object o) {
        return o instanceof EnumValue e ? (Object) e.value : o;
    }
}
