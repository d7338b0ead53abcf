package fwsh.shell;

import fwsh.dsl.SessionOptions;
import fwsh.shell.cli.Streams;
import picocli.AutoComplete;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the bash completion script for fwsh and its subcommands (picocli's AutoComplete; zsh reads it too,
 * through bashcompinit). Run at package time: {@code CompletionScript OUT_FILE}.
 */
public final class CompletionScript {
    private CompletionScript() {
    }

    public static String bash() {
        Streams none = new Streams(System.in, System.out, System.err);
        return AutoComplete.bash("fwsh", Main.commandLine(none, new SessionOptions(), name -> true));
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) throw new IllegalArgumentException("usage: CompletionScript OUT_FILE");
        Path out = Path.of(args[0]);
        if (out.getParent() != null) Files.createDirectories(out.getParent());
        Files.writeString(out, bash(), StandardCharsets.UTF_8);
    }
}
