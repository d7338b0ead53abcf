package fwsh.shell.pack

/** The base class a pack's specs extend, run through fwsh test. */
class PackSpecificationSpec extends PackCli {
    def "session, device, packDir, run and eval work; a spec's own setup and cleanup run with the base class's"() {
        given:
        def p = pack('helpers')

        when:
        def r = fwsh(['test', p.toString(), '--scope', 'configuration', '--junit-xml', dir.resolve('x').toString()])

        then:
        r.err == ''
        !r.out.contains('FAILED')
        r.status == 0
        r.out.readLines().last() == '3 passed, 0 failed'
    }

    def "the emulator hooks: addDevice, useDevice, advance, overrideAnswer, failAnswer and dev.emu"() {
        given:
        def p = pack('hooks')

        when:
        def r = fwsh(['test', p.toString(), '--junit-xml', dir.resolve('x').toString()])

        then:
        r.err == ''
        !r.out.contains('FAILED')
        r.out.readLines().last() == '8 passed, 0 failed'
        r.status == 0
    }
}
