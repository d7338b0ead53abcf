package fwsh.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * What the importers do with a file's definitions before handing them over: resolve every layout, so a layout that
 * cannot be read correctly (overlapping fields, a field beyond its node) is dropped with a note naming file:line
 * and never used with a wrong offset, and a layout that uses one no file loaded so far defines is noted as
 * unresolved (another file may define it; {@link Catalog#settled()} decides).
 */
final class ImportCheck {
    private ImportCheck() {
    }

    static Catalog check(CatalogSource out) {
        List<String> rejected = new ArrayList<>();
        while (true) {
            Catalog c = new Catalog(out);
            boolean dropped = false;
            out.unresolved.keySet().forEach(out.notes::remove);
            out.unresolved.clear();
            for (String name : List.copyOf(out.layouts.keySet())) {
                LayoutDef d = out.layouts.get(name);
                try {
                    c.layout(name);
                } catch (MissingLayoutException e) {
                    if (rejected.contains(e.missing())) {
                        out.notes.add(d.source + ": skipped layout " + name + ": it uses " + e.missing() + ", which was skipped");
                        out.layouts.remove(name);
                        rejected.add(name);
                        dropped = true;
                        continue;
                    }
                    String note = d.source + ": " + name + " cannot be resolved yet: " + e.getMessage();
                    out.notes.add(note);
                    out.unresolved.put(note, name);
                } catch (WireException e) {
                    out.notes.add(d.source + ": skipped layout " + name + ": " + e.getMessage());
                    out.layouts.remove(name);
                    rejected.add(name);
                    dropped = true;
                }
            }
            // A layout that nested a dropped one is resolved again: it now uses a layout no file defines.
            if (!dropped) break;
        }
        if (!rejected.isEmpty()) {
            out.registers.values().removeIf(r -> {
                boolean gone = rejected.contains(r.layout());
                if (gone) out.notes.add(r.source() + ": skipped register " + r.name() + ": its layout " + r.layout() + " was skipped");
                return gone;
            });
            out.commands.values().removeIf(x -> {
                boolean gone = rejected.contains(x.in()) || rejected.contains(x.out());
                if (gone) out.notes.add(x.source() + ": skipped command " + x.name() + ": its layouts were skipped");
                return gone;
            });
        }
        return new Catalog(out);
    }
}
