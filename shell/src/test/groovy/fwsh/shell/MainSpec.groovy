package fwsh.shell

import spock.lang.Specification

class MainSpec extends Specification {
    def "the launcher prints the devices it finds and exits"() {
        given:
        def out = new ByteArrayOutputStream()
        def old = System.out
        System.out = new PrintStream(out, true)

        when:
        Main.main([] as String[])

        then:
        out.toString().contains('no devices')

        cleanup:
        System.out = old
    }
}
