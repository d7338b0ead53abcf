package fwsh.dsl.dump;

import fwsh.dsl.engine.Console;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/** A parsed RESOURCE_DUMP stream: its segments in order, and how it was fetched. */
public final class DumpResult {
    private final String what;
    private final List<DumpSegment> segments;
    private final List<MenuRecord> menu;
    private final int bytes;
    private final int rounds;
    private final String mode;
    private volatile Supplier<Console> console = () -> Console.of(System.out);

    DumpResult(String what, List<DumpSegment> segments, List<MenuRecord> menu, int bytes, int rounds, String mode) {
        this.what = what;
        this.segments = Collections.unmodifiableList(new ArrayList<>(segments));
        this.menu = Collections.unmodifiableList(new ArrayList<>(menu));
        this.bytes = bytes;
        this.rounds = rounds;
        this.mode = mode;
    }

    /** What was asked for, e.g. "FULL_QPC (0x1000) index1=0x100". */
    public String getWhat() { return what; }
    public List<DumpSegment> getSegments() { return segments; }
    /** The records of a MENU segment, empty for other dumps. */
    public List<MenuRecord> getMenu() { return menu; }
    /** Stream length in bytes, and the number of RESOURCE_DUMP accesses it took. */
    public int getBytes() { return bytes; }
    public int getRounds() { return rounds; }
    /** "inline" or "mkey". */
    public String getMode() { return mode; }

    public List<DumpSegment> getResources() { return of(DumpSegment.Kind.RESOURCE); }
    public List<DumpSegment> getNotices() { return of(DumpSegment.Kind.NOTICE); }
    public List<DumpSegment> getErrors() { return of(DumpSegment.Kind.ERROR); }
    public List<DumpSegment> getReferences() { return of(DumpSegment.Kind.REFERENCE); }

    public List<DumpSegment> of(DumpSegment.Kind kind) {
        List<DumpSegment> out = new ArrayList<>();
        for (DumpSegment s : segments) if (s.getKind() == kind) out.add(s);
        return out;
    }

    /** Whether the stream ended with a TERMINATE segment. */
    public boolean isTerminated() {
        return !segments.isEmpty() && segments.get(segments.size() - 1).getKind() == DumpSegment.Kind.TERMINATE;
    }

    /** Where show() prints: the session's console of the device it came from. */
    void printTo(Supplier<Console> console) {
        this.console = console;
        for (DumpSegment s : segments) s.printTo(console);
    }

    /** Prints every segment: its one-liner and, for resource segments, the payload hexdump ({@link #showText()}). */
    public void show() {
        console.get().print(showText());
    }

    public String showText() {
        StringBuilder sb = new StringBuilder(toString()).append('\n');
        for (DumpSegment s : segments) {
            if (s.getKind() == DumpSegment.Kind.MENU) {
                sb.append(s).append('\n');
                for (MenuRecord r : menu) sb.append("  ").append(r.row()).append('\n');
            } else {
                sb.append(s.showText()).append('\n');
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "ResourceDump(" + what + ": " + (menu.isEmpty() ? getResources().size() + " resource segment(s)" : menu.size() + " menu records")
                + (getNotices().isEmpty() ? "" : ", " + getNotices().size() + " notice(s)")
                + ", " + bytes + " bytes in " + rounds + " " + mode + " round(s))";
    }
}
