package fwsh.trace;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Fallback for devices without umem (fwctl): read what the kernel's own firmware tracer printed through the
 * {@code mlx5:mlx5_fw} tracepoint, as mstfwtrace does in "driver mem mode". Each poll reads the whole
 * {@code trace} file of tracefs, keeps the lines that contain {@code "mlx5_fw: "} (or the older
 * {@code "fw_tracer: "}) and the device's PCI address, strips everything up to and including the device name,
 * parses {@code [0x<ts>] <lost> [0x<event_id>] <msg>} and returns only lines newer than the newest seen so far.
 */
public final class TracefsReader {

    /** Where tracefs is usually mounted, in the order tried. */
    public static final List<Path> DEFAULT_ROOTS = List.of(Path.of("/sys/kernel/tracing"), Path.of("/sys/kernel/debug/tracing"));

    private static final String[] MARKERS = {"mlx5_fw: ", "fw_tracer: "};

    private final Path root;
    private final String bdf;
    private long maxTimestamp = -1;
    private long polls;
    private long malformed;

    /**
     * @param root tracefs mount point (holding {@code trace} and {@code events/})
     * @param bdf  the device's PCI address as the kernel names it ({@code 0000:08:00.0}); null keeps all devices
     */
    public TracefsReader(Path root, String bdf) {
        this.root = Objects.requireNonNull(root, "tracefs root");
        this.bdf = bdf == null ? null : normalizeBdf(bdf);
    }

    /** The first of {@code roots} that holds a tracefs {@code trace} file, checked with {@link #check()}. */
    public static TracefsReader locate(List<Path> roots, String bdf) {
        for (Path r : roots) {
            if (Files.exists(r.resolve("trace"))) {
                TracefsReader reader = new TracefsReader(r, bdf);
                reader.check();
                return reader;
            }
        }
        throw new TracefsUnavailableException("no tracefs found at " + join(roots) + ": mount it with "
                + "'mount -t tracefs nodev " + roots.get(0) + "' (as root), then enable the firmware tracer event with "
                + "'echo 1 > " + roots.get(0).resolve("events/mlx5/mlx5_fw/enable") + "'");
    }

    public static TracefsReader locate(String bdf) {
        return locate(DEFAULT_ROOTS, bdf);
    }

    /** mstfwtrace accepts bus:dev.fn and adds domain 0000. */
    static String normalizeBdf(String bdf) {
        String b = bdf.trim().toLowerCase();
        if (b.matches("[0-9a-f]{2}:[0-9a-f]{2}\\.[0-9a-f]{1,2}")) b = "0000:" + b;
        if (!b.matches("[0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\\.[0-9a-f]{1,2}"))
            throw new IllegalArgumentException("'" + bdf + "' is not a PCI address like 0000:08:00.0");
        return b;
    }

    public Path root() { return root; }

    /** The tracepoint directory: events/mlx5/mlx5_fw, or events/mlx5/fw_tracer on older kernels; null if neither. */
    public Path eventDir() {
        for (String name : new String[]{"mlx5_fw", "fw_tracer"}) {
            Path p = root.resolve("events").resolve("mlx5").resolve(name);
            if (Files.isDirectory(p)) return p;
        }
        return null;
    }

    /** Throws {@link TracefsUnavailableException} naming what to mount, load or enable. */
    public void check() {
        Path trace = root.resolve("trace");
        if (!Files.isDirectory(root))
            throw new TracefsUnavailableException("tracefs is not mounted at " + root + ": mount it with 'mount -t tracefs nodev " + root + "' (as root)");
        if (!Files.exists(trace))
            throw new TracefsUnavailableException(root + " has no 'trace' file: is tracefs mounted there? ('mount -t tracefs nodev " + root + "')");
        if (!Files.isReadable(trace))
            throw new TracefsUnavailableException("cannot read " + trace + ": permission denied; run as root or give your user read access to tracefs");
        Path ev = eventDir();
        if (ev == null)
            throw new TracefsUnavailableException("the mlx5_fw tracepoint is missing (no " + root.resolve("events/mlx5/mlx5_fw")
                    + "): load mlx5_core on a kernel built with its firmware tracer (CONFIG_MLX5_CORE, tracepoints enabled)");
        Path enable = ev.resolve("enable");
        String state;
        try {
            state = Files.readString(enable).trim();
        } catch (NoSuchFileException e) {
            throw new TracefsUnavailableException(ev + " has no 'enable' file: is tracefs mounted correctly at " + root + "?");
        } catch (AccessDeniedException e) {
            throw new TracefsUnavailableException("cannot read " + enable + ": permission denied; run as root");
        } catch (IOException e) {
            throw new TracefsUnavailableException("cannot read " + enable + ": " + e.getMessage());
        }
        if (!state.startsWith("1"))
            throw new TracefsUnavailableException("the mlx5_fw tracepoint is disabled: run 'echo 1 > " + enable + "' (as root)");
    }

