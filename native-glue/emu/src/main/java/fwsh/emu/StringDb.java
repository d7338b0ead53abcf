package fwsh.emu;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The tracer's string DB: sections of NUL-terminated format strings, each padded to 64 bytes.
 * A string's pointer is its offset in the whole DB (section base + offset inside the section);
 * every section starts with a dummy string so no real pointer equals a section base.
 */
final class StringDb {
    record Format(String text, int section, long pointer, int params) {
    }

    final List<byte[]> sections = new ArrayList<>();
    final List<Long> bases = new ArrayList<>();
    final List<Format> formats = new ArrayList<>();
    final int generation;

    private StringDb(List<List<String>> texts, int generation) {
        this.generation = generation;
        long base = 0;
        for (int s = 0; s < texts.size(); s++) {
            java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
            buf.writeBytes(("sect" + s + "\0").getBytes(StandardCharsets.US_ASCII));
            for (String t : texts.get(s)) {
                formats.add(new Format(t, s, base + buf.size(), paramCount(t)));
                buf.writeBytes((t + "\0").getBytes(StandardCharsets.US_ASCII));
            }
            while (buf.size() % 64 != 0) buf.write(0);
            sections.add(buf.toByteArray());
            bases.add(base);
            base += buf.size();
        }
    }

    /** The driver's count: %llx is rewritten to %x%x, then every '%' is one 32-bit parameter. */
    static int paramCount(String fmt) {
        String f = fmt.replace("%llx", "%x%x");
        int n = 0;
        for (int i = 0; i < f.length(); i++) if (f.charAt(i) == '%') n++;
        return n;
    }

    static StringDb load(int generation) {
        List<List<String>> texts = new ArrayList<>();
        InputStream in = StringDb.class.getClassLoader().getResourceAsStream("fwsh/emu/tracer-strings.txt");
        if (in == null) throw new IllegalStateException("fwsh/emu/tracer-strings.txt is missing from the classpath");
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) continue;
                if (line.equals("[section]")) {
                    texts.add(new ArrayList<>());
                } else {
                    if (texts.isEmpty()) texts.add(new ArrayList<>());
                    texts.get(texts.size() - 1).add(line);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read tracer strings: " + e.getMessage(), e);
        }
        for (int g = 1; g <= generation; g++) {
            texts.get(texts.size() - 1).add("FW: string DB updated to generation " + g + " (%d)");
        }
        return new StringDb(texts, generation);
    }

    Format find(String text) {
        for (Format f : formats) if (f.text.equals(text)) return f;
        throw new IllegalStateException("no tracer string '" + text + "'");
    }
}
