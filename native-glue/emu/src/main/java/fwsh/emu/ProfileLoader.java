package fwsh.emu;

import fwsh.base.FileException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Finds and parses profiles. Format: one "key = value" per line, '#' comments, blank lines ignored,
 * later keys override earlier ones, "include = other" pulls in another profile first (for small
 * variants). Built-ins live in resources fwsh/emu/profiles/NAME.profile; users add directories
 * with {@link #addDirectory} (or the system property fwsh.emu.profiles, a path list), where a file
 * NAME.profile defines profile NAME and overrides a built-in of the same name.
 */
public final class ProfileLoader {
    static final String RESOURCE_DIR = "fwsh/emu/profiles/";
    static final List<String> BUILT_IN = List.of("cx6dx", "cx7", "cx7ib");
    private static final List<Path> DIRS = new CopyOnWriteArrayList<>();

    private ProfileLoader() {
    }

    public static void addDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ProfileException("profile directory " + dir + " does not exist; create it or pass another");
        }
        DIRS.add(0, dir);
    }

    /** Names of every profile that {@link #load} can find. */
    public static List<String> names() {
        TreeSet<String> out = new TreeSet<>(BUILT_IN);
        for (Path d : dirs()) {
            try (var s = Files.list(d)) {
                s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".profile"))
                        .forEach(n -> out.add(n.substring(0, n.length() - ".profile".length())));
            } catch (IOException ignored) {
                // unreadable directory: nothing to list
            }
        }
        return List.copyOf(out);
    }

    public static Profile load(String name) {
        return new Profile(name, source(name), read(name, 0));
    }

    /** Parses a profile from text (for tests and one-off devices). */
    public static Profile parse(String name, String text) {
        return new Profile(name, "text", parseInto(new LinkedHashMap<>(), new StringReader(text), name, 0));
    }

    private static List<Path> dirs() {
        List<Path> out = new java.util.ArrayList<>(DIRS);
        String prop = System.getProperty("fwsh.emu.profiles");
        if (prop != null) {
            for (String p : prop.split(java.io.File.pathSeparator)) if (!p.isBlank()) out.add(Path.of(p));
        }
        return out;
    }

    private static String source(String name) {
        for (Path d : dirs()) {
            Path f = d.resolve(name + ".profile");
            if (Files.isRegularFile(f)) return f.toString();
        }
        return "built-in " + name;
    }

    private static Map<String, String> read(String name, int depth) {
        if (depth > 4) throw new ProfileException("profile " + name + ": include chain deeper than 4; check for a loop");
        for (Path d : dirs()) {
            Path f = d.resolve(name + ".profile");
            if (Files.isRegularFile(f)) {
                try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                    return parseInto(new LinkedHashMap<>(), r, name, depth);
                } catch (IOException e) {
                    throw FileException.of("read profile", f, e);
                }
            }
        }
        InputStream in = ProfileLoader.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + name + ".profile");
        if (in == null) {
            throw new ProfileException("unknown emulator profile '" + name + "'; known: " + names());
        }
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parseInto(new LinkedHashMap<>(), r, name, depth);
        } catch (IOException e) {
            throw FileException.of("read built-in profile", name, e);
        }
    }

    private static Map<String, String> parseInto(Map<String, String> m, Reader r, String name, int depth) {
        try (BufferedReader br = new BufferedReader(r)) {
            String line;
            int no = 0;
            while ((line = br.readLine()) != null) {
                no++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) continue;
                int eq = t.indexOf('=');
                if (eq <= 0) {
                    throw new ProfileException("profile " + name + " line " + no + ": expected 'key = value', got '" + t + "'");
                }
                String k = t.substring(0, eq).strip();
                String v = t.substring(eq + 1).strip();
                if (k.equals("include")) {
                    m.putAll(read(v, depth + 1));
                } else {
                    m.put(k, v);
                }
            }
        } catch (IOException e) {
            throw FileException.of("read profile", name, e);
        }
        return m;
    }
}
