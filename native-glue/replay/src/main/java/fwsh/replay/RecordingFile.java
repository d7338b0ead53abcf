package fwsh.replay;

import fwsh.channel.Channel;
import fwsh.channel.ChannelException;
import fwsh.channel.DeviceInfo;
import fwsh.channel.Errno;
import fwsh.text.JsonLines;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One recording file shared by the {@link RecordingChannel}s of a session's devices: the header names device 0, each
 * further device gets a device line before its first record, records are numbered in file order, and the end line
 * is written when the last channel closes. Every line is written whole and flushed.
 */
final class RecordingFile {
    private final Path file;
    private final Writer writer;
    private final long startNanos = System.nanoTime();
    private final Object lock = new Object();
    private long seq;
    private int devices;
    private int open;
    private boolean ended;

    private RecordingFile(Path file, Writer writer) {
        this.file = file;
        this.writer = writer;
    }

    /** Creates (or truncates) {@code file} and writes the header with {@code first} as device 0. */
    static RecordingFile create(Path file, Channel first, String fwshVersion) {
        DeviceInfo info = first.info();
        boolean umem = first.supportsUmem();
        Writer w;
        try {
            w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw RecordingChannel.ioError("cannot create recording file " + file, e);
        }
        RecordingFile f = new RecordingFile(file, w);
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("type", RecordFormat.HEADER);
        h.put("format", RecordFormat.FORMAT);
        h.put("version", RecordFormat.VERSION);
        h.put("fwsh", fwshVersion);
        h.put("time", Instant.now().toString());
        h.put("host", hostName());
        h.put("device", deviceJson(info));
        h.put("supports_umem", umem);
        try {
            f.writeLine(h);
        } catch (ChannelException e) {
            try {
                w.close();
            } catch (IOException ignored) {
                // already reporting the write failure
            }
            throw e;
        }
        f.devices = 1;
        f.open = 1;
        return f;
    }

    Path path() {
        return file;
    }

    long startNanos() {
        return startNanos;
    }

    /** Adds a further device of the session: writes its device line and returns its index. */
    int addDevice(Channel ch) {
        DeviceInfo info = ch.info();
        boolean umem = ch.supportsUmem();
        synchronized (lock) {
            if (ended) throw new ChannelException(Errno.EBADF, "recording " + file + " is finished (every device it recorded"
                    + " was closed); record the new device with a new session");
            int dev = devices;
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("type", RecordFormat.DEVICE);
            d.put("dev", dev);
            d.put("time", Instant.now().toString());
            d.put("t_ns", System.nanoTime() - startNanos);
            d.put("device", deviceJson(info));
            d.put("supports_umem", umem);
            writeLine(d);
            devices++;
            open++;
            return dev;
        }
    }

    /** Records written so far (header, device and end lines not counted). */
    long records() {
        synchronized (lock) {
            return seq;
        }
    }

    /**
     * Writes one record of device {@code dev} as a whole line, numbered here in file order. A call that completes after
     * the end line is not recorded.
     */
    void append(int dev, Map<String, Object> body) {
        synchronized (lock) {
            if (ended) return;
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("seq", seq + 1);
            if (dev != 0) line.put("dev", dev);
            line.putAll(body);
            writeLine(line);
            seq++;
        }
    }

    /** A device's channel closed; the last one writes the end line and closes the file. */
    void release() {
        synchronized (lock) {
            if (ended || --open > 0) return;
            ended = true;
            Map<String, Object> end = new LinkedHashMap<>();
            end.put("type", RecordFormat.END);
            end.put("time", Instant.now().toString());
            end.put("t_ns", System.nanoTime() - startNanos);
            end.put("records", seq);
            try {
                writer.write(JsonLines.write(end) + "\n");
                writer.close();
            } catch (IOException e) {
                throw RecordingChannel.ioError("cannot finish recording file " + file, e);
            }
        }
    }

    private void writeLine(Map<String, Object> m) {
        try {
            writer.write(JsonLines.write(m) + "\n");
            writer.flush();
        } catch (IOException e) {
            throw RecordingChannel.ioError("cannot write recording file " + file
                    + (m.containsKey("seq") ? " (the call completed but is not recorded)" : ""), e);
        }
    }

    private static Map<String, Object> deviceJson(DeviceInfo d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", d.name());
        m.put("transport", d.transport() == null ? null : d.transport().label);
        m.put("personality", d.personality() == null ? null : d.personality().label);
        m.put("pci", d.pci());
        m.put("node", d.node());
        m.put("device_type", d.deviceType());
        m.put("uid", d.uid());
        m.put("uctx_caps", "0x" + Long.toHexString(d.uctxCaps()));
        m.put("netdevs", d.netdevs());
        m.put("rdma", d.rdmaDevs());
        m.put("profile", d.profile());
        return m;
    }

    private static String hostName() {
        try {
            String h = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
            if (!h.isEmpty()) return h;
        } catch (IOException | RuntimeException ignored) {
            // not Linux or no procfs: fall back to the environment
        }
        String h = System.getenv("HOSTNAME");
        return h == null || h.isBlank() ? null : h;
    }
}
