package fwsh.shell;

import fwsh.dsl.engine.Hexdump;
import groovy.json.JsonGenerator;
import groovy.json.JsonOutput;

import java.util.Collection;
import java.util.Map;

/**
 * Results as JSON, written by groovy-json: values with {@code toMap()} (register values, counter results, trace
 * summaries, records) as objects, with only {@code toRows()} (a counter list) as arrays, bytes as hex, NaN and
 * infinite rates as null, any other object as its text.
 */
final class JsonForm {
    private static final JsonGenerator GENERATOR = new JsonGenerator.Options()
            .disableUnicodeEscaping()
            .addConverter(new Fields())
            .build();

    private JsonForm() {
    }

    /** One compact JSON document, no newline. */
    static String of(Object value) {
        return GENERATOR.toJson(value);
    }

    /** Everything JSON has no native form for. */
    private static final class Fields implements JsonGenerator.Converter {
        @Override
        public boolean handles(Class<?> type) {
            return !(Map.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type)
                    || CharSequence.class.isAssignableFrom(type) || Boolean.class == type
                    || jdkNumber(type) && type != Double.class && type != Float.class
                    || type.isArray() && type != byte[].class || JsonOutput.JsonUnescaped.class == type);
        }

        /** A JDK number is a JSON number; a DSL one (an enum field's EnumValue, an NV value like ETH(2)) prints as its name. */
        private static boolean jdkNumber(Class<?> type) {
            return Number.class.isAssignableFrom(type) && type.getName().startsWith("java.");
        }

        @Override
        public Object convert(Object v, String key) {
            Interrupts.check();
            if (v instanceof Double d) return d.isNaN() || d.isInfinite() ? JsonOutput.unescaped("null") : d;
            if (v instanceof Float f) return f.isNaN() || f.isInfinite() ? JsonOutput.unescaped("null") : f;
            if (v instanceof byte[] b) return Hexdump.hex(b);
            if (v instanceof Enum<?> e) return e.toString();
            if (Structure.hasToMap(v)) return Structure.asMap(v);
            if (Structure.hasRows(v)) return Structure.rows(v); // a list-like result (counter list): an array
            return String.valueOf(v);
        }
    }
}
