package fwsh.shell

import org.jline.terminal.Terminal
import org.jline.terminal.impl.DumbTerminal
import spock.lang.Specification

import java.nio.charset.StandardCharsets

/** The REPL's pager on an in-memory terminal that claims cursor control: keys in, screen text out. */
class PagerSpec extends Specification {
    def out = new ByteArrayOutputStream()

    String page(String text, String keys, Screen screen = new Screen(10, 40), String type = 'xterm') {
        Terminal t = new DumbTerminal('test', type, new ByteArrayInputStream(keys.getBytes('UTF-8')), out, StandardCharsets.UTF_8)
        new Pager(t, { screen }).page(text)
        t.flush()
        out.toString('UTF-8').replace('\r', '')
    }

    static String lines(int n) {
        (1..n).collect { "line $it" }.join('\n') + '\n'
    }

    def "text that fits prints as it is"() {
        expect:
        page(lines(5), '') == lines(5)
    }

    def "long text stops after each screenful at --More--; Space shows the next page, Enter one line, q stops"() {
        given:
        def screen = new Screen(10, 40)

        when:
        def shown = page(lines(100), ' \nq', screen)
        def content = shown.readLines().collect { it.replaceAll(/^ *--More--.*?%/, '').trim() }.findAll { it }

        then: 'one page, another page, one line, then nothing more'
        content == (1..(2 * screen.rows() + 1)).collect { "line $it".toString() }
        shown.count('--More--') == 3
    }

    def "long lines wrap at the width and count as the rows they take"() {
        expect:
        Pager.rows('x' * 100 + '\nshort\n', 40) == ['x' * 40, 'x' * 40, 'x' * 20, 'short']
        Pager.rows('a\n\nb', 40) == ['a', '', 'b']
    }

    def "a dumb terminal gets all of it"() {
        expect:
        page(lines(100), '', new Screen(10, 40), Terminal.TYPE_DUMB) == lines(100)
    }
}
