package fwsh.dsl.engine;

import fwsh.base.ArgumentException;
import groovy.json.JsonOutput;
import groovy.json.JsonSlurper;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The append-only write journal: one JSON line per state-changing RPC, flushed and fsynced before the
 * RPC is sent. If the line cannot be written, the RPC is not sent.
 */
public final class Journal implements Describable {
    private final Path path;

    public Journal(Path path) {
        this.path = path;
    }

    /** $XDG_STATE_HOME/fwsh/journal.jsonl, default ~/.local/state/fwsh/journal.jsonl. */
    public static Path defaultPath() {
        String state = System.getenv("XDG_STATE_HOME");
        Path base = state != null && !state.isBlank() ? Path.of(state) : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("fwsh").resolve("journal.jsonl");
    }

    public Path getPath() {
        return path;
    }

    /** Appends one entry (time, user, host and pid are added here) and forces it to disk. */
    public synchronized void append(Map<String, Object> entry) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.now().toString());
        line.put("user", System.getProperty("user.name"));
        line.put("host", hostName());
        line.put("pid", ProcessHandle.current().pid());
        line.putAll(entry);
        byte[] bytes = (JsonOutput.toJson(line) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) ch.write(buf);
                ch.force(true);
            }
        } catch (IOException | SecurityException e) {
            throw new JournalException("cannot write the journal " + path + " (" + e.getMessage()
                    + "); nothing was sent. Fix the file's permissions or space, or choose another with --journal");
        }
    }

    /** Every entry, oldest first. Lines that are not complete JSON (a crash mid-write) are skipped. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> entries() {
        List<Map<String, Object>> out = new ArrayList<>();
        if (!Files.exists(path)) return out;
        JsonSlurper json = new JsonSlurper();
        try {
            for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                if (line.isBlank()) continue;
                try {
                    out.add((Map<String, Object>) json.parseText(line));
                } catch (RuntimeException partial) {
                    // an incomplete last line: everything before it is still good
                }
            }
        } catch (IOException e) {
            throw new JournalException("cannot read the journal " + path + ": " + e.getMessage());
        }
        return out;
    }

    public List<Map<String, Object>> last(int n) {
        List<Map<String, Object>> all = entries();
        return all.subList(Math.max(0, all.size() - n), all.size());
    }

    /** The keys a journal line has (scope: lines written before sent_scope existed), then the device's. */
    public static final List<String> KEYS = List.of("time", "user", "host", "pid", "sent_scope", "fwctl_min_scope",
            "session_scope", "scope", "command", "opcode", "op_mod", "register", "fields", "before", "before_error");
    public static final List<String> DEVICE_KEYS = List.of("name", "pci", "transport", "psid", "fw_version");

    /**
     * Entries whose top-level or device fields equal the given values, e.g. filter(register: 'PAOS'). A key no
     * journal line has is refused (a typo would otherwise match nothing and look like an empty journal).
     */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> filter(Map<String, Object> criteria) {
        for (String k : criteria.keySet()) {
            if (KEYS.contains(k) || DEVICE_KEYS.contains(k)) continue;
            List<String> all = new ArrayList<>(KEYS);
            all.addAll(DEVICE_KEYS);
            List<String> close = fwsh.wire.DidYouMean.suggest(k, all);
            throw new ArgumentException("journal.filter: no entry has a '" + k + "'" + (close.isEmpty() ? "" : "; did you mean "
                    + close.get(0) + "?") + " Keys: " + String.join(", ", all));
        }
        Predicate<Map<String, Object>> match = e -> criteria.entrySet().stream().allMatch(c -> {
            Object v = e.get(c.getKey());
            if (v == null && e.get("device") instanceof Map<?, ?> d) v = ((Map<String, Object>) d).get(c.getKey());
            return v != null && String.valueOf(v).equals(String.valueOf(c.getValue()));
        });
        return entries().stream().filter(match).toList();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public String describe() {
        return "journal: " + path + " — every state-changing RPC, one JSON line each, fsynced before sending."
                + " entries(), last(n), filter(register: 'PAOS')";
    }

    @Override
    public String toString() {
        return "Journal(" + path + ", " + entries().size() + " entries)";
    }
}
