package fwsh.shell.serve;

import fwsh.counters.CounterDef;
import fwsh.dsl.metrics.Groups;
import fwsh.shell.cli.UsageErrors;
import fwsh.shell.cli.UsageException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which counters {@code fwsh serve} reads: the default groups ({@link Groups#DEFAULT}) without per-lane counters,
 * plus {@code --include} groups ({@code all} for every group) and counter names or glob patterns
 * ({@code 'rx_prio*'}, {@code '*_lane*'}), minus {@code --exclude} groups and names. A name pattern beats a group;
 * an exclusion beats everything.
 */
final class Selection {
    private final Set<String> groups = new LinkedHashSet<>(Groups.DEFAULT);
    private final Set<String> excludedGroups = new LinkedHashSet<>();
    private final List<Pattern> includes = new ArrayList<>();
    private final List<Pattern> excludes = new ArrayList<>();
    private final List<String> namePatterns = new ArrayList<>();

    Selection(List<String> include, List<String> exclude) {
        List<String> known = Groups.all();
        for (String w : include) {
            if (w.equals("all")) groups.addAll(known);
            else if (known.contains(w)) groups.add(w);
            else includes.add(pattern(w));
        }
        for (String w : exclude) {
            if (known.contains(w)) excludedGroups.add(w);
            else excludes.add(pattern(w));
        }
    }

    private Pattern pattern(String word) {
        if (!word.matches("[A-Za-z0-9_*?]+")) {
            throw new UsageException("'" + word + "' is neither a counter group nor a counter name pattern (letters, digits, _ and the wildcards * ?)"
                    + UsageErrors.didYouMean(word, Groups.all()));
        }
        namePatterns.add(word);
        return Pattern.compile(word.replace("*", ".*").replace("?", "."));
    }

    boolean wants(CounterDef d) {
        String g = Groups.of(d);
        if (excludedGroups.contains(g) || matches(excludes, d.name())) return false;
        if (matches(includes, d.name())) return true;
        return groups.contains(g) && !Groups.perLane(d);
    }

    /** A name pattern that matches no counter of the devices ({@code names}) is a typo: a usage error naming it. */
    void checkMatches(Collection<String> names) {
        for (String p : namePatterns) {
            Pattern re = Pattern.compile(p.replace("*", ".*").replace("?", "."));
            if (names.stream().noneMatch(n -> re.matcher(n).matches())) {
                String hint = UsageErrors.didYouMean(p, Groups.all());
                if (hint.isEmpty()) hint = UsageErrors.didYouMean(p, names);
                throw new UsageException("'" + p + "' matches no counter group and no counter of the devices served" + hint);
            }
        }
    }

    private static boolean matches(List<Pattern> patterns, String name) {
        for (Pattern p : patterns) if (p.matcher(name).matches()) return true;
        return false;
    }
}
