package fwsh.shell.pack;

import fwsh.shell.cli.UsageException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * fwsh pack new NAME [DIR]: a manifest, one example script with the standard header, and a spec that
 * runs it on the emulator; {@code fwsh test DIR} passes on the result as it is.
 */
final class PackScaffold {
    static final String NAME_PATTERN = "[a-z0-9][a-z0-9._-]*";

    private PackScaffold() {
    }

    static void create(String name, Path dir) {
        if (!name.matches(NAME_PATTERN)) {
            throw new UsageException("bad pack name '" + name + "'; use lower-case letters, digits, '.', '_' and '-', starting with a letter or digit");
        }
        if (Files.exists(dir) && !isEmptyDir(dir)) throw new UsageException("'" + dir + "' exists and is not an empty folder; choose another DIR");
        try {
            Files.createDirectories(dir.resolve("scripts"));
            Files.createDirectories(dir.resolve("specs"));
            write(dir.resolve(PackManifest.FILE), MANIFEST.replace("@NAME@", name));
            write(dir.resolve("scripts/port-state.groovy"), SCRIPT);
            write(dir.resolve("specs/PortStateSpec.groovy"), SPEC);
            write(dir.resolve(".gitignore"), "test-results/\n");
        } catch (IOException e) {
            throw new UsageException("cannot create the pack in '" + dir + "': " + e.getMessage());
        }
    }

    private static boolean isEmptyDir(Path dir) {
        if (!Files.isDirectory(dir)) return false;
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static final String MANIFEST = """
            # fwsh script pack manifest; scope is the highest scope any of the pack's scripts needs.
            name=@NAME@
            version=0.1.0
            description=Port checks (scaffolded by fwsh pack new; describe your pack here)
            scope=debug-read-only
            """;

    static final String SCRIPT = """
            // Purpose: one line with the device, its firmware and whether a port is up; exit code 4 when it is down.
            // Arguments: [--port N] (default 1)
            // Scope: debug-read-only
            // Example: fwsh scripts/port-state.groovy --port 1

            def usage = 'usage: port-state.groovy [--port N]'
            def argv = (args ?: new String[0]) as List
            int port = 1
            for (int i = 0; i < argv.size(); i++) {
                if (argv[i] == '--port' && i + 1 < argv.size() && argv[i + 1].isInteger() && (argv[i + 1] as int) >= 1) port = argv[++i] as int
                else throw new FwshException("port-state.groovy: bad argument '${argv[i]}'; $usage")
            }

            def paos = dev.reg.PAOS.read(local_port: port)
            boolean up = paos.oper_status == 1
            println "${dev.name} firmware ${dev.info.fw_version} port $port ${up ? 'up' : 'down'}"
            exitCode = up ? 0 : 4      // fwsh exits with this; 0 OK, 3 degraded, 4 down by convention
            up
            """;

    static final String SPEC = """
            // Runs on the emulator (fwsh test DIR) or on a recording (fwsh test DIR --replay FILE).
            class PortStateSpec extends PackSpecification {
                def "port 1 of the device is up"() {
                    when:
                    def r = run('port-state.groovy', '--port', '1')

                    then:
                    r.lines.last() ==~ /\\S+ firmware \\S+ port 1 up/
                    r.exitCode == 0
                    r.result == true
                }

                def "a bad argument is one clear line"() {
                    when:
                    run('port-state.groovy', '--speed', '100')

                    then:
                    def e = thrown(FwshException)
                    e.message.startsWith("port-state.groovy: bad argument '--speed'")
                }
            }
            """;
}
