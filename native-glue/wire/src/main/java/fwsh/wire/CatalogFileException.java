package fwsh.wire;

import java.util.List;

/** A catalog file with errors: every one of them (file:line), the message being the first and how many more. */
public class CatalogFileException extends LayoutSyntaxException {
    private final List<String> errors;

    public CatalogFileException(List<String> errors) {
        super(errors.get(0) + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more error" + (errors.size() > 2 ? "s" : "")
                + " in the file)" : ""));
        this.errors = List.copyOf(errors);
    }

    /** Every error, one line each, in file order. */
    public List<String> errors() {
        return errors;
    }
}
