package fwsh.shell.bundle

import spock.lang.Specification

/** fwsh bundle's progress: one rewritten line on a terminal, one plain line per phase in batch. */
class ProgressSpec extends Specification {
    def bytes = new ByteArrayOutputStream()
    def err = new PrintStream(bytes, true, 'UTF-8')

    def "in batch each phase is a line of its own"() {
        when:
        def p = new Progress(err, false)
        p.phase(1, 2, 'emu0 health')
        p.phase(2, 2, 'emu0 identity')
        p.done()

        then:
        bytes.toString('UTF-8') == 'fwsh bundle: [1/2] emu0 health\nfwsh bundle: [2/2] emu0 identity\n'
    }

    def "on a terminal one line is rewritten in place (a shorter text blanks the rest) and cleared at the end"() {
        when:
        def p = new Progress(err, true)
        p.phase(1, 2, 'emu0 capabilities')
        p.phase(2, 2, 'emu0 nv')
        p.done()
        def text = bytes.toString('UTF-8')
        def first = 'fwsh bundle: [1/2] emu0 capabilities', second = 'fwsh bundle: [2/2] emu0 nv'

        then:
        !text.contains('\n')
        text == '\r' + first + '\r' + second + ' ' * (first.length() - second.length()) + '\r' + ' ' * first.length() + '\r'
    }
}
