package fwsh.shell;

/**
 * One completion offer: {@code value} replaces the word at the cursor; {@code complete} says whether the
 * word is finished (the line reader then adds a space) — false for names that are usually followed by
 * more ('.', '(' or a value).
 */
public record Completion(String value, String display, String group, boolean complete) {
    static Completion of(String value, String group) {
        return new Completion(value, value, group, false);
    }
}
