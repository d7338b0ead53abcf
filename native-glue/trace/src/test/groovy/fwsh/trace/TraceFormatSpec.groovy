package fwsh.trace

import spock.lang.Specification
import spock.lang.Unroll

class TraceFormatSpec extends Specification {

    @Unroll
    def "'#fmt' with #params prints '#out' as the kernel's vsnprintf does"() {
        expect:
        TraceFormat.compile(fmt).format(params as int[]) == out

        where:
        fmt                 | params                        || out
        'plain'             | []                            || 'plain'
        'v=%x'              | [0xdeadbeef as int]           || 'v=deadbeef'
        'v=%X'              | [0xdeadbeef as int]           || 'v=DEADBEEF'
        '%08x'              | [0x12]                        || '00000012'
        '%8x|'              | [0x12]                        || '      12|'
        '%#x'               | [0x1f]                        || '0x1f'
        '%#X'               | [0x1f]                        || '0X1F'
        '%#x'               | [0]                           || '0x0'       // kernel prints the prefix for 0 too
        '%#08x'             | [0x12]                        || '0x000012'
        '%#8x|'             | [0x12]                        || '    0x12|'
        '%d'                | [-1]                          || '-1'
        '%i'                | [-42]                         || '-42'
        '%u'                | [-1]                          || '4294967295'
        '%5d|'              | [42]                          || '   42|'
        '%05d'              | [-42]                         || '-0042'
        '%.4x'              | [0x12]                        || '0012'
        '%08.4x'            | [0x12]                        || '00000012'  // kernel keeps zero padding with a precision
        '%lx'               | [0xffffffff as int]           || 'ffffffff'
        '%ld'               | [0xffffffff as int]           || '4294967295' // 64-bit read of a 32-bit parameter
        '%lu'               | [7]                           || '7'
        '%08llx'            | [0x12]                        || '00000012'  // not the exact text %llx: one parameter
        '%c%c'              | [0x4f, 0x4b]                  || 'OK'
        '%3c|'              | [0x41]                        || '  A|'
        'a %llx b'          | [0x12345678, 0x9abcdef0 as int] || 'a 123456789abcdef0 b'
        '0x%llx'            | [0x1, 0x5]                    || '0x15'     // %x%x: the low half is not zero padded
        '%d %d %d'          | [1]                           || '1 0 0'    // missing parameters read 0
        'ab%ccd'            | [0]                           || 'ab'       // a NUL from %c ends the message
        'x %5q y'           | [1]                           || 'x '       // unknown conversion: output stops
        '%5%x'              | []                            || '%x'       // "%5%" is a literal %, then plain x
    }

    def "parameter count is the number of '%' after the %llx rewrite"() {
        expect:
        TraceFormat.compile(fmt).paramCount() == n
        TraceFormat.compile(fmt).rewritten() == rw

        where:
        fmt               || n | rw
        'no params'       || 0 | 'no params'
        'a %d b %llx'     || 3 | 'a %d b %x%x'
        '%llx%llx'        || 4 | '%x%x%x%x'
        '%5%x'            || 2 | '%5%x'
    }

    @Unroll
    def "'#fmt' fails the driver's conversion check and prints BAD_FORMAT"() {
        given:
        def f = TraceFormat.compile(fmt)

        expect:
        !f.valid()
        f.badFormat()
        f.paramCount() == -1
        f.format(1, 2) == 'BAD_FORMAT: ' + fmt

        where:
        fmt << ['name %s', '100%%', '%-5d', '%o', 'ends with %', '%p']
    }

    def "conversions the driver accepts but fwsh cannot render safely are BAD_FORMAT, still counting parameters"() {
        given:
        def f = TraceFormat.compile('%5s and %d')

        expect:
        f.valid()
        f.unsupported()
        f.badFormat()
        f.paramCount() == 2
        f.format(1, 2) == 'BAD_FORMAT: %5s and %d'
    }

    def "lenient compile supports %% and flags the driver rejects"() {
        expect:
        TraceFormat.compileLenient('100%% %-4d|%+d|% d|%3o').format(7, 5, 5, 8) == '100% 7   |+5| 5| 10'
    }

    def "message is cut at 511 characters like the driver's 512-byte buffer"() {
        given:
        def f = TraceFormat.compile('x' * 600 + '%d')
        def bad = TraceFormat.compile('y' * 600 + '%s')

        expect:
        f.format(1).length() == 511
        bad.format().length() == 511
        bad.format().startsWith('BAD_FORMAT: yyy')
    }
}
