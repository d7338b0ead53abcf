package fwsh.shell;

import fwsh.dsl.engine.ArgumentCompletable;
import fwsh.dsl.engine.Completable;
import fwsh.shell.GroovyLexer.Token;
import fwsh.shell.GroovyLexer.Type;
import groovy.lang.MetaMethod;
import groovy.lang.MetaProperty;
import org.codehaus.groovy.runtime.InvokerHelper;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What Tab offers at a cursor position, from the live session objects: variable names; after {@code x.}
 * the members of x (its {@link Completable} candidates when it has them); inside {@code x.m(} the named
 * arguments of an {@link ArgumentCompletable} and, inside {@code key: '}, the values of that argument;
 * {@code /} commands and file paths after {@code /load} and {@code /run}. Independent of JLine so specs
 * can call it directly.
 */
public final class CompletionEngine {
    private static final Set<String> HIDDEN_MEMBERS = Set.of("class", "metaClass", "getClass", "getMetaClass",
            "setMetaClass", "invokeMethod", "getProperty", "setProperty", "equals", "hashCode", "notify",
            "notifyAll", "wait", "propertyMissing", "methodMissing", "$getLookup");
    /** Commands that take a file as their first argument. */
    private static final Set<String> FILE_COMMANDS = Set.of("/load", "/run");

    private final Supplier<Map<String, Object>> variables;
    private final List<String> commands;
    private final Path cwd;
    private final Supplier<List<String>> packScripts;

    public CompletionEngine(Supplier<Map<String, Object>> variables, List<String> commands, Path cwd) {
        this(variables, commands, cwd, List::of);
    }

    /** {@code packScripts}: the standard pack's script names, offered after {@code /run} besides files. */
    public CompletionEngine(Supplier<Map<String, Object>> variables, List<String> commands, Path cwd,
                            Supplier<List<String>> packScripts) {
        this.variables = variables;
        this.commands = commands;
        this.cwd = cwd;
        this.packScripts = packScripts;
    }

    /** Offers for the word around {@code cursor}; each replaces {@code buffer[wordStart(...), cursor)}. */
    public List<Completion> complete(String buffer, int cursor) {
        try {
            if (isCommandLine(buffer)) return commandLine(buffer, cursor);
            return groovy(buffer, cursor);
        } catch (RuntimeException | LinkageError e) {
            return List.of(); // completion must never break the prompt
        }
    }

    static boolean isCommandLine(String buffer) {
        String t = buffer.stripLeading();
        return t.length() >= 2 && t.charAt(0) == '/' && Character.isLetter(t.charAt(1));
    }

    /** Where the word being completed starts: a whitespace token on command lines, else a name. */
    public static int wordStart(String buffer, int cursor) {
        int i = cursor;
        if (isCommandLine(buffer)) {
            while (i > 0 && !Character.isWhitespace(buffer.charAt(i - 1))) i--;
            return i;
        }
        while (i > 0 && (Character.isJavaIdentifierPart(buffer.charAt(i - 1)) || buffer.charAt(i - 1) == '-' && inString(buffer, i))) i--;
        return i;
    }

    /** Where the word being completed ends (the rest of a name after the cursor). */
    public static int wordEnd(String buffer, int cursor) {
        int i = cursor;
        if (isCommandLine(buffer)) {
            while (i < buffer.length() && !Character.isWhitespace(buffer.charAt(i))) i++;
            return i;
        }
        while (i < buffer.length() && Character.isJavaIdentifierPart(buffer.charAt(i))) i++;
        return i;
    }

    private static boolean inString(String buffer, int at) {
        List<Token> tokens = GroovyLexer.tokenize(buffer.substring(0, at));
        if (tokens.isEmpty()) return false;
        Token last = tokens.get(tokens.size() - 1);
        return last.type() == Type.STRING && !last.terminated();
    }

    private List<Completion> commandLine(String buffer, int cursor) {
        int start = wordStart(buffer, cursor);
        String before = buffer.substring(0, start).strip();
        String word = buffer.substring(start, cursor);
        if (before.isEmpty()) {
            List<Completion> out = new ArrayList<>();
            for (String c : commands) if (c.startsWith(word)) out.add(new Completion(c, c, "commands", true));
            return out;
        }
        String[] parts = before.split("\\s+");
        if (parts.length == 1 && parts[0].equals("/run")) {
            List<Completion> out = paths(word);
            for (String name : packScripts.get()) {
                if (name.startsWith(word)) out.add(new Completion(name, name, "pack scripts", true));
            }
            return out;
        }
        if (parts.length == 1 && FILE_COMMANDS.contains(parts[0])) return paths(word);
        return List.of();
    }

    /** Files and directories whose path starts with {@code word}; directories end in '/' and stay open. */
    List<Completion> paths(String word) {
        int slash = word.lastIndexOf('/');
        String dirPart = slash >= 0 ? word.substring(0, slash + 1) : "";
        String prefix = word.substring(slash + 1);
        Path dir;
        if (dirPart.startsWith("~/")) dir = Path.of(System.getProperty("user.home")).resolve(dirPart.substring(2));
        else dir = dirPart.isEmpty() ? cwd : cwd.resolve(dirPart);
        List<Completion> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (!name.startsWith(prefix) || name.startsWith(".") && !prefix.startsWith(".")) continue;
                boolean isDir = Files.isDirectory(p);
                out.add(new Completion(dirPart + name + (isDir ? "/" : ""), name + (isDir ? "/" : ""), "files", !isDir));
            }
        } catch (IOException e) {
            return out;
        }
        out.sort((a, b) -> a.value().compareTo(b.value()));
        return out;
    }

    private List<Completion> groovy(String buffer, int cursor) {
        int start = wordStart(buffer, cursor);
        String text = buffer.substring(0, start);
        List<Token> tokens = GroovyLexer.tokenize(text);
        Token last = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
        Navigator nav = new Navigator(variables.get());

        if (last != null && last.type() == Type.STRING && !last.terminated()) {
            return argumentValues(text, tokens, nav);
        }
        Token prev = lastSignificant(tokens, tokens.size());
        if (prev != null && prev.type() == Type.OP && text.charAt(prev.start()) == '.' && prev.end() == start) {
            int chainEnd = prev.start();
            if (chainEnd > 0 && text.charAt(chainEnd - 1) == '?') chainEnd--;
            int chainStart = Navigator.chainStart(text, chainEnd);
            return nav.resolve(text.substring(chainStart, chainEnd)).map(this::members).orElse(List.of());
        }
        List<Completion> args = argumentNames(text, tokens, nav);
        if (args != null) return args;
        return variables();
    }

    private List<Completion> variables() {
        List<Completion> out = new ArrayList<>();
        for (String name : new TreeMap<>(variables.get()).keySet()) {
            if (isName(name)) out.add(Completion.of(name, "variables"));
        }
        out.add(new Completion("help(", "help(obj)", "functions", false));
        return out;
    }

    /** Members of a live object: its own candidate list, map keys, or public properties and methods. */
    List<Completion> members(Object target) {
        List<Completion> out = new ArrayList<>();
        if (target instanceof Completable c) {
            for (String name : c.completionCandidates()) out.add(Completion.of(name, "members"));
            return out;
        }
        if (target instanceof Map<?, ?> m) {
            for (Object k : m.keySet()) if (k instanceof String s && isName(s)) out.add(Completion.of(s, "keys"));
            return out;
        }
        var meta = InvokerHelper.getMetaClass(target);
        Set<String> seen = new HashSet<>();
        for (MetaProperty p : meta.getProperties()) {
            if (Modifier.isPublic(p.getModifiers()) && !HIDDEN_MEMBERS.contains(p.getName()) && seen.add(p.getName())) {
                out.add(Completion.of(p.getName(), "properties"));
            }
        }
        Map<String, Boolean> methods = new TreeMap<>();
        for (MetaMethod mm : meta.getMethods()) {
            String name = mm.getName();
            if (!mm.isPublic() || mm.isStatic() || HIDDEN_MEMBERS.contains(name) || name.contains("$")
                    || isAccessor(name, mm.getParameterTypes().length) || seen.contains(name)) continue;
            boolean noArgs = mm.getParameterTypes().length == 0;
            methods.merge(name, noArgs, Boolean::logicalAnd);
        }
        methods.forEach((name, noArgs) -> out.add(new Completion(name + (noArgs ? "()" : "("), name + "()", "methods", false)));
        return out;
    }

    /** Inside {@code recv.method(} at a key position: the method's named arguments as {@code key: }. */
    private List<Completion> argumentNames(String text, List<Token> tokens, Navigator nav) {
        Token open = GroovyLexer.openBracket(text, tokens);
        if (open == null || text.charAt(open.start()) != '(') return null;
        Token prev = lastSignificant(tokens, tokens.size());
        if (prev == null || !(prev == open || prev.type() == Type.OP && text.charAt(prev.start()) == ',')) return null;
        Call call = call(text, tokens, open, nav);
        if (call == null) return null;
        Set<String> used = usedKeys(text, tokens, open);
        List<Completion> out = new ArrayList<>();
        for (String name : call.target.argumentNames(call.method)) {
            if (!used.contains(name)) out.add(new Completion(name + ": ", name, "arguments", false));
        }
        return out;
    }

    /** Inside {@code key: '} of {@code recv.method(}: the argument's symbolic values, closing the quote. */
    private List<Completion> argumentValues(String text, List<Token> tokens, Navigator nav) {
        int n = tokens.size() - 1; // the open string
        char quote = text.charAt(tokens.get(n).start());
        if (text.startsWith("'''", tokens.get(n).start()) || text.startsWith("\"\"\"", tokens.get(n).start())) return List.of();
        Token colon = lastSignificant(tokens, n);
        if (colon == null || colon.type() != Type.OP || text.charAt(colon.start()) != ':') return List.of();
        Token key = lastSignificant(tokens, tokens.indexOf(colon));
        if (key == null || key.type() != Type.IDENT && key.type() != Type.KEYWORD) return List.of();
        List<Token> upToKey = tokens.subList(0, tokens.indexOf(key));
        Token open = GroovyLexer.openBracket(text, upToKey);
        if (open == null || text.charAt(open.start()) != '(') return List.of();
        Call call = call(text, tokens, open, nav);
        if (call == null) return List.of();
        List<Completion> out = new ArrayList<>();
        for (String v : call.target.argumentValues(call.method, key.text(text))) {
            out.add(new Completion(v + quote, v, "values", false));
        }
        return out;
    }

    private record Call(ArgumentCompletable target, String method) {
    }

    /** The {@code receiver.method} right before the bracket {@code open}, when the receiver takes named args. */
    private static Call call(String text, List<Token> tokens, Token open, Navigator nav) {
        int i = tokens.indexOf(open);
        Token name = lastSignificant(tokens, i);
        if (name == null || name.type() != Type.IDENT) return null;
        int dot = name.start();
        if (dot == 0 || text.charAt(dot - 1) != '.') return null;
        int chainEnd = dot - 1;
        if (chainEnd > 0 && text.charAt(chainEnd - 1) == '?') chainEnd--;
        int chainStart = Navigator.chainStart(text, chainEnd);
        Object receiver = nav.resolve(text.substring(chainStart, chainEnd)).orElse(null);
        return receiver instanceof ArgumentCompletable ac ? new Call(ac, name.text(text)) : null;
    }

    /** Keys already written in this call, so they are not offered twice. */
    private static Set<String> usedKeys(String text, List<Token> tokens, Token open) {
        Set<String> used = new HashSet<>();
        int depth = 0;
        for (int i = tokens.indexOf(open) + 1; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.type() == Type.OPEN) depth++;
            else if (t.type() == Type.CLOSE) depth--;
            else if (depth == 0 && t.type() == Type.IDENT) {
                Token next = nextSignificant(tokens, i + 1);
                if (next != null && next.type() == Type.OP && text.charAt(next.start()) == ':') used.add(t.text(text));
            }
        }
        return used;
    }

    private static Token lastSignificant(List<Token> tokens, int before) {
        for (int i = before - 1; i >= 0; i--) {
            Type t = tokens.get(i).type();
            if (t != Type.WS && t != Type.COMMENT) return tokens.get(i);
        }
        return null;
    }

    private static Token nextSignificant(List<Token> tokens, int from) {
        for (int i = from; i < tokens.size(); i++) {
            Type t = tokens.get(i).type();
            if (t != Type.WS && t != Type.COMMENT) return tokens.get(i);
        }
        return null;
    }

    private static boolean isAccessor(String name, int params) {
        return name.length() > 3 && (name.startsWith("get") && params == 0 || name.startsWith("set") && params == 1)
                && Character.isUpperCase(name.charAt(3))
                || name.length() > 2 && name.startsWith("is") && params == 0 && Character.isUpperCase(name.charAt(2));
    }

    private static boolean isName(String s) {
        if (s.isEmpty() || !Character.isJavaIdentifierStart(s.charAt(0))) return false;
        for (int i = 1; i < s.length(); i++) if (!Character.isJavaIdentifierPart(s.charAt(i))) return false;
        return true;
    }
}
