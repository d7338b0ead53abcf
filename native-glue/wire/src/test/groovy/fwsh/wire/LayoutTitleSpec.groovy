package fwsh.wire

import spock.lang.Specification

class LayoutTitleSpec extends Specification {
    def "a register's errors name the register even when its layout's paths were first resolved under the layout's own name"() {
        given:
        def cat = Catalog.parse('layout t_reg size=0x4\n  8 a RW\nend\nregisters\n  T 0x1 t_reg\nend\n', 't.prm')
        cat.layout('t_reg').findField('a')                              // resolved (and cached) as t_reg.a

        when:
        cat.register('T').layout().encode([a: 256])

        then:
        ValueRangeException e = thrown()
        e.message.startsWith('T.a: value 256')
    }
}
