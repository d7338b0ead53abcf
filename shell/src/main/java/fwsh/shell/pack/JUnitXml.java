package fwsh.shell.pack;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes the de-facto JUnit XML format (Ant/Surefire): one TEST-spec.xml with a testsuite per spec class. */
final class JUnitXml {
    private JUnitXml() {
    }

    static List<Path> write(Path dir, List<Outcome> outcomes, String packName) throws IOException {
        Files.createDirectories(dir);
        Map<String, List<Outcome>> bySpec = new LinkedHashMap<>();
        for (Outcome o : outcomes) bySpec.computeIfAbsent(o.specClass(), k -> new java.util.ArrayList<>()).add(o);
        List<Path> files = new java.util.ArrayList<>();
        String timestamp = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", "");
        for (var e : bySpec.entrySet()) {
            Path file = dir.resolve("TEST-" + e.getKey() + ".xml");
            Files.writeString(file, suite(e.getKey(), e.getValue(), packName, timestamp), StandardCharsets.UTF_8);
            files.add(file);
        }
        return files;
    }

    static String suite(String spec, List<Outcome> cases, String packName, String timestamp) {
        long failures = cases.stream().filter(c -> c.status() == Outcome.Status.FAILED && c.failure() instanceof AssertionError).count();
        long errors = cases.stream().filter(c -> c.status() == Outcome.Status.FAILED && !(c.failure() instanceof AssertionError)).count();
        long skipped = cases.stream().filter(c -> c.status() == Outcome.Status.SKIPPED).count();
        double time = cases.stream().mapToDouble(Outcome::seconds).sum();
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<testsuite name=\"").append(attr(spec)).append("\" tests=\"").append(cases.size())
                .append("\" failures=\"").append(failures).append("\" errors=\"").append(errors)
                .append("\" skipped=\"").append(skipped).append("\" time=\"").append(seconds(time))
                .append("\" timestamp=\"").append(timestamp).append("\" hostname=\"localhost\">\n");
        sb.append("  <properties>\n    <property name=\"fwsh.pack\" value=\"").append(attr(packName)).append("\"/>\n  </properties>\n");
        for (Outcome c : cases) {
            sb.append("  <testcase name=\"").append(attr(c.name())).append("\" classname=\"").append(attr(spec))
                    .append("\" time=\"").append(seconds(c.seconds())).append('"');
            switch (c.status()) {
                case PASSED -> sb.append("/>\n");
                case SKIPPED -> sb.append(">\n    <skipped message=\"").append(attr(String.valueOf(c.skipReason()))).append("\"/>\n  </testcase>\n");
                case FAILED -> {
                    Throwable t = c.failure();
                    String tag = t instanceof AssertionError ? "failure" : "error";
                    sb.append(">\n    <").append(tag).append(" message=\"").append(attr(t == null ? "" : String.valueOf(t.getMessage())))
                            .append("\" type=\"").append(attr(t == null ? "" : t.getClass().getName())).append("\">")
                            .append(text(stackTrace(t))).append("</").append(tag).append(">\n  </testcase>\n");
                }
            }
        }
        sb.append("</testsuite>\n");
        return sb.toString();
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }

    private static String stackTrace(Throwable t) {
        if (t == null) return "";
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    static String attr(String s) {
        return text(s).replace("\"", "&quot;").replace("\n", "&#10;");
    }

    /** Escapes markup and drops characters XML 1.0 cannot carry (a script may print control bytes). */
    static String text(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                default -> {
                    boolean legal = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                            || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000;
                    if (legal) sb.appendCodePoint(cp);
                    else sb.append("\\u").append(String.format("%04x", cp));
                }
            }
        });
        return sb.toString();
    }
}
