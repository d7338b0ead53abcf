package fwsh.wire;

import java.util.List;

/** A field (or layout/register/command) name that is not defined; carries "did you mean" suggestions. */
public class UnknownFieldException extends WireException {
    private final List<String> suggestions;

    public UnknownFieldException(String what, String name, List<String> suggestions) {
        super(what + " has no " + (what.startsWith("catalog") ? "entry" : "field") + " '" + name + "'"
                + (suggestions.isEmpty() ? "" : "; did you mean " + String.join(", ", suggestions) + "?"));
        this.suggestions = List.copyOf(suggestions);
    }

    public UnknownFieldException(String message) {
        super(message);
        this.suggestions = List.of();
    }

    public List<String> suggestions() {
        return suggestions;
    }
}
