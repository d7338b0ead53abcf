package fwsh.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * A firmware format string, checked and precompiled once per string-DB pointer the way the driver treats it
 * (OFED {@code mlx5_tracer_get_num_of_params}), then rendered like the kernel's vsnprintf without
 * String.format:
 * <ul>
 * <li>validation: after every {@code %} only a digit or one of {@code x X d i u l c . #} may follow, else the
 *     message is {@code BAD_FORMAT: <fmt>};</li>
 * <li>every {@code %llx} is rewritten to {@code %x%x}: a 64-bit value arrives as two 32-bit parameters and is
 *     printed as two unpadded hex numbers, high parameter first;</li>
 * <li>the parameter count is the number of {@code %} characters in the rewritten string (so {@code %%} counts
 *     as two, as in the driver);</li>
 * <li>rendering follows lib/vsprintf.c: flags {@code - + space # 0}, width, precision (minimum digits; the
 *     {@code 0} flag still pads), length modifiers h hh l ll z t, conversions d i u x X o c %; {@code %#x}
 *     prints {@code 0x} even for 0; an unknown conversion stops the output there; output is cut at 511
 *     characters (the driver's 512-byte buffer) and at a NUL produced by {@code %c}.</li>
 * </ul>
 * Parameters are the driver's 32-bit ints; a conversion with a 64-bit length reads one of them zero-extended.
 * Conversions that pass the driver's check but cannot be rendered safely ({@code %s}, {@code %p}, a {@code *}
 * width or precision) are reported as BAD_FORMAT as well ({@link #unsupported()} tells them apart).
 */
public final class TraceFormat {

    /** TRACER_MAX_PARAMS. */
    public static final int MAX_PARAMS = 7;
    /** snprintf into char tmp[512]. */
    public static final int MAX_MESSAGE = 511;

    static final int LEFT = 1, PLUS = 2, SPACE = 4, SPECIAL = 8, ZEROPAD = 16;
    static final int Q_NONE = 0, Q_H = 1, Q_HH = 2, Q_LONG = 3;

    private final String source;
    private final String rewritten;
    private final boolean valid;
    private final boolean unsupported;
    private final int paramCount;

    // compiled form: literal[i] precedes conversion i; literal[n] is the tail
    private final String[] literal;
    private final char[] conv;      // d i u x X o c % ; 0 = stop output (invalid conversion)
    private final byte[] flags;
    private final int[] width;      // -1 none
    private final int[] precision;  // -1 none
    private final byte[] qual;
    private final boolean simple;   // every conversion is plain %x / %d / %u / %X with no flags
    private final String badFormatText;

    private TraceFormat(String source, String rewritten, boolean valid, boolean unsupported, int paramCount,
                        String[] literal, char[] conv, byte[] flags, int[] width, int[] precision, byte[] qual) {
        this.source = source;
        this.rewritten = rewritten;
        this.valid = valid;
        this.unsupported = unsupported;
        this.paramCount = paramCount;
        this.literal = literal;
        this.conv = conv;
        this.flags = flags;
        this.width = width;
        this.precision = precision;
        this.qual = qual;
        boolean s = true;
        for (int i = 0; i < conv.length; i++) {
            char c = conv[i];
            if (flags[i] != 0 || width[i] >= 0 || precision[i] >= 0 || qual[i] != Q_NONE
                    || (c != 'x' && c != 'X' && c != 'd' && c != 'u' && c != 'i')) s = false;
        }
        this.simple = s;
        this.badFormatText = cut("BAD_FORMAT: " + source);
    }

    /** The driver's conversion check (OFED mlx5_tracer_validate_params). */
    public static boolean driverValid(String fmt) {
        int i = fmt.indexOf('%');
        while (i >= 0) {
            char spec = i + 1 < fmt.length() ? fmt.charAt(i + 1) : '\0';
            if (!(spec >= '0' && spec <= '9') && spec != 'x' && spec != 'X' && spec != 'd' && spec != 'i'
                    && spec != 'u' && spec != 'l' && spec != 'c' && spec != '.' && spec != '#') return false;
            i = i + 2 <= fmt.length() ? fmt.indexOf('%', i + 2) : -1;
        }
        return true;
    }

    /** Compiles a format string as found in the string DB, with the driver's validation. */
    public static TraceFormat compile(String source) {
        return compile(source, true);
    }

    /**
     * Compiles without the driver's conversion check, so {@code %%} and flags such as {@code -} work as in
     * printf; for text that does not come from firmware.
     */
    public static TraceFormat compileLenient(String source) {
        return compile(source, false);
    }

    private static TraceFormat compile(String source, boolean driverRules) {
        if (driverRules && !driverValid(source)) {
            return new TraceFormat(source, source, false, false, -1, new String[]{source}, new char[0],
                    new byte[0], new int[0], new int[0], new byte[0]);
        }
        String rw = source.replace("%llx", "%x%x");
        int count = 0;
        for (int i = 0; i < rw.length(); i++) if (rw.charAt(i) == '%') count++;

        List<String> lits = new ArrayList<>();
        List<int[]> specs = new ArrayList<>(); // conv, flags, width, precision, qual
        StringBuilder lit = new StringBuilder();
        boolean unsupported = false;
        int i = 0, n = rw.length();
        while (i < n) {
            char ch = rw.charAt(i);
            if (ch != '%') { lit.append(ch); i++; continue; }
            i++;
            int fl = 0;
            for (; i < n; i++) {
                char f = rw.charAt(i);
                if (f == '-') fl |= LEFT;
                else if (f == '+') fl |= PLUS;
                else if (f == ' ') fl |= SPACE;
                else if (f == '#') fl |= SPECIAL;
                else if (f == '0') fl |= ZEROPAD;
                else break;
            }
            int w = -1;
            if (i < n && isDigit(rw.charAt(i))) {
                w = 0;
                while (i < n && isDigit(rw.charAt(i))) w = Math.min(w * 10 + (rw.charAt(i++) - '0'), 1 << 20);
            } else if (i < n && rw.charAt(i) == '*') {
                unsupported = true;
                break;
            }
            int p = -1;
            if (i < n && rw.charAt(i) == '.') {
                i++;
                if (i < n && isDigit(rw.charAt(i))) {
                    p = 0;
                    while (i < n && isDigit(rw.charAt(i))) p = Math.min(p * 10 + (rw.charAt(i++) - '0'), 1 << 15);
                } else if (i < n && rw.charAt(i) == '*') {
                    unsupported = true;
                    break;
                }
            }
            int q = Q_NONE;
            if (i < n) {
                char c = rw.charAt(i);
                if (c == 'h' || c == 'l' || c == 'L' || c == 'z' || c == 't') {
                    i++;
                    if (i < n && rw.charAt(i) == c && (c == 'h' || c == 'l')) i++;
                    q = c == 'h' ? (i >= 2 && rw.charAt(i - 2) == 'h' && rw.charAt(i - 1) == 'h' ? Q_HH : Q_H) : Q_LONG;
                }
            }
            char c = i < n ? rw.charAt(i) : '\0';
            char kind;
            switch (c) {
                case 'd', 'i', 'u', 'x', 'X', 'o', 'c', '%' -> kind = c;
                case 's', 'p' -> { unsupported = true; kind = 0; }
                default -> kind = 0; // the kernel stops formatting at an unknown conversion
            }
            if (unsupported) break;
            lits.add(lit.toString());
            lit.setLength(0);
            specs.add(new int[]{kind, fl, w, p, q});
            if (kind == 0) break;
            i++;
        }
        if (unsupported) {
            return new TraceFormat(source, rw, true, true, count, new String[]{source}, new char[0],
                    new byte[0], new int[0], new int[0], new byte[0]);
        }
        lits.add(lit.toString());
        int k = specs.size();
        char[] cv = new char[k];
        byte[] fl = new byte[k], qu = new byte[k];
        int[] wd = new int[k], pr = new int[k];
        for (int j = 0; j < k; j++) {
            int[] s = specs.get(j);
            cv[j] = (char) s[0];
            fl[j] = (byte) s[1];
            wd[j] = s[2];
            pr[j] = s[3];
            qu[j] = (byte) s[4];
        }
        return new TraceFormat(source, rw, true, false, count, lits.toArray(new String[0]), cv, fl, wd, pr, qu);
    }

    private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }

    /** The string as found in the DB. */
    public String source() { return source; }

    /** The string after the driver's %llx -> %x%x rewrite. */
    public String rewritten() { return rewritten; }

    /** False when the driver prints this message as BAD_FORMAT. */
    public boolean valid() { return valid; }

    /** True when the driver accepts the string but it uses a conversion fwsh cannot render (%s, %p, *). */
    public boolean unsupported() { return unsupported; }

    /** Whether this message is printed as {@code BAD_FORMAT: <fmt>}. */
    public boolean badFormat() { return !valid || unsupported; }

    /** The driver's parameter count (number of '%' after the rewrite); -1 for a string that fails validation. */
    public int paramCount() { return paramCount; }

    /** The text printed for a bad format. */
    public String badFormatText() { return badFormatText; }

    /** Scratch size needed by {@link #formatTo(StringBuilder, int[], int, char[])}. */
    public static final int SCRATCH = 96;

    /**
     * Appends the formatted message. {@code params} holds the 32-bit parameters in arrival order; conversions
     * beyond {@code nParams} read 0. Allocates a scratch buffer: decoders use the overload taking one.
     */
    public void formatTo(StringBuilder sb, int[] params, int nParams) {
        formatTo(sb, params, nParams, new char[SCRATCH]);
    }

    /** Same, with a caller-owned scratch of at least {@link #SCRATCH} chars (no allocation). */
    public void formatTo(StringBuilder sb, int[] params, int nParams, char[] scratch) {
        if (badFormat()) { sb.append(badFormatText); return; }
        int start = sb.length();
        int k = conv.length;
        String[] lit = literal;
        if (simple) {
            for (int i = 0; i < k; i++) {
                sb.append(lit[i]);
                int v = i < nParams ? params[i] : 0;
                switch (conv[i]) {
                    case 'x' -> sb.append(scratch, 0, hex(scratch, 0, v & 0xFFFFFFFFL, 0x20));
                    case 'X' -> sb.append(scratch, 0, hex(scratch, 0, v & 0xFFFFFFFFL, 0));
                    case 'u' -> sb.append(v & 0xFFFFFFFFL);
                    default -> sb.append(v);
                }
            }
            sb.append(lit[k]);
            if (sb.length() - start > MAX_MESSAGE) sb.setLength(start + MAX_MESSAGE);
            return;
        }
        int arg = 0;
        int nulAt = -1;
        boolean stopped = false;
        for (int i = 0; i < k; i++) {
            sb.append(lit[i]);
            char c = conv[i];
            if (c == 0) { stopped = true; break; }
            if (c == '%') { sb.append('%'); continue; }
            int v = arg < nParams ? params[arg] : 0;
            arg++;
            if (c == 'c') {
                int w = width[i];
                boolean left = (flags[i] & LEFT) != 0;
                if (!left) for (int j = 1; j < w; j++) sb.append(' ');
                char ch = (char) (v & 0xFF);
                if (ch == 0 && nulAt < 0) nulAt = sb.length();
                sb.append(ch);
                if (left) for (int j = 1; j < w; j++) sb.append(' ');
                continue;
            }
            boolean signed = c == 'd' || c == 'i';
            long num = switch (qual[i]) {
                case Q_H -> signed ? (short) v : v & 0xFFFF;
                case Q_HH -> signed ? (byte) v : v & 0xFF;
                case Q_LONG -> v & 0xFFFFFFFFL;
                default -> signed ? v : v & 0xFFFFFFFFL;
            };
            int base = c == 'x' || c == 'X' ? 16 : c == 'o' ? 8 : 10;
            number(sb, scratch, num, base, c == 'x' ? 0x20 : 0, signed, flags[i], width[i], precision[i]);
        }
        if (!stopped) sb.append(lit[k]);
        int end = start + MAX_MESSAGE;
        if (nulAt >= 0 && nulAt < end) end = nulAt;
        if (sb.length() > end) sb.setLength(end);
    }

    /** Formats into a new String (convenience, allocates). */
    public String format(int... params) {
        StringBuilder sb = new StringBuilder();
        formatTo(sb, params, params.length);
        return sb.toString();
    }

    private static final char[] DIGITS = "0123456789ABCDEF".toCharArray();

    /** Writes {@code v} in hex at {@code buf[pos]}; returns the end position. */
    static int hex(char[] buf, int pos, long v, int locase) {
        int digits = v == 0 ? 1 : (67 - Long.numberOfLeadingZeros(v)) >> 2;
        int end = pos + digits;
        for (int i = end - 1; i >= pos; i--, v >>>= 4) buf[i] = (char) (DIGITS[(int) v & 0xF] | locase);
        return end;
    }

    /** Appends {@code v} in hex (lower case with locase 0x20). Allocates nothing beyond the builder. */
    static void appendHex(StringBuilder sb, long v, int locase) {
        int digits = v == 0 ? 1 : (67 - Long.numberOfLeadingZeros(v)) >> 2;
        for (int s = (digits - 1) * 4; s >= 0; s -= 4) sb.append((char) (DIGITS[(int) (v >>> s) & 0xF] | locase));
    }

    /** lib/vsprintf.c number(), for values that fit a signed long; built in {@code buf} when it fits. */
    static void number(StringBuilder sb, char[] buf, long num, int base, int locase, boolean signed, int flags,
                       int fieldWidth, int precision) {
        boolean isZero = num == 0;
        boolean needPfx = (flags & SPECIAL) != 0 && base != 10;
        if ((flags & LEFT) != 0) flags &= ~ZEROPAD;
        char sign = 0;
        int fw = fieldWidth;
        if (signed) {
            if (num < 0) { sign = '-'; num = -num; fw--; }
            else if ((flags & PLUS) != 0) { sign = '+'; fw--; }
            else if ((flags & SPACE) != 0) { sign = ' '; fw--; }
        }
        if (needPfx) {
            if (base == 16) fw -= 2;
            else if (!isZero) fw--;
        }
        int digits = digitCount(num, base);
        int prec = Math.max(digits, precision);
        fw -= prec;
        if (Math.max(fieldWidth, prec) + 4 > buf.length) { // very wide: append piecewise
            numberSlow(sb, num, base, locase, flags, sign, needPfx, isZero, fw, prec, digits);
            return;
        }
        int n = 0;
        if ((flags & (ZEROPAD | LEFT)) == 0) while (--fw >= 0) buf[n++] = ' ';
        if (sign != 0) buf[n++] = sign;
        if (needPfx) {
            if (base == 16 || !isZero) buf[n++] = '0';
            if (base == 16) buf[n++] = (char) ('X' | locase);
        }
        if ((flags & LEFT) == 0) {
            char pad = (flags & ZEROPAD) != 0 ? '0' : ' ';
            while (--fw >= 0) buf[n++] = pad;
        }
        for (int z = digits; z < prec; z++) buf[n++] = '0';
        int end = n + digits;
        if (base == 16) {
            long v = num;
            for (int i = end - 1; i >= n; i--, v >>>= 4) buf[i] = (char) (DIGITS[(int) v & 0xF] | locase);
        } else if (base == 8) {
            long v = num;
            for (int i = end - 1; i >= n; i--, v >>>= 3) buf[i] = DIGITS[(int) v & 0x7];
        } else {
            long v = num;
            for (int i = end - 1; i >= n; i--, v /= 10) buf[i] = (char) ('0' + (int) (v % 10));
        }
        n = end;
        while (--fw >= 0) buf[n++] = ' ';
        sb.append(buf, 0, n);
    }

    private static void numberSlow(StringBuilder sb, long num, int base, int locase, int flags, char sign, boolean needPfx,
                                   boolean isZero, int fw, int prec, int digits) {
        if ((flags & (ZEROPAD | LEFT)) == 0) while (--fw >= 0) sb.append(' ');
        if (sign != 0) sb.append(sign);
        if (needPfx) {
            if (base == 16 || !isZero) sb.append('0');
            if (base == 16) sb.append((char) ('X' | locase));
        }
        if ((flags & LEFT) == 0) {
            char pad = (flags & ZEROPAD) != 0 ? '0' : ' ';
            while (--fw >= 0) sb.append(pad);
        }
        for (int z = digits; z < prec; z++) sb.append('0');
        if (base == 16) appendHex(sb, num, locase);
        else if (base == 8) {
            for (int s = (digits - 1) * 3; s >= 0; s -= 3) sb.append(DIGITS[(int) (num >>> s) & 0x7]);
        } else sb.append(num);
        while (--fw >= 0) sb.append(' ');
    }

    private static int digitCount(long num, int base) {
        if (num == 0) return 1;
        if (base == 16) return (67 - Long.numberOfLeadingZeros(num)) >> 2;
        if (base == 8) return (66 - Long.numberOfLeadingZeros(num)) / 3;
        int d = 1;
        for (long x = num; x >= 10; x /= 10) d++;
        return d;
    }

    static String cut(String s) {
        return s.length() > MAX_MESSAGE ? s.substring(0, MAX_MESSAGE) : s;
    }

    @Override public String toString() { return "TraceFormat[" + source + "]"; }
}
