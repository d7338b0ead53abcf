package fwsh.shell;

import org.codehaus.groovy.runtime.InvokerHelper;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates the receiver of a completion without side effects: only a chain of names starting at a
 * session variable, followed through properties, map keys and {@code [n]} on lists. Never calls a method,
 * never compiles code, so pressing Tab cannot touch a device beyond reading properties.
 */
final class Navigator {
    private static final Pattern STEP = Pattern.compile("(?:(\\??\\.)([\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)|\\[\\s*(\\d+)\\s*])");
    private static final Pattern FIRST = Pattern.compile("([\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)");

    private final Map<String, Object> variables;

    Navigator(Map<String, Object> variables) {
        this.variables = variables;
    }

    /** The object {@code chain} names, or empty if the chain is not plain navigation or fails. */
    Optional<Object> resolve(String chain) {
        Matcher first = FIRST.matcher(chain);
        if (!first.lookingAt()) return Optional.empty();
        String root = first.group(1);
        if (!variables.containsKey(root)) return Optional.empty();
        Object cur = variables.get(root);
        int pos = first.end();
        Matcher step = STEP.matcher(chain);
        while (pos < chain.length()) {
            step.region(pos, chain.length());
            if (!step.lookingAt()) return chain.substring(pos).isBlank() ? Optional.ofNullable(cur) : Optional.empty();
            try {
                if (step.group(2) != null) {
                    if (cur == null) return Optional.empty();
                    cur = cur instanceof Map<?, ?> m ? m.get(step.group(2)) : InvokerHelper.getProperty(cur, step.group(2));
                } else {
                    int index = Integer.parseInt(step.group(3));
                    if (cur instanceof List<?> l && index < l.size()) cur = l.get(index);
                    else if (cur instanceof Object[] a && index < a.length) cur = a[index];
                    else return Optional.empty();
                }
            } catch (RuntimeException | LinkageError e) {
                return Optional.empty();
            }
            pos = step.end();
        }
        return Optional.ofNullable(cur);
    }

    /** The start of the navigation chain that ends at {@code end} (exclusive), scanning backwards. */
    static int chainStart(CharSequence s, int end) {
        int i = end;
        while (i > 0) {
            char c = s.charAt(i - 1);
            if (Character.isJavaIdentifierPart(c) || c == '.' || c == '?' || c == '[' || c == ']') i--;
            else break;
        }
        return i;
    }

    static String describeType(Object o) {
        return o == null ? "null" : InvokerHelper.getMetaClass(o).getTheClass().getSimpleName();
    }
}
