package fwsh.wire;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Layouts, registers, commands, opcodes, status codes and capability types. Immutable; layouts are
 * resolved on first use. {@link #builtin()} is loaded once from the {@code fwsh/catalog/*.prm} resources (from their
 * precompiled image, {@link CatalogImage}, when it is current).
 */
public final class Catalog {
    /** Resource files of the built-in catalog, in load order. */
    static final String[] BUILTIN = {"tables.prm", "commands.prm", "hca_cap.prm", "registers.prm", "ppcnt.prm", "pddr.prm",
            "tracer.prm", "resource_dump.prm", "nv.prm"};

    private final CatalogSource src;
    private final Resolver resolver;

    public Catalog(CatalogSource src) {
        this.src = src;
        this.resolver = new Resolver(src);
    }

    private static final class Holder {
        static final Catalog BUILTIN_CATALOG = loadBuiltin();
    }

    /** The built-in catalog's stamp, set when it is loaded. */
    private static volatile String builtinStamp;

    /** The catalog shipped with fwsh (loaded on first use). */
    public static Catalog builtin() {
        return Holder.BUILTIN_CATALOG;
    }

    /** The built-in catalog's image, written at build time by {@link CatalogImage#main}. */
    static final String IMAGE = "fwsh/catalog/builtin.bin";

    /**
     * From the precompiled image when it matches the .prm resources; parsed from them when it is missing or stale.
     * Inside a jar the image was built from the .prm files beside it, so its own stamp is trusted and the texts are
     * not read (a start-up saving); in a build tree or an IDE a .prm may have been edited since, so they are compared.
     */
    private static Catalog loadBuiltin() {
        URL url = Catalog.class.getClassLoader().getResource(IMAGE);
        CatalogSource s = null;
        String stamp = null;
        if (url != null) {
            try (InputStream in = url.openStream()) {
                byte[] image = in.readAllBytes();
                stamp = "jar".equals(url.getProtocol()) ? CatalogImage.stamp(image) : stamp(builtinTexts());
                if (stamp != null) s = CatalogImage.read(image, stamp);
            } catch (IOException e) {
                // unreadable image: parse
            }
        }
        if (s == null) {
            Map<String, String> texts = builtinTexts();
            builtinStamp = stamp(texts);
            return parse(texts);
        }
        builtinStamp = stamp;
        return new Catalog(s);
    }

    /** The built-in catalog parsed from its .prm resources (what the image must equal). */
    static Catalog parseBuiltin() {
        return parse(builtinTexts());
    }

    /** What the built-in catalog is made from: a checksum of the .prm resources, so an edited one makes the image stale. */
    static String builtinStamp() {
        builtin();
        return builtinStamp;
    }

    private static Catalog parse(Map<String, String> texts) {
        CatalogSource s = new CatalogSource();
        texts.forEach((file, text) -> LayoutParser.parseInto(s, text, file));
        return new Catalog(s);
    }

    private static String stamp(Map<String, String> texts) {
        CRC32 crc = new CRC32();
        texts.forEach((file, text) -> {
            crc.update(file.getBytes(StandardCharsets.UTF_8));
            crc.update(text.getBytes(StandardCharsets.UTF_8));
        });
        return "builtin " + Long.toHexString(crc.getValue());
    }

