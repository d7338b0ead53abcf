package fwsh.shell.bundle;

import groovy.json.JsonGenerator;
import groovy.json.JsonOutput;

import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;

/**
 * The bundle's JSON (groovy-json). The collector hands over maps and lists of DSL values (it calls their
 * {@code toMap()} itself); what JSON has no form for is written as text: an enum field as its name, bytes as hex,
 * a NaN rate as null.
 */
final class BundleJson {
    private static final JsonGenerator GENERATOR = new JsonGenerator.Options()
            .disableUnicodeEscaping()
            .addConverter(new JsonGenerator.Converter() {
                @Override
                public boolean handles(Class<?> type) {
                    return !(Map.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type)
                            || CharSequence.class.isAssignableFrom(type) || Boolean.class == type
                            || type.isArray() && type != byte[].class
                            || Number.class.isAssignableFrom(type) && type.getName().startsWith("java.")
                            && type != Double.class && type != Float.class);
                }

                @Override
                public Object convert(Object v, String key) {
                    if (v instanceof Number n) return Double.isFinite(n.doubleValue()) ? n : JsonOutput.unescaped("null");
                    if (v instanceof byte[] b) return HexFormat.of().formatHex(b);
                    return String.valueOf(v);
                }
            })
            .build();

    private BundleJson() {
    }

    /** Indented JSON of {@code value}. */
    static String of(Object value) {
        return JsonOutput.prettyPrint(GENERATOR.toJson(value));
    }
}
