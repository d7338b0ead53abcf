package fwsh.shell

import spock.lang.Specification

class GroovyLexerSpec extends Specification {

    def "unfinished input continues on the next line: '#code'"() {
        expect:
        GroovyLexer.incomplete(code) == incomplete

        where:
        code                              | incomplete
        '1 + 1'                           | false
        'if (x) {'                        | true
        'if (x) {\n  y\n}'                | false
        'foo(1,'                          | true
        '[1, 2,\n 3]'                     | false
        '"""multi'                        | true
        '"""multi\nline"""'               | false
        "'{' + \"(\""                     | false
        '/* note'                         | true
        '// a comment with { brace'       | false
        "'unterminated"                   | false
        'a + \\'                          | true
        'x)'                              | false
        "\"\${ {} }\""                    | false
        'tail(grep: /link (up|down/)'     | false
        'x = /a{2/ ; y = 1'               | false
        'ok = $/C:\\dir (x/$'            | false
        'a / (b'                          | true
        'f(x) / (2'                       | true
    }

    def "a slash starts a regex where an expression can start and divides after a value"() {
        expect:
        kinds(code) == expected

        where:
        code                   | expected
        'x = /a+b/'            | ['IDENT', 'OP', 'STRING']
        'n / 2 / m'            | ['IDENT', 'OP', 'NUMBER', 'OP', 'IDENT']
        'f(/x\\/y/)'           | ['IDENT', 'OPEN', 'STRING', 'CLOSE']
        'return /r/'           | ['KEYWORD', 'STRING']
        'this / 2'             | ['KEYWORD', 'OP', 'NUMBER']
        '(a) / 2'              | ['OPEN', 'IDENT', 'CLOSE', 'OP', 'NUMBER']
        '$/a/b$/c/$ + 1'       | ['STRING', 'OP', 'NUMBER']
    }

    private static List<String> kinds(String code) {
        GroovyLexer.tokenize(code).findAll { it.type() != GroovyLexer.Type.WS }*.type()*.name()
    }

    def "tokens classify keywords, identifiers, numbers, strings and comments"() {
        given:
        def code = "def x = 0x1F + 2.5e3 // c\nif (x) 'str'"

        when:
        def tokens = GroovyLexer.tokenize(code).findAll { it.type() != GroovyLexer.Type.WS }

        then:
        tokens.collect { [it.type().name(), it.text(code)] } == [
                ['KEYWORD', 'def'], ['IDENT', 'x'], ['OP', '='], ['NUMBER', '0x1F'], ['OP', '+'], ['NUMBER', '2.5e3'],
                ['COMMENT', '// c'], ['KEYWORD', 'if'], ['OPEN', '('], ['IDENT', 'x'], ['CLOSE', ')'], ['STRING', "'str'"]]
    }

    def "the highlighter colours by token and the leading /command"() {
        given:
        def h = new ReplHighlighter(true)

        expect:
        h.highlight('def x = "s"').toAnsi().contains('\u001b[')
        h.highlight('def x').styleAt(0) == ReplHighlighter.KEYWORD
        h.highlight('def x').styleAt(4) != ReplHighlighter.KEYWORD
        h.highlight('x = 12').styleAt(4) == ReplHighlighter.NUMBER
        h.highlight("x = 'a'").styleAt(5) == ReplHighlighter.STRING
        h.highlight('/load f').styleAt(1) == ReplHighlighter.COMMAND
        h.highlight('/load f').styleAt(6) != ReplHighlighter.COMMAND
        new ReplHighlighter(false).highlight('def x').styleAt(0) != ReplHighlighter.KEYWORD
    }
}