    private static Map<String, String> builtinTexts() {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String file : BUILTIN) {
            String path = "fwsh/catalog/" + file;
            try (InputStream in = Catalog.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) throw new WireException("built-in catalog resource " + path + " is missing from the jar");
                texts.put(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new WireException("cannot read built-in catalog resource " + path + ": " + e.getMessage(), e);
            }
        }
        return texts;
    }

    /** Parses catalog text in the layout language (see FORMAT.md). */
    public static Catalog parse(String text, String sourceName) {
        CatalogSource s = new CatalogSource();
        LayoutParser.parseInto(s, text, sourceName);
        return new Catalog(s);
    }

    /** The definitions behind this catalog (a copy). */
    public CatalogSource source() {
        return src.copy();
    }

    /** Notes from loading and merging: skipped constructs (file:line) and what user definitions replaced. */
    public List<String> notes() {
        return Collections.unmodifiableList(src.notes);
    }

    // ---- layouts ----

    public Layout layout(String name) {
        return resolver.resolve(name);
    }

    public Optional<Layout> findLayout(String name) {
        if (!src.layouts.containsKey(name)) return Optional.empty();
        return Optional.of(resolver.resolve(name));
    }

    public List<String> layoutNames() {
        return List.copyOf(src.layouts.keySet());
    }

    // ---- registers ----

    /** A register by name (case-insensitive) or id ("0x5006", "20486"). */
    public RegisterDef register(String nameOrId) {
        CatalogSource.Reg r = findReg(nameOrId);
        if (r == null) {
            List<String> names = new ArrayList<>(src.registers.keySet());
            throw new UnknownFieldException("catalog registers", nameOrId, DidYouMean.suggest(nameOrId, names));
        }
        return toDef(r);
    }

    public Optional<RegisterDef> findRegister(String nameOrId) {
        CatalogSource.Reg r = findReg(nameOrId);
        return r == null ? Optional.empty() : Optional.of(toDef(r));
    }

    private CatalogSource.Reg findReg(String nameOrId) {
        Objects.requireNonNull(nameOrId, "register name");
        CatalogSource.Reg r = src.registers.get(nameOrId.toUpperCase(Locale.ROOT));
        if (r != null) return r;
        Long id = Encoder.parseNumber(nameOrId.trim());
        if (id != null) for (CatalogSource.Reg x : src.registers.values()) if (x.id() == id) return x;
        return null;
    }

    private RegisterDef toDef(CatalogSource.Reg r) {
        return new RegisterDef(r.name(), r.id(), layout(r.layout()).withTitle(r.name()), r.description());
    }

    public List<RegisterDef> registers() {
        List<RegisterDef> out = new ArrayList<>();
        for (CatalogSource.Reg r : src.registers.values()) out.add(toDef(r));
        return out;
    }

    /** Register name to id, without resolving layouts. */
    public Map<String, Integer> registerIds() {
        Map<String, Integer> m = new LinkedHashMap<>();
        src.registers.values().forEach(r -> m.put(r.name(), r.id()));
        return m;
    }

    // ---- commands and opcodes ----

    public CommandDef command(String name) {
        CatalogSource.Cmd c = src.commands.get(name.toUpperCase(Locale.ROOT));
        if (c == null) {
            Long op = Encoder.parseNumber(name.trim());
            if (op != null) for (CatalogSource.Cmd x : src.commands.values()) if (x.opcode() == op) c = x;
        }
        if (c == null) throw new UnknownFieldException("catalog commands", name, DidYouMean.suggest(name, src.commands.keySet()));
        return toDef(c);
    }

    public Optional<CommandDef> findCommand(String name) {
        try {
            return Optional.of(command(name));
        } catch (UnknownFieldException e) {
            return Optional.empty();
        }
    }

    private CommandDef toDef(CatalogSource.Cmd c) {
        return new CommandDef(c.name(), c.opcode(), c.in() == null ? null : layout(c.in()), c.out() == null ? null : layout(c.out()),
                c.description());
    }

    public List<CommandDef> commands() {
        List<CommandDef> out = new ArrayList<>();
        for (CatalogSource.Cmd c : src.commands.values()) out.add(toDef(c));
        return out;
    }

    /** Opcode of a command name (MLX5_CMD_OP_ prefix optional), or null. */
    public Integer opcode(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        if (n.startsWith("MLX5_CMD_OP_")) n = n.substring("MLX5_CMD_OP_".length());
        Integer v = src.opcodes.get(n);
        if (v == null && src.commands.containsKey(n)) v = src.commands.get(n).opcode();
        return v;
    }

    /** Name of an opcode, or null. */
    public String opcodeName(int opcode) {
        for (Map.Entry<String, Integer> e : src.opcodes.entrySet()) if (e.getValue() == opcode) return e.getKey();
        for (CatalogSource.Cmd c : src.commands.values()) if (c.opcode() == opcode) return c.name();
        return null;
    }

    public Map<String, Integer> opcodes() {
        return Collections.unmodifiableMap(src.opcodes);
    }

    // ---- status codes ----

    /** MLX5_CMD_STAT_* name of a status, or null. */
    public String statusName(int status) {
        StatusDef s = src.statuses.get(status);
        return s == null ? null : s.name();
    }

    /** The kernel's text for a status ("bad parameter"), or "unknown status 0x.." when not catalogued. */
    public String statusText(int status) {
        StatusDef s = src.statuses.get(status);
        return s == null ? String.format("unknown status 0x%x", status) : s.text();
    }

    public List<StatusDef> statuses() {
        return List.copyOf(src.statuses.values());
    }

    // ---- capabilities ----

    /** A capability by name (GENERAL, DEBUG; case-insensitive) or type number ("0xd"). */
    public CapabilityDef capability(String nameOrType) {
        CatalogSource.Cap c = src.capabilities.get(nameOrType.toUpperCase(Locale.ROOT));
        if (c == null) {
            Long t = Encoder.parseNumber(nameOrType.trim());
            if (t != null) for (CatalogSource.Cap x : src.capabilities.values()) if (x.type() == t) c = x;
        }
        if (c == null) throw new UnknownFieldException("catalog capabilities", nameOrType,
                DidYouMean.suggest(nameOrType, src.capabilities.keySet()));
        return capabilityDef(c);
    }

    public List<CapabilityDef> capabilities() {
        List<CapabilityDef> out = new ArrayList<>();
        for (CatalogSource.Cap c : src.capabilities.values()) out.add(capabilityDef(c));
        return out;
    }

    /** A capability whose layout this catalog lacks (a kernel struct not imported) has none: it reads raw. */
    private CapabilityDef capabilityDef(CatalogSource.Cap c) {
        Layout l = c.layout() == null || !src.layouts.containsKey(c.layout()) ? null : layout(c.layout()).withTitle(c.name());
        return new CapabilityDef(c.name(), c.type(), l, c.description());
    }

    /** Shared enums by name. */
    public Map<String, Map<String, Long>> enums() {
        return Collections.unmodifiableMap(src.enums);
    }

    // ---- merging ----

    /**
     * Adds what {@code system} defines and this catalog lacks, replacing nothing: files found installed on the
     * machine (mstflint's ADB, the kernel header) extend the built-ins but never change a tested definition.
     */
    public Catalog mergeMissing(Catalog system) {
        CatalogSource only = system.src.copy();
        only.layouts.keySet().removeAll(src.layouts.keySet());
        only.enums.keySet().removeAll(src.enums.keySet());
        only.registers.keySet().removeAll(src.registers.keySet());
        only.registers.values().removeIf(r -> src.registers.values().stream().anyMatch(b -> b.id() == r.id()));
        only.commands.keySet().removeAll(src.commands.keySet());
        only.opcodes.keySet().removeAll(src.opcodes.keySet());
        only.statuses.keySet().removeAll(src.statuses.keySet());
        only.capabilities.keySet().removeAll(src.capabilities.keySet());
        return merge(new Catalog(only));
    }

    /**
     * A new catalog with {@code user}'s definitions added; where a user definition has the same name as one here,
     * the user's wins and a note says what it replaced. A replacing layout keeps enum names, descriptions and
     * other annotations of same-named fields of the same width that it does not define itself.
     */
    public Catalog merge(Catalog user) {
        CatalogSource out = src.copy();
        CatalogSource u = user.src;
        out.notes.addAll(u.notes);
        out.unresolved.putAll(u.unresolved);
        for (LayoutDef d : u.layouts.values()) {
            LayoutDef old = out.layouts.get(d.name);
            LayoutDef nd = d.copy();
            if (old != null) {
                int kept = 0;
                Map<String, FieldDef> oldFields = new LinkedHashMap<>();
                for (FieldDef f : old.fields) if (f.name != null) oldFields.put(f.name, f);
                for (FieldDef f : nd.fields) {
                    FieldDef of = f.name == null ? null : oldFields.get(f.name);
                    if (of != null && of.bits == f.bits && Objects.equals(of.typeName, f.typeName) && f.adoptAnnotations(of)) kept++;
                }
                out.notes.add("layout " + d.name + " from " + src(d.source) + " replaces the one from " + src(old.source)
                        + (kept > 0 ? " (kept annotations of " + kept + " matching fields)" : ""));
            }
            out.layouts.put(d.name, nd);
        }
        u.enums.forEach((k, v) -> {
            if (out.enums.containsKey(k) && !out.enums.get(k).equals(v)) out.notes.add("enum " + k + " replaced by the user definition");
            out.enums.put(k, v);
        });
        u.registers.forEach((k, v) -> {
            CatalogSource.Reg old = out.registers.get(k);
            if (old != null && (old.id() != v.id() || !old.layout().equals(v.layout())))
                out.notes.add("register " + k + " (0x" + Integer.toHexString(v.id()) + ", layout " + v.layout() + ", from "
                        + src(v.source()) + ") replaces 0x" + Integer.toHexString(old.id()) + " layout " + old.layout());
            out.registers.put(k, old != null && v.description().isEmpty() ? new CatalogSource.Reg(v.name(), v.id(), v.layout(),
                    old.description(), v.source()) : v);
        });
        u.commands.forEach((k, v) -> {
            CatalogSource.Cmd old = out.commands.get(k);
            if (old != null && (old.opcode() != v.opcode() || !Objects.equals(old.in(), v.in()) || !Objects.equals(old.out(), v.out())))
                out.notes.add("command " + k + " from " + src(v.source()) + " replaces opcode 0x" + Integer.toHexString(old.opcode())
                        + " in=" + old.in() + " out=" + old.out());
            out.commands.put(k, v);
        });
        u.opcodes.forEach((k, v) -> {
            Integer old = out.opcodes.get(k);
            if (old != null && !old.equals(v)) out.notes.add("opcode " + k + " 0x" + Integer.toHexString(v) + " replaces 0x" + Integer.toHexString(old));
            out.opcodes.put(k, v);
        });
        u.statuses.forEach((k, v) -> {
            StatusDef old = out.statuses.get(k);
            if (old != null && !old.equals(v)) out.notes.add("status 0x" + Integer.toHexString(k) + " " + v.name() + " replaces " + old.name());
            out.statuses.put(k, v);
        });
        u.capabilities.forEach((k, v) -> {
            CatalogSource.Cap old = out.capabilities.get(k);
            if (old != null && (old.type() != v.type() || !Objects.equals(old.layout(), v.layout())))
                out.notes.add("capability " + k + " from " + src(v.source()) + " replaces type 0x" + Integer.toHexString(old.type())
                        + " layout " + old.layout());
            out.capabilities.put(k, v);
        });
        return new Catalog(out);
    }

    /**
     * This catalog without the notes about layouts that could not be resolved in their own file but resolve here
     * (the kernel's mlx5_ifc.h uses mlx5_ifc_fpga.h's layouts): what is left names layouts no loaded file completes.
     * A register or command whose layout no file defines is dropped with a note, so listing them never fails.
     */
    public Catalog settled() {
        boolean dangling = src.registers.values().stream().anyMatch(r -> !src.layouts.containsKey(r.layout()))
                || src.commands.values().stream().anyMatch(c -> missing(c.in()) || missing(c.out()));
        if (src.unresolved.isEmpty() && !dangling) return this;
        CatalogSource out = src.copy();
        src.unresolved.forEach((note, layout) -> {
            try {
                layout(layout);
                out.notes.remove(note);
                out.unresolved.remove(note);
            } catch (WireException stillMissing) {
                // the note stays: no loaded file defines what this layout uses
            }
        });
        out.registers.values().removeIf(r -> {
            if (src.layouts.containsKey(r.layout())) return false;
            out.notes.add(r.source() + ": skipped register " + r.name() + ": no catalog file defines its layout " + r.layout());
            return true;
        });
        out.commands.values().removeIf(c -> {
            if (!missing(c.in()) && !missing(c.out())) return false;
            out.notes.add(c.source() + ": skipped command " + c.name() + ": no catalog file defines its layout "
                    + (missing(c.in()) ? c.in() : c.out()));
            return true;
        });
        return new Catalog(out);
    }

    private boolean missing(String layout) {
        return layout != null && !src.layouts.containsKey(layout);
    }

    /** This catalog with more notes (a skipped file's errors), some of them about unresolved layouts (note to layout). */
    Catalog withNotes(List<String> more, Map<String, String> unresolved) {
        if (more.isEmpty()) return this;
        CatalogSource out = src.copy();
        out.notes.addAll(more);
        out.unresolved.putAll(unresolved);
        return new Catalog(out);
    }

    private static String src(String s) {
        if (s == null) return "?";
        int colon = s.lastIndexOf(':');
        return colon > 0 ? s.substring(0, colon) : s;
    }

    @Override
    public String toString() {
        return "Catalog(" + src.layouts.size() + " layouts, " + src.registers.size() + " registers, " + src.commands.size()
                + " commands, " + src.opcodes.size() + " opcodes)";
    }
}
