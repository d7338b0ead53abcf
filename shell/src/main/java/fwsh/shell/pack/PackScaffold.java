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
            // Exit: 0 up; 4 down; 2 for a bad argument; 1 an error.

            // parseArgs: Groovy's CliBuilder; --help prints the lines above, a bad argument exits 2 with one line
            def opts = parseArgs {
                _(longOpt: 'port', args: 1, type: Integer, defaultValue: '1', argName: 'N', 'local port (default 1)')
            }
            if (opts.port < 1) usageError("--port ${opts.port}: ports start at 1")
            int port = opts.port

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

                def "a port whose link is down makes the check exit 4"() {
                    given: "the device as the script sees it, with PAOS answering oper_status down (nothing is written)"
                    useDevice(overrideAnswer('PAOS', oper_status: 2))

                    when:
                    def r = run('port-state.groovy', '--port', '1')

                    then:
                    r.lines.last() ==~ /\\S+ firmware \\S+ port 1 down/
                    r.exitCode == 4
                    r.result == false
                }

                def "a bad argument is one line naming it, and exit status 2"() {
                    when:
                    def r = run('port-state.groovy', args)

                    then:
                    r.exitCode == 2
                    r.err == "port-state.groovy: $text; try port-state.groovy --help\\n"

                    where:
                    args                 | text
                    ['--speed', '100']   | "unknown option '--speed'"
                    ['--port', '0']      | '--port 0: ports start at 1'
                }

                def "--help prints the script's header"() {
                    when:
                    def r = run('port-state.groovy', '--help')

                    then:
                    r.exitCode == 0
                    r.lines[0].startsWith('Purpose: one line with the device')
                }
            }
            """;
}
