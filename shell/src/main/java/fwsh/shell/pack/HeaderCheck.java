package fwsh.shell.pack;

import fwsh.base.ArgumentException;
import fwsh.channel.Scope;
import fwsh.dsl.engine.Privilege;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The header every pack script starts with (// Purpose:, // Arguments:, // Scope:, // Example:); missing lines are warnings. */
final class HeaderCheck {
    static final List<String> FIELDS = List.of("Purpose", "Arguments", "Scope", "Example");

    private HeaderCheck() {
    }

    static List<String> warnings(Path packDir, Path script, Privilege packScope) {
        List<String> lines;
        try {
            lines = Files.readAllLines(script);
        } catch (IOException e) {
            return List.of("cannot read " + script + ": " + e.getMessage());
        }
        List<String> head = new ArrayList<>();
        for (String l : lines) {
            if (!l.startsWith("//")) break;
            head.add(l);
        }
        List<String> warnings = new ArrayList<>();
        for (String f : FIELDS) {
            if (head.stream().noneMatch(l -> l.startsWith("// " + f + ":"))) {
                warnings.add(packDir.relativize(script) + " has no '// " + f + ":' header line");
            }
        }
        for (String l : head) {
            if (!l.startsWith("// Scope:")) continue;
            String declared = l.substring("// Scope:".length()).trim().split("[\\s(;,]", 2)[0];
            if (declared.equals("none")) continue;     // a script that sends no RPC
            try {
                Privilege needs = Privilege.of(Scope.parse(declared));
                if (!packScope.covers(needs)) {
                    warnings.add(packDir.relativize(script) + " needs scope " + needs + ", above the pack's scope " + packScope
                            + "; raise scope in pack.properties");
                }
            } catch (ArgumentException e) {
                warnings.add(packDir.relativize(script) + ": '// Scope:' names no scope (" + e.getMessage() + ")");
            }
        }
        return warnings;
    }
}
