package fwsh.shell.pack;

import fwsh.base.ArgumentException;
import fwsh.channel.Scope;
import fwsh.dsl.engine.Privilege;
import fwsh.shell.cli.UsageException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A pack's pack.properties: name, version, description and scope (the highest scope its scripts need;
 * fwsh test runs them with the lower of this and the command line's --scope).
 */
public record PackManifest(String name, String version, String description, Privilege scope) {
    public static final String FILE = "pack.properties";

    public static PackManifest read(Path packDir) {
        Path file = packDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new UsageException("no " + FILE + " in '" + packDir + "'; a pack needs one (create a pack with 'fwsh pack new NAME')");
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
        String name = required(p, file, "name");
        String version = required(p, file, "version");
        String description = required(p, file, "description");
        String scopeText = required(p, file, "scope");
        Privilege scope;
        try {
            scope = Privilege.of(Scope.parse(scopeText));
        } catch (ArgumentException e) {
            throw new UsageException(file + ": scope: " + e.getMessage());
        }
        return new PackManifest(name, version, description, scope);
    }

    private static String required(Properties p, Path file, String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new UsageException(file + " has no '" + key + "'; a manifest needs name, version, description and scope");
        }
        return v.trim();
    }

    /** The ceiling scripts run with: the lower of the manifest's scope and what the command line grants. */
    public Privilege ceiling(Privilege granted) {
        return granted.covers(scope) ? scope : granted;
    }
}
