package fwsh.counters;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** "Did you mean" suggestions for counter names. */
final class Names {
    private Names() {
    }

    /** Up to {@code max} candidates close to {@code wanted}: small edit distance first, then substring matches. */
    static List<String> suggest(String wanted, Collection<String> candidates, int max) {
        String w = wanted.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, w.length() / 3);
        record Scored(String name, int score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (String c : candidates) {
            String lc = c.toLowerCase(Locale.ROOT);
            int d = distance(w, lc);
            if (d <= limit) scored.add(new Scored(c, d));
            else if (w.length() >= 3 && (lc.contains(w) || w.contains(lc))) scored.add(new Scored(c, limit + 1 + Math.abs(lc.length() - w.length())));
        }
        scored.sort(Comparator.comparingInt(Scored::score).thenComparing(Scored::name));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < scored.size() && i < max; i++) out.add(scored.get(i).name());
        return out;
    }

    /** The message for an unknown name: one line, with suggestions when there are any. */
    static String unknown(String what, String wanted, Collection<String> candidates, String hint) {
        List<String> s = suggest(wanted, candidates, 3);
        return "unknown " + what + " '" + wanted + "'"
                + (s.isEmpty() ? "" : "; did you mean " + String.join(", ", s) + "?")
                + (hint == null ? "" : " (" + hint + ")");
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
