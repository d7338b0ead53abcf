package fwsh.shell.cli;

import fwsh.wire.DidYouMean;
import groovy.lang.MissingMethodException;
import groovy.lang.MissingPropertyException;
import groovy.lang.Script;

import java.beans.Introspector;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Groovy's "No signature of method" and "No such property" as one line that names what the receiver lacks; for the
 * DSL's own objects (classes in fwsh packages) with the closest names it has. Other receivers keep Groovy's line.
 */
final class Missing {
    private Missing() {
    }

    static String method(MissingMethodException e, String groovyLine) {
        Class<?> type = e.getType();
        String call = e.getMethod() + "(" + argTypes(e.getArguments()) + ")";
        if (type != null && Script.class.isAssignableFrom(type)) return "no method " + call + suggest(e.getMethod(), methodNames(type));
        if (type == null || !isDsl(type)) return groovyLine;
        String name = type.getSimpleName();
        Set<String> same = new TreeSet<>();
        for (Method m : type.getMethods()) if (m.getName().equals(e.getMethod())) same.add(signature(m));
        if (!same.isEmpty()) return name + "." + call + " does not match; it takes " + String.join(", ", same);
        return name + " has no method " + call + suggest(e.getMethod(), methodNames(type));
    }

    static String property(MissingPropertyException e, String groovyLine) {
        Class<?> type = e.getType();
        if (type != null && Script.class.isAssignableFrom(type)) return "no variable or property '" + e.getProperty() + "'";
        if (type == null || !isDsl(type)) return groovyLine;
        return type.getSimpleName() + " has no property '" + e.getProperty() + "'" + suggest(e.getProperty(), propertyNames(type));
    }

    private static boolean isDsl(Class<?> type) {
        return type.getName().startsWith("fwsh.");
    }

    private static String suggest(String wrong, Set<String> names) {
        List<String> close = DidYouMean.suggest(wrong, names);
        return close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?";
    }

    /** Public methods declared by fwsh classes or the script itself (not Object's or Groovy's plumbing). */
    private static Set<String> methodNames(Class<?> type) {
        Set<String> out = new TreeSet<>();
        for (Method m : type.getMethods()) {
            Class<?> owner = m.getDeclaringClass();
            if ((isDsl(owner) || owner == type) && !m.isSynthetic() && !m.getName().startsWith("$")) out.add(m.getName());
        }
        return out;
    }

    /** getX() and isX() of fwsh classes as properties x. */
    private static Set<String> propertyNames(Class<?> type) {
        Set<String> out = new TreeSet<>();
        for (Method m : type.getMethods()) {
            if (!isDsl(m.getDeclaringClass()) || m.getParameterCount() != 0) continue;
            String n = m.getName();
            if (n.startsWith("get") && n.length() > 3) out.add(Introspector.decapitalize(n.substring(3)));
            else if (n.startsWith("is") && n.length() > 2 && m.getReturnType() == boolean.class) out.add(Introspector.decapitalize(n.substring(2)));
        }
        return out;
    }

    private static String signature(Method m) {
        List<String> p = new ArrayList<>();
        for (Class<?> c : m.getParameterTypes()) p.add(c.getSimpleName());
        return m.getName() + "(" + String.join(", ", p) + ")";
    }

    private static String argTypes(Object[] args) {
        List<String> p = new ArrayList<>();
        if (args != null) for (Object a : args) p.add(a == null ? "null" : simple(a.getClass()));
        return String.join(", ", p);
    }

    /** Groovy passes named arguments as a LinkedHashMap and closures as generated classes: say Map and Closure. */
    private static String simple(Class<?> c) {
        if (java.util.Map.class.isAssignableFrom(c)) return "Map";
        if (groovy.lang.Closure.class.isAssignableFrom(c)) return "Closure";
        if (java.util.List.class.isAssignableFrom(c)) return "List";
        return c.getSimpleName();
    }
}
