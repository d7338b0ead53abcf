package fwsh.wire;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** "Did you mean" suggestions by edit distance (plus prefix/substring matches). */
public final class DidYouMean {
    private DidYouMean() {
    }

    /** Up to three candidates close to {@code wrong}, best first. */
    public static List<String> suggest(String wrong, Collection<String> candidates) {
        String w = wrong.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, w.length() / 3);
        List<String[]> scored = new ArrayList<>();
        for (String c : candidates) {
            String lc = c.toLowerCase(Locale.ROOT);
            int d = distance(w, lc);
            if (lc.equals(w)) d = 0;
            else if (w.length() >= 3 && (lc.startsWith(w) || lc.contains(w))) d = Math.min(d, 1);
            if (d <= limit) scored.add(new String[]{c, Integer.toString(d)});
        }
        scored.sort(Comparator.comparingInt((String[] a) -> Integer.parseInt(a[1])).thenComparing(a -> a[0]));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < scored.size() && i < 3; i++) out.add(scored.get(i)[0]);
        return out;
    }

    /** Levenshtein distance. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
