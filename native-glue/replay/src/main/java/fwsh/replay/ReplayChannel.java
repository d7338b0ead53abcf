package fwsh.replay;

import fwsh.channel.Channel;
import fwsh.channel.ChannelException;
import fwsh.channel.DeviceEvent;
import fwsh.channel.DeviceInfo;
import fwsh.channel.Errno;
import fwsh.channel.Mailbox;
import fwsh.channel.Scope;
import fwsh.channel.Transport;
import fwsh.channel.Umem;
import fwsh.channel.UmemUnsupportedException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A backend that answers from a recording ({@link RecordingChannel}'s file) instead of a device, in
 * {@link ReplayMode#ORDERED} or {@link ReplayMode#MATCHED} mode. Recorded outputs are returned byte
 * for byte; recorded failures are re-thrown as the same {@link ChannelException} class with the same
 * errno and message. A request the recording cannot answer throws {@link ReplayMismatchException}.
 *
 * <p>{@link #info()} is the recorded device with transport {@link Transport#REPLAY} and the recorded
 * personality. Thread-safe: picking an answer is a short critical section.
 */
public final class ReplayChannel implements Channel {
    private static final int SUMMARY_LIMIT = 8;

    private final Recording recording;
    private final RecordedDevice device;
    private final ReplayMode mode;
    private final DeviceInfo info;
    private final Set<ReplayUmem> umems = ConcurrentHashMap.newKeySet();

    // ORDERED: RPCs and umem registrations in file order, and how many were served.
    private final List<RecordedCall> sequence = new ArrayList<>();
    private int cursor;

    // MATCHED: records by request key; cursors by key + scope (or key + "*" when no record has the scope).
    private final Map<String, List<RecordedRpc>> byKey = new HashMap<>();
    private final Map<Long, List<RecordedUmem>> umemBySize = new LinkedHashMap<>();
    private final Map<String, List<RecordedRpc>> byScope = new HashMap<>();
    private final Map<String, Integer> cursors = new HashMap<>();

    // Events with the number of requests recorded before each; handed out once that many were answered.
    private final List<RecordedEvent> events = new ArrayList<>();
    private final List<Integer> eventsAfter = new ArrayList<>();
    private int nextEvent;
    private int served;
    private volatile boolean closed;

    /** Reads {@code file} and replays its first device (see {@link #openAll} for every device of the session). */
    public static ReplayChannel open(Path file, ReplayMode mode) {
        return new ReplayChannel(Recording.read(file), mode);
    }

    /**
     * Reads {@code file} and replays every device of the recorded session, in the order they were recorded. A
     * version 1 recording holds one device; the files an older fwsh wrote beside it for the session's other devices
     * ({@code FILE.1}, {@code FILE.2} …) are served too, in that order.
     */
    public static List<ReplayChannel> openAll(Path file, ReplayMode mode) {
        Recording r = Recording.read(file);
        List<ReplayChannel> out = new ArrayList<>();
        for (RecordedDevice d : r.devices()) out.add(new ReplayChannel(r, d.index(), mode));
        if (r.header().version() == 1) {
            for (int i = 1; Files.isRegularFile(file.resolveSibling(file.getFileName() + "." + i)); i++) {
                out.add(new ReplayChannel(Recording.read(file.resolveSibling(file.getFileName() + "." + i)), mode));
            }
        }
        return out;
    }

    /** Replays device 0 of {@code recording}. */
    public ReplayChannel(Recording recording, ReplayMode mode) {
        this(recording, 0, mode);
    }

    /** Replays device {@code index} of {@code recording} (0 is the one its header names). */
    public ReplayChannel(Recording recording, int index, ReplayMode mode) {
        if (recording == null || mode == null) throw new IllegalArgumentException("a replay needs a recording and a mode (ordered or matched)");
        if (index < 0 || index >= recording.devices().size()) {
            throw new IllegalArgumentException("recording " + recording.file() + " has " + recording.devices().size()
                    + " device(s); there is no device " + index);
        }
        this.recording = recording;
        this.device = recording.devices().get(index);
        this.mode = mode;
        DeviceInfo d = device.info();
        Transport personality = d.personality() != null ? d.personality() : d.transport();
        this.info = new DeviceInfo(d.name(), Transport.REPLAY, personality, d.pci(), null, d.deviceType(), d.uid(),
                d.uctxCaps(), d.netdevs(), d.rdmaDevs(), d.profile());
        for (RecordedCall c : device.calls()) {
            if (c instanceof RecordedRpc r) {
                sequence.add(r);
                byKey.computeIfAbsent(Requests.key(r.in(), r.outLen()), k -> new ArrayList<>()).add(r);
            } else if (c instanceof RecordedUmem u && u.register()) {
                sequence.add(u);
                umemBySize.computeIfAbsent(u.requestedSize(), k -> new ArrayList<>()).add(u);
            } else if (c instanceof RecordedEvent e) {
                events.add(e);
                eventsAfter.add(sequence.size());
            }
        }
    }

    public Recording recording() {
        return recording;
    }

    public ReplayMode mode() {
        return mode;
    }

    /** The device exactly as recorded (its original transport and node). */
    public DeviceInfo recordedInfo() {
        return device.info();
    }

    /** Which device of the recording this is: 0 for the one the header names. */
    public int deviceIndex() {
        return device.index();
    }

    /** What the reader tolerated in the file (see {@link Recording#notes()}). */
    public List<String> notes() {
        return recording.notes();
    }

    /** Requests answered so far (RPCs and umem registrations, including re-thrown recorded failures). */
    public synchronized int served() {
        return served;
    }

    /** In ordered mode, recorded requests not yet asked for; in matched mode always 0. */
    public synchronized int remaining() {
        return mode == ReplayMode.ORDERED ? sequence.size() - cursor : 0;
    }

    @Override
    public DeviceInfo info() {
        return info;
    }

    @Override
    public boolean supportsUmem() {
        return device.supportsUmem();
    }

    @Override
    public byte[] rpc(Scope scope, byte[] in, int outLen) {
        checkOpen();
        if (in == null) throw new IllegalArgumentException("rpc input mailbox is null");
        RecordedRpc r = mode == ReplayMode.ORDERED ? nextOrdered(in, outLen) : matched(scope, in, outLen);
        if (r.error() != null) throw r.error().toException();
        return r.out().clone();
    }

    /**
     * The recorded events whose preceding requests have all been answered, each once, in recorded order: the
     * session sees them where the recorded one did. Time on a replay is the host's (the default clock).
     */
    @Override
    public synchronized List<DeviceEvent> drainEvents() {
        checkOpen();
        List<DeviceEvent> out = new ArrayList<>();
        while (nextEvent < events.size() && eventsAfter.get(nextEvent) <= served) out.add(events.get(nextEvent++).event());
        return out;
    }

    @Override
    public Umem registerUmem(long size) {
        checkOpen();
        RecordedUmem u = mode == ReplayMode.ORDERED ? nextOrderedUmem(size) : matchedUmem(size);
        if (u.error() != null) throw u.error().toException();
        ReplayUmem m = new ReplayUmem(this, u.id(), u.address(), u.size());
        umems.add(m);
        return m;
    }

    void released(ReplayUmem u) {
        umems.remove(u);
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        for (ReplayUmem u : List.copyOf(umems)) u.close();
    }

    @Override
    public String toString() {
        return "replay of " + recording.file() + " (" + mode.name().toLowerCase() + ", device " + info.name()
                + (device.index() == 0 ? "" : ", recorded device " + device.index()) + ")";
    }

    private void checkOpen() {
        if (closed) throw new ChannelException(Errno.EBADF, "replay of " + recording.file() + " is closed; open it again");
    }

    // ---- ORDERED ----

    private synchronized RecordedRpc nextOrdered(byte[] in, int outLen) {
        int n = served + 1;
        String asked = Requests.describe(in);
        if (cursor >= sequence.size()) throw exhausted(n, asked);
        RecordedCall next = sequence.get(cursor);
        if (next instanceof RecordedRpc r && r.matches(in, outLen)) {
            cursor++;
            served++;
            return r;
        }
        String expected = next instanceof RecordedRpc r
                ? Requests.differences(r.in(), r.outLen(), in, outLen)
                : "expected a umem registration of " + ((RecordedUmem) next).requestedSize() + " bytes";
        throw differs(n, asked, expected, next);
    }

    private synchronized RecordedUmem nextOrderedUmem(long size) {
        int n = served + 1;
        String asked = "umem registration of " + size + " bytes";
        if (cursor >= sequence.size()) throw exhausted(n, asked);
        RecordedCall next = sequence.get(cursor);
        if (next instanceof RecordedUmem u && u.requestedSize() == size) {
            cursor++;
            served++;
            return u;
        }
        String expected = next instanceof RecordedRpc r ? "expected " + Requests.describe(r.in())
                : "expected a umem registration of " + ((RecordedUmem) next).requestedSize() + " bytes";
        throw differs(n, asked, expected, next);
    }

    private ReplayMismatchException exhausted(int n, String asked) {
        return new ReplayMismatchException("replay: request #" + n + " " + asked + " is past the end of the recording "
                + recording.file() + " (" + sequence.size() + " requests); record a longer session or use matched mode");
    }

    private ReplayMismatchException differs(int n, String asked, String expected, RecordedCall next) {
        return new ReplayMismatchException("replay: request #" + n + " " + asked + " differs from the recording ("
                + expected + "; recorded seq " + next.seq() + " at " + recording.file().getFileName() + " line " + next.line()
                + "); record a new session or use matched mode");
    }

    // ---- MATCHED ----

    private synchronized RecordedRpc matched(Scope scope, byte[] in, int outLen) {
        String key = Requests.key(in, outLen);
        List<RecordedRpc> all = byKey.get(key);
        if (all == null) throw noAnswer(in, outLen);
        String scoped = key + "|" + scope;
        List<RecordedRpc> sameScope = byScope.computeIfAbsent(scoped, k -> all.stream().filter(r -> r.scope() == scope).toList());
        RecordedRpc r = sameScope.isEmpty() ? take(key + "|*", all) : take(scoped, sameScope);
        served++;
        return r;
    }

    private synchronized RecordedUmem matchedUmem(long size) {
        List<RecordedUmem> pool = umemBySize.get(size);
        if (pool == null) {
            if (!supportsUmem()) {
                throw new UmemUnsupportedException("replay: the recorded device " + info.name() + " (" + info.personality()
                        + ") had no umem, and the recording has no umem registration of " + size + " bytes");
            }
            String have = umemBySize.isEmpty() ? "none"
                    : umemBySize.entrySet().stream().map(e -> e.getKey() + " B ×" + e.getValue().size()).collect(Collectors.joining(", "));
            throw new ReplayMismatchException("replay: no recorded answer for a umem registration of " + size
                    + " bytes — the recording's umem registrations: " + have + "; record a session that includes it");
        }
        RecordedUmem u = take("umem|" + size, pool);
        served++;
        return u;
    }

    /** Recorded order, then the last answer again once they are used up. */
    private <T> T take(String cursorKey, List<T> pool) {
        int i = cursors.merge(cursorKey, 1, Integer::sum) - 1;
        return pool.get(Math.min(i, pool.size() - 1));
    }

    private ReplayMismatchException noAnswer(byte[] in, int outLen) {
        StringBuilder m = new StringBuilder("replay: no recorded answer for ").append(Requests.describe(in, true))
                .append(" (").append(in.length).append("-byte input, outLen ").append(outLen).append(")");
        List<RecordedRpc> sameOpcode = in.length < 8 ? List.of() : sequence.stream()
                .filter(c -> c instanceof RecordedRpc r && r.in() != null && r.in().length >= 8 && r.opcode() == Mailbox.opcode(in))
                .map(c -> (RecordedRpc) c).toList();
        if (sameOpcode.isEmpty()) {
            m.append(" — the recording has no requests of this opcode");
        } else {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (RecordedRpc r : sameOpcode) counts.merge(Requests.describe(r.in()), 1, Integer::sum);
            m.append(" — the recording has ").append(sameOpcode.size()).append(" request")
                    .append(sameOpcode.size() == 1 ? "" : "s").append(" of this opcode: ");
            m.append(counts.entrySet().stream().limit(SUMMARY_LIMIT)
                    .map(e -> e.getKey() + (e.getValue() > 1 ? " ×" + e.getValue() : "")).collect(Collectors.joining(", ")));
            if (counts.size() > SUMMARY_LIMIT) m.append(", … ").append(counts.size() - SUMMARY_LIMIT).append(" more");
            String asked = Requests.describe(in);
            sameOpcode.stream().filter(r -> Requests.describe(r.in()).equals(asked)).findFirst().ifPresent(r ->
                    m.append(" (closest: seq ").append(r.seq()).append(", ")
                            .append(Requests.differences(r.in(), r.outLen(), in, outLen)).append(")"));
        }
        return new ReplayMismatchException(m.append("; record a session that includes it").toString());
    }
}
