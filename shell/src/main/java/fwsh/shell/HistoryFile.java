package fwsh.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Where the REPL keeps its history: $XDG_STATE_HOME/fwsh/history, else ~/.local/state/fwsh/history. */
final class HistoryFile {
    private HistoryFile() {
    }

    static Path path(Map<String, String> env) {
        String state = env.get("XDG_STATE_HOME");
        Path base;
        if (state != null && !state.isBlank() && Path.of(state).isAbsolute()) {
            base = Path.of(state);
        } else {
            String home = env.getOrDefault("HOME", System.getProperty("user.home"));
            base = Path.of(home, ".local", "state");
        }
        Path file = base.resolve("fwsh").resolve("history");
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            // History then lives in memory only; JLine reports nothing and the REPL still works.
        }
        return file;
    }
}
