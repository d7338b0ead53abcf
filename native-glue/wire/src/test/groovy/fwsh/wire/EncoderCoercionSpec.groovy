package fwsh.wire

import fwsh.base.FwshException
import spock.lang.Specification

/**
 * The encoder's coercion rules, checked against an independent model on random fields (width 1..64 at any bit
 * position, with or without enum names) and random values of every type a script can pass. A value is either
 * written exactly (and nothing else in the buffer changes) or refused with a FwshException whose one line names
 * the field and, for a number it cannot hold, the allowed range. Seeded: -Dfwsh.coercion.seed=N repeats a run.
 */
class EncoderCoercionSpec extends Specification {
    static final BigInteger TWO64 = BigInteger.ONE.shiftLeft(64)

    def "random fields and values: written exactly, or refused naming the field and its range"() {
        given:
        long seed = Long.getLong('fwsh.coercion.seed', 15L)
        def rnd = new Random(seed)
        def outcomes = [:].withDefault { 0 }

        when:
        3000.times { i ->
            int width = [1, 2, 3, 4, 7, 8, 12, 16, 31, 32, 33, 48, 63, 64][rnd.nextInt(14)]
            int pad = width > 32 ? rnd.nextInt(2) * 32 : rnd.nextInt(33 - width)
            BigInteger max = BigInteger.ONE.shiftLeft(width) - 1
            Map<String, BigInteger> enums = rnd.nextBoolean() ? [:] : randomEnums(rnd, max)
            def layout = layoutOf(width, pad, enums)
            def value = randomValue(rnd, width, max, enums)
            def want = model(width, max, enums, value)
            String what = "seed $seed case $i: ${width}-bit field at bit $pad${enums ? ' ' + enums : ''}, value ${describe(value)}"
            outcomes[check(layout, want, value, width, max, pad, what)]++
        }

        then: 'every kind of outcome occurred'
        outcomes.keySet() == ['written', ValueRangeException.simpleName, UnknownEnumException.simpleName, WireException.simpleName] as Set
        outcomes.values().every { it > 20 }
    }

    String check(Layout layout, Map want, Object value, int width, BigInteger max, int pad, String what) {
        byte[] buf = null
        Throwable error = null
        try {
            buf = layout.encode([x: value])
        } catch (Throwable t) {
            error = t
        }
        if (want.ok != null) {
            assert error == null, "$what: expected ${want.ok}, got ${error}"
            BigInteger got = new BigInteger(1, buf)
            BigInteger expected = want.ok.shiftLeft(layout.sizeBits() - pad - width)
            assert got == expected, "$what: wrote ${got.toString(16)}, expected ${expected.toString(16)} (other bits must stay 0)"
            assert Long.toUnsignedString(layout.decode(buf).getLong('x')) == want.ok.toString(), what
            return 'written'
        }
        assert error != null, "$what: expected ${want.error.simpleName}, but it was written"
        assert error.getClass() == want.error, "$what: expected ${want.error.simpleName}, got $error"
        assert error instanceof FwshException, what
        assert !error.message.contains('\n'), what
        assert error.message.startsWith('T.x'), "$what: the message names the field: ${error.message}"
        if (want.error == ValueRangeException) {
            assert error.message.contains("0..$max"), "$what: the message names the range: ${error.message}"
        }
        if (want.error == UnknownEnumException && !want.enums.isEmpty()) {
            assert want.enums.keySet().every { error.message.contains(it) }, "$what: the message lists the names: ${error.message}"
        }
        error.getClass().simpleName
    }

    /** What the encoder must do: [ok: the number written] or [error: the exception class]. */
    static Map model(int width, BigInteger max, Map<String, BigInteger> enums, Object v) {
        def range = { BigInteger n -> n.signum() < 0 || n > max ? [error: ValueRangeException] : [ok: n] }
        if (v == null) return [error: ValueRangeException]
        if (v instanceof Boolean) return width == 1 ? [ok: v ? 1G : 0G] : [error: ValueRangeException]
        if (v instanceof Long && v < 0 && width == 64) return [ok: BigInteger.valueOf(v).add(TWO64)]
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte || v instanceof BigInteger)
            return range(v as BigInteger)
        if (v instanceof Double) {
            if (v.isNaN() || v.isInfinite() || v != Math.rint(v)) return [error: ValueRangeException]
            return range(new BigDecimal(v).toBigIntegerExact())
        }
        if (v instanceof String) {
            def name = enums.keySet().find { it.equalsIgnoreCase(v.trim()) }
            if (name != null) return [ok: enums[name]]
            BigInteger n = parse(v.trim())
            if (n != null && n < TWO64) return range(n)
            return [error: UnknownEnumException, enums: enums]
        }
        [error: WireException]
    }

    static BigInteger parse(String s) {
        try {
            if (s.startsWith('0x')) return new BigInteger(s.substring(2), 16)
            return s ==~ /-?[0-9]+/ ? new BigInteger(s) : null
        } catch (NumberFormatException e) {
            null
        }
    }

    static Object randomValue(Random rnd, int width, BigInteger max, Map<String, BigInteger> enums) {
        BigInteger near = [0G, 1G, max, max + 1, max - 1, BigInteger.valueOf(rnd.nextInt(1000)),
                           new BigInteger(width + 2, rnd), TWO64 - 1, TWO64].get(rnd.nextInt(9)).max(0G)
        switch (rnd.nextInt(14)) {
            case 0: return null
            case 1: return rnd.nextBoolean()
            case 2: return near.bitLength() < 32 ? (rnd.nextBoolean() ? near.intValue() : -near.intValue() - 1) : near.longValue()
            case 3: return near.bitLength() < 64 ? near.longValue() : -1L - rnd.nextInt(5)
            case 4: return rnd.nextBoolean() ? near : near.negate() - 1
            case 5: return near.bitLength() < 8 ? (short) near.intValue() : (byte) -rnd.nextInt(100)
            case 6: return rnd.nextBoolean() ? near.doubleValue() : near.doubleValue() + 0.5d
            case 7: return [Double.NaN, Double.POSITIVE_INFINITY, -1.0d, 1e30d][rnd.nextInt(4)]
            case 8: return near.toString()
            case 9: return '0x' + near.toString(16)
            case 10: return enums ? enums.keySet()[rnd.nextInt(enums.size())].toUpperCase() : 'up'
            case 11: return ['', 'nope', 'u p', '-5', '12abc'][rnd.nextInt(5)]
            case 12: return [1, 2]
            default: return new byte[2]
        }
    }

    static Map<String, BigInteger> randomEnums(Random rnd, BigInteger max) {
        def names = ['up', 'down', 'sleep', 'auto', 'fast', 'slow'].subList(0, 1 + rnd.nextInt(5))
        def out = [:]
        names.eachWithIndex { n, i -> out[n] = i == 0 ? 0G : new BigInteger(max.bitLength(), rnd).min(max) }
        out
    }

    static Layout layoutOf(int width, int pad, Map<String, BigInteger> enums) {
        String e = enums ? ' enum(' + enums.collect { k, v -> "$k=$v" }.join(', ') + ')' : ''
        String padLine = pad == 0 ? '' : "  $pad pad RW\n"
        Catalog.parse("layout t size=0x10\n$padLine  $width x RW$e\nend\n", 'gen.prm')
                .layout('t').withTitle('T')
    }

    static String describe(Object v) {
        v == null ? 'null' : v instanceof byte[] ? 'byte[]' : "${v.getClass().simpleName} ${v instanceof String ? "'$v'" : v}"
    }
}
