package fwsh.dsl;

import fwsh.base.UserCache;
import groovy.lang.GroovyClassLoader;
import org.codehaus.groovy.control.CompilationUnit;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.Phases;
import org.codehaus.groovy.tools.GroovyClass;
import org.codehaus.groovy.util.ReleaseInfo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Compiled scripts kept between runs: compiling even a one-line script costs a cold JVM about a quarter of a
 * second, loading its classes a few milliseconds. An entry is the script's classes, named by a hash of the script
 * text, its name, the compiler configuration and the fwsh build (jar and Groovy version), so an edited script or a
 * new fwsh never meets an old entry. Entries live in {@link UserCache}'s {@code scripts} folder and are written
 * whole, so concurrent runs see a whole entry or none; an entry that cannot be read or fails its checksum is
 * compiled again and replaced.
 */
public final class ScriptCache {
    /** Set to 1 to compile every time (no cache read or written). */
    public static final String ENV_OFF = "FWSH_NO_SCRIPT_CACHE";
    private static final int MAGIC = 0x46575343; // "FWSC"

    private final Path dir;
    private final String build;

    public ScriptCache(Path dir) {
        this.dir = dir;
        this.build = buildId();
    }

    /** The user's cache, or null when switched off or there is no home to put it in. */
    public static ScriptCache user(Map<String, String> env) {
        if ("1".equals(env.get(ENV_OFF))) return null;
        Path dir = UserCache.dir(env, "scripts");
        return dir == null ? null : new ScriptCache(dir);
    }

    /**
     * The script class for {@code code} under {@code name} (the name stack traces show) compiled with
     * {@link FwshCompiler#configuration()}, from the cache when an entry matches, else compiled and stored. Returns
     * null when it cannot be compiled: the caller compiles it the ordinary way, so the error reads exactly as
     * without a cache. A hit builds no compiler configuration at all.
     */
    public Class<?> load(String code, String name, ClassLoader parent) {
        Path entry = dir.resolve(key(code, name, FwshCompiler.standardDescription()) + ".classes");
        Entry e = read(entry);
        if (e == null) {
            e = compile(code, name, parent, FwshCompiler.configuration());
            if (e == null) return null;
            write(entry, e);
        }
        try {
            return new EntryLoader(parent, e.classes).loadClass(e.main);
        } catch (ClassNotFoundException | LinkageError broken) {
            return null;
        }
    }

    /** The classes of one compiled script; {@code main} is the script class. */
    record Entry(String main, Map<String, byte[]> classes) {
    }

    private static Entry compile(String code, String name, ClassLoader parent, CompilerConfiguration config) {
        try {
            CompilationUnit unit = new CompilationUnit(config, null, new GroovyClassLoader(parent, config));
            unit.addSource(name, code);
            unit.compile(Phases.CLASS_GENERATION);
            String main = unit.getAST().getModules().get(0).getClasses().get(0).getName();
            Map<String, byte[]> classes = new LinkedHashMap<>();
            for (GroovyClass c : unit.getClasses()) classes.put(c.getName(), c.getBytes());
            return new Entry(main, classes);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The entry in {@code file}, or null when there is none or it is damaged (its checksum does not match). */
    static Entry read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (bytes.length < 12 || in.readInt() != MAGIC) return null;
            CRC32 crc = new CRC32();
            crc.update(bytes, 12, bytes.length - 12);
            if (in.readLong() != crc.getValue()) return null;
            String main = in.readUTF();
            int n = in.readInt();
            Map<String, byte[]> classes = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                String cls = in.readUTF();
                byte[] b = new byte[in.readInt()];
                in.readFully(b);
                classes.put(cls, b);
            }
            if (in.read() != -1 || !classes.containsKey(main)) return null;
            return new Entry(main, classes);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Stores an entry atomically; a cache that cannot be written only costs the next run a compile. */
    static void write(Path file, Entry e) {
        try {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(buf)) {
                out.writeInt(MAGIC);
                out.writeLong(0); // the checksum of what follows, filled in below
                out.writeUTF(e.main);
                out.writeInt(e.classes.size());
                for (Map.Entry<String, byte[]> c : e.classes.entrySet()) {
                    out.writeUTF(c.getKey());
                    out.writeInt(c.getValue().length);
                    out.write(c.getValue());
                }
            }
            byte[] bytes = buf.toByteArray();
            CRC32 crc = new CRC32();
            crc.update(bytes, 12, bytes.length - 12);
            ByteBuffer.wrap(bytes, 4, 8).putLong(crc.getValue());
            UserCache.write(file, bytes);
        } catch (IOException | RuntimeException ignored) {
            // not cached: the next run compiles again
        }
    }

    /** {@code config}: what decides the bytecode ({@link FwshCompiler#describe}). */
    String key(String code, String name, String config) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[]{build, config, name, code}) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fwsh build: the DSL jar (a rebuilt SNAPSHOT differs) and the Groovy and Java releases. */
    private static String buildId() {
        return UserCache.codeId(ScriptCache.class) + " groovy " + ReleaseInfo.getVersion() + " java " + Runtime.version().feature();
    }

    /** Defines an entry's classes on demand, beside the session's class loader. */
    private static final class EntryLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        EntryLoader(ClassLoader parent, Map<String, byte[]> classes) {
            super(parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] b = classes.get(name);
            if (b == null) throw new ClassNotFoundException(name);
            return defineClass(name, b, 0, b.length);
        }
    }
}
