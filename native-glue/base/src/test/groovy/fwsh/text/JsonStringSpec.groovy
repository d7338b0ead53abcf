package fwsh.text

import spock.lang.Specification

class JsonStringSpec extends Specification {
    def "quotes and escapes JSON specials, control and line-separator characters, so a record stays on one line"() {
        given:
        def text = 'a"b\\c\nd\re\tf\u0001g\u2028h\u2029i ü'
        def sb = new StringBuilder()

        when:
        JsonString.quote(sb, text)

        then:
        sb.toString() == '"a\\"b\\\\c\\nd\\re\\tf\\u0001g\\u2028h\\u2029i ü"'
        !sb.toString().contains('\n') && !sb.toString().contains('\u2028')
    }
}
