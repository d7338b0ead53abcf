package fwsh.dsl.nv;

import fwsh.dsl.engine.DeviceAccess;
import fwsh.nv.NvException;
import groovy.json.JsonOutput;
import groovy.json.JsonSlurper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A configuration baseline file: JSON with the device it was taken from and each parameter's next-boot value as
 * mlxconfig users write it ({@code "SRIOV_EN": "True(1)"}, {@code "LINK_TYPE_P1": "ETH(2)"}, arrays comma-separated).
 * Written to a temporary file and moved into place, so a crash never leaves half a baseline.
 */
final class NvBaseline {
    static final String FORMAT = "fwsh-nv-baseline";

    private NvBaseline() {
    }

    static Path write(Path file, DeviceAccess dev, String source, NvTable table) {
        Map<String, Object> info = dev.getInfo();
        Map<String, Object> device = new LinkedHashMap<>();
        for (String k : List.of("name", "pci", "psid", "fw_version", "device_id", "profile")) if (info.get(k) != null) device.put(k, info.get(k));
        Map<String, Object> params = new LinkedHashMap<>();
        for (NvRow r : table) params.put(r.parameter(), NvText.show(r.next()));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", FORMAT);
        doc.put("version", 1);
        doc.put("taken", Instant.now().toString());
        doc.put("device", device);
        doc.put("definitions", source);
        doc.put("parameters", params);
        try {
            Path abs = file.toAbsolutePath();
            if (abs.getParent() != null) Files.createDirectories(abs.getParent());
            Path tmp = Files.createTempFile(abs.getParent(), ".nv-", ".json");
            Files.writeString(tmp, JsonOutput.prettyPrint(JsonOutput.toJson(doc)) + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return abs;
        } catch (IOException e) {
            throw new NvException("cannot write the NV baseline " + file + ": " + e.getMessage());
        }
    }

    /** The parameters of a baseline: a file written by backup, a map with "parameters", or a map of NAME: value. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> parameters(Object baseline) {
        Object doc = baseline;
        if (baseline instanceof CharSequence || baseline instanceof Path || baseline instanceof java.io.File) {
            Path f = baseline instanceof java.io.File file ? file.toPath() : Path.of(baseline.toString());
            if (!Files.isRegularFile(f)) throw new NvException("no NV baseline file " + f + " (write one with dev.nv.backup or config/backup.groovy)");
            try {
                doc = new JsonSlurper().parseText(Files.readString(f, StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                throw new NvException("NV baseline " + f + " is not JSON (" + firstLine(e.getMessage()) + ")");
            }
            if (!(doc instanceof Map<?, ?> m) || !FORMAT.equals(m.get("format")) || !(m.get("parameters") instanceof Map)) {
                throw new NvException("NV baseline " + f + " is not a " + FORMAT + " file (no format/parameters); write one with dev.nv.backup");
            }
        }
        if (!(doc instanceof Map<?, ?> m)) throw new NvException("a baseline is a file name or a map of NAME: value, not " + baseline);
        Object params = m.get("parameters") instanceof Map<?, ?> p ? p : m;
        Map<String, Object> out = new LinkedHashMap<>();
        ((Map<Object, Object>) params).forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private static String firstLine(String s) {
        return s == null ? "unreadable" : s.lines().findFirst().orElse(s);
    }
}
