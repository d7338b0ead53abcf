package fwsh.text;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON lines (recordings, trace and sample files) through Jackson's streaming API: one object per line, written
 * compact with fields in the order given, read back as {@code Map<String,Object>} with {@code Long} for integers.
 */
public final class JsonLines {
    /** Longest string value read: a mailbox of several MB as hex. */
    private static final int MAX_STRING = 256 << 20;

    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .characterEscapes(new LineSeparators())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_STRING).build())
            .build();

    private JsonLines() {
    }

    /** One object as a line (no trailing newline): values may be null, strings, numbers, booleans, lists and maps. */
    public static String write(Map<String, ?> object) {
        StringWriter w = new StringWriter(256);
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            value(g, object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    private static void value(JsonGenerator g, Object v) throws IOException {
        if (v == null) g.writeNull();
        else if (v instanceof CharSequence s) g.writeString(s.toString());
        else if (v instanceof Boolean b) g.writeBoolean(b);
        else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) g.writeNumber(((Number) v).longValue());
        else if (v instanceof Number n) g.writeNumber(n.toString());
        else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                value(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Iterable<?> l) {
            g.writeStartArray();
            for (Object x : l) value(g, x);
            g.writeEndArray();
        } else {
            throw new IllegalArgumentException("cannot write a " + v.getClass().getSimpleName() + " as JSON");
        }
    }

    /**
     * Parses one line holding one JSON object.
     *
     * @throws IllegalArgumentException one line: {@code invalid JSON at column N: what}
     */
    public static Map<String, Object> parseObject(String line) {
        try (JsonParser p = FACTORY.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw invalid(p, "expected a JSON object starting with '{'");
            Map<String, Object> m = object(p);
            if (p.nextToken() != null) throw invalid(p, "unexpected text after the end of the object");
            return m;
        } catch (JsonProcessingException e) {
            String what = e.getOriginalMessage().replaceAll("\\s*\\R\\s*", " ");
            throw new IllegalArgumentException("invalid JSON at column " + e.getLocation().getColumnNr() + ": " + what);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> object(JsonParser p) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String k = p.currentName();
            p.nextToken();
            m.put(k, value(p));
        }
        return m;
    }

    private static Object value(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case START_OBJECT -> object(p);
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) l.add(value(p));
                yield l;
            }
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> {
                if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) throw invalid(p, "integer " + p.getText() + " is out of range");
                yield p.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw invalid(p, "unexpected " + p.currentToken());
        };
    }

    private static IllegalArgumentException invalid(JsonParser p, String what) {
        return new IllegalArgumentException("invalid JSON at column " + p.currentTokenLocation().getColumnNr() + ": " + what);
    }

    static String lineSeparatorEscape(char c) {
        return c == '\u2028' ? "\\u2028" : "\\u2029";
    }

    /** Jackson's standard escapes, plus the Unicode line and paragraph separators. */
    private static final class LineSeparators extends CharacterEscapes {
        private static final SerializedString LS = new SerializedString(lineSeparatorEscape('\u2028'));
        private static final SerializedString PS = new SerializedString(lineSeparatorEscape('\u2029'));
        private final int[] ascii = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == '\u2028' ? LS : ch == '\u2029' ? PS : null;
        }
    }
}
