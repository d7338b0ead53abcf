package fwsh.text

import spock.lang.Specification

class JsonStringSpec extends Specification {
    static final String NASTY = 'a"b\\c\nd\re\tf\u0001g\u2028h\u2029i ü\b\f/'

    def "quotes and escapes JSON specials, control and line-separator characters, so a record stays on one line"() {
        given:
        def sb = new StringBuilder('x=')

        when:
        JsonString.quote(sb, NASTY)

        then:
        sb.toString() == 'x="a\\"b\\\\c\\nd\\re\\tf\\u0001g\\u2028h\\u2029i ü\\b\\f/"'
        !sb.toString().contains('\n') && !sb.toString().contains('\u2028') && !sb.toString().contains('\u2029')
    }

    def "the quoter and the line writer escape alike, and what they write reads back"() {
        when:
        def sb = new StringBuilder()
        JsonString.quote(sb, NASTY)
        def line = JsonLines.write([k: NASTY])

        then:
        line == '{"k":' + sb + '}'
        JsonLines.parseObject(line) == [k: NASTY]
    }

    def "JSON lines: fields in the order given, compact, integers back as Long, nested objects and lists"() {
        given:
        def m = new LinkedHashMap<String, Object>([type: 'rpc', seq: 3L, n: 7, ok: true, none: null, list: ['a', 'b'], dev: [name: 'x', uid: 0]])

        when:
        def line = JsonLines.write(m)
        def back = JsonLines.parseObject(line)

        then:
        line == '{"type":"rpc","seq":3,"n":7,"ok":true,"none":null,"list":["a","b"],"dev":{"name":"x","uid":0}}'
        back == [type: 'rpc', seq: 3L, n: 7L, ok: true, none: null, list: ['a', 'b'], dev: [name: 'x', uid: 0L]]
        back.n instanceof Long
        back.keySet() as List == ['type', 'seq', 'n', 'ok', 'none', 'list', 'dev']
    }

    def "a line that is not one JSON object is one line naming the column"() {
        when:
        JsonLines.parseObject(text)

        then:
        def e = thrown(IllegalArgumentException)
        e.message ==~ message
        !e.message.contains('\n')

        where:
        text                         | message
        '{"a":1,"b":'                | /invalid JSON at column 12: .*end-of-input.*/
        '[1,2]'                      | /invalid JSON at column 1: expected a JSON object starting with '\{'/
        '{"a":1} x'                  | /invalid JSON at column \d+: .*/
        '{"a":1,"a":2}'              | /invalid JSON at column 11: Duplicate field 'a'/
        '{"a":123456789012345678901}' | /invalid JSON at column \d+: integer 123456789012345678901 is out of range/
        '{"a":tru}'                  | /invalid JSON at column \d+: Unrecognized token 'tru'.*/
    }
}
