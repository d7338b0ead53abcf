package fwsh.shell.pack

import fwsh.shell.Main
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/** Runs fwsh through Main.run, as the launcher would, and copies test packs into a temporary folder. */
abstract class PackCli extends Specification {
    @TempDir
    Path dir

    Map fwsh(List<String> argv) {
        def out = new ByteArrayOutputStream()
        def err = new ByteArrayOutputStream()
        int status = Main.run(argv as String[], new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, 'UTF-8'), new PrintStream(err, true, 'UTF-8'))
        [status: status, out: out.toString('UTF-8'), err: err.toString('UTF-8')]
    }

    /** A copy of src/test/resources/packs/NAME in the temporary folder. */
    Path pack(String name) {
        Path from = Path.of(getClass().getResource("/packs/$name/pack.properties").toURI()).parent
        Path to = dir.resolve(name)
        Files.walk(from).each { Path p ->
            Path target = to.resolve(from.relativize(p).toString())
            if (Files.isDirectory(p)) Files.createDirectories(target) else Files.copy(p, target)
        }
        to
    }

    static String lastLine(String text) {
        text.readLines().last()
    }
}