    /** True until the first {@link #poll()}: what it returns are old events (mstfwtrace's "Read old events:"). */
    public boolean firstPoll() { return polls == 0; }

    /** Lines that looked like the device's tracer output but did not parse. */
    public long malformed() { return malformed; }

    /** The newest timestamp seen, -1 before any. */
    public long maxTimestamp() { return maxTimestamp; }

    /** Reads the trace file once and returns the device's lines newer than any seen before, in file order. */
    public List<TraceRecord> poll() {
        Path trace = root.resolve("trace");
        List<TraceRecord> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(trace, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("#")) continue;
                TraceRecord rec = parseLine(line);
                if (rec == null) continue;
                if (rec.timestamp() > maxTimestamp) {
                    maxTimestamp = rec.timestamp();
                    out.add(rec);
                }
            }
        } catch (NoSuchFileException e) {
            throw new TracefsUnavailableException(trace + " disappeared: was tracefs unmounted?");
        } catch (AccessDeniedException e) {
            throw new TracefsUnavailableException("cannot read " + trace + ": permission denied; run as root");
        } catch (IOException e) {
            throw new TracefsUnavailableException("cannot read " + trace + ": " + e.getMessage());
        }
        polls++;
        return out;
    }

    /** Parses one trace line of this reader's device; null when it is not one (or does not parse). */
    public TraceRecord parseLine(String line) {
        int m = -1, mlen = 0;
        for (String marker : MARKERS) {
            int i = line.indexOf(marker);
            if (i >= 0) { m = i; mlen = marker.length(); break; }
        }
        if (m < 0) return null;
        if (bdf != null && !line.contains(bdf)) return null;
        String rest = line.substring(m + mlen);
        // the tracepoint prints the device name first: "<dev> [0x<ts>] <lost> [0x<id>] <msg>"
        int sp = rest.indexOf(' ');
        if (!rest.startsWith("[") && sp > 0) rest = rest.substring(sp + 1);
        TraceRecord r = parseTracepointText(rest);
        if (r == null) malformed++;
        return r;
    }

    /** Parses {@code [0x<ts>] <lost> [0x<event_id>] <msg>}; null if it does not have that shape. */
    public static TraceRecord parseTracepointText(String s) {
        if (!s.startsWith("[0x")) return null;
        int e1 = s.indexOf("] ", 3);
        if (e1 < 0) return null;
        long ts;
        try {
            ts = Long.parseUnsignedLong(s.substring(3, e1), 16);
        } catch (NumberFormatException ex) {
            return null;
        }
        int p = e1 + 2;
        int sp = s.indexOf(' ', p);
        if (sp < 0) return null;
        String lostText = s.substring(p, sp);
        if (!lostText.equals("0") && !lostText.equals("1")) return null;
        if (!s.startsWith("[0x", sp + 1)) return null;
        int e2 = s.indexOf(']', sp + 4);
        if (e2 < 0) return null;
        int id;
        try {
            id = Integer.parseInt(s.substring(sp + 4, e2), 16);
        } catch (NumberFormatException ex) {
            return null;
        }
        if (id < 0 || id > 0xFF) return null;
        String msg = e2 + 2 <= s.length() ? s.substring(Math.min(e2 + 2, s.length())) : "";
        return new TraceRecord(ts, lostText.equals("1"), id, msg);
    }

    private static String join(List<Path> roots) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < roots.size(); i++) sb.append(i == 0 ? "" : " or ").append(roots.get(i));
        return sb.toString();
    }
}
