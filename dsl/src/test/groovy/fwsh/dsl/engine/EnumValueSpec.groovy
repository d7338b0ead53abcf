package fwsh.dsl.engine

import fwsh.dsl.ScriptRunner
import fwsh.dsl.Session
import fwsh.dsl.SessionOptions
import groovy.json.JsonSlurper
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

/** Enum fields print as their names and compare and compute as their numbers, in scripts as users write them. */
class EnumValueSpec extends Specification {
    @Shared @TempDir Path tmp
    @Shared @AutoCleanup Session s

    def setupSpec() {
        s = Session.open(new SessionOptions().noHardware().journal(tmp.resolve('j.jsonl')).emulate('cx6dx:mlx5ctl'))
    }

    Object run(String code) {
        new ScriptRunner(s).run("def r = dev.reg.PAOS.read(local_port: 1)\n" + code, 'enums.groovy', [])
    }

    def "an enum field equals its name and its number, whichever side each is on: #code"() {
        expect:
        run(code) == expected

        where:
        code                                                     || expected
        "r.oper_status == 'up'"                                  || true
        "r.oper_status == 'UP'"                                  || true
        "r.oper_status == 'down'"                                || false
        "r.oper_status != 'down'"                                || true
        "r.oper_status == 1"                                     || true
        "r.oper_status == 1L"                                    || true
        "r.oper_status == 2"                                     || false
        "1 == r.oper_status"                                     || true
        "'up' == r.oper_status"                                  || true
        "'down' != r.oper_status"                                || true
        "r.oper_status in ['up', 'down']"                        || true
        "r.oper_status in ['down', 'sleep']"                     || false
        "r.oper_status in [1, 2]"                                || true
        "r.oper_status == r.admin_status"                        || true
        "switch (r.oper_status) { case 'down': 'd'; break; case 'up': 'u'; break; default: 'x' }" || 'u'
        "switch (r.oper_status) { case 2: 'two'; break; case 1: 'one'; break; default: 'x' }"    || 'one'
        "r.oper_status ? 'yes' : 'no'"                           || 'yes'
        "[up: 'green', down: 'red'][r.oper_status]"              || 'green'
        "[1, 2, 3].findAll { it == r.oper_status }"               || [1]
        "dev.reg.PAOS.read(local_port: 1).oper_status == 'up'"   || true
        "def names = ['up']; r.oper_status in names"             || true
        "def c = { -> 'up' == r.oper_status }; c()"               || true
    }

    def "it prints as its name, and the number stays reachable: #code"() {
        expect:
        run(code) == expected

        where:
        code                                   || expected
        "r.oper_status.toString()"             || 'up'
        "\"\${r.oper_status}\".toString()"     || 'up'
        "r.oper_status as String"              || 'up'
        "r.oper_status.name"                   || 'up'
        "r.oper_status.value"                  || 1L
        "r.oper_status as int"                 || 1
        "(r.oper_status as int).getClass()"    || Integer
        "r.oper_status as long"                || 1L
        "r.oper_status.toLong()"               || 1L
        "r.oper_status.intValue()"             || 1
        "r.raw('oper_status')"                 || 1L
        "r.raw('oper_status').getClass()"      || Long
        "r.name('oper_status')"                || 'up'
        "r.oper_status.names.take(2)"          || ['up', 'down']
        "String.format('%s/%d', r.oper_status, r.oper_status.value)" || 'up/1'
        "r.oper_status.describe().startsWith('PAOS.oper_status = up (1); names: up=1, down=2')" || true
    }

    def "arithmetic and comparisons on an enum field are the number's, and ordinary numeric fields are unchanged: #code"() {
        expect:
        run(code) == expected

        where:
        code                                     || expected
        "r.oper_status + 1"                      || 2
        "(r.oper_status + 1).getClass()"         || Long
        "r.oper_status * 3"                      || 3
        "r.oper_status - 1"                      || 0
        "r.oper_status << 4"                     || 16
        "r.oper_status < 2"                      || true
        "r.oper_status >= 1"                     || true
        "[r.admin_status, 0].max()"              || 1
        "r.oper_status + ' now'"                 || 'up now'
        "r.local_port.getClass()"                || Long
        "r.local_port + 1"                       || 2
        "(r.local_port + 1).getClass()"          || Long
        "r.local_port * 2.5"                     || 2.5
        "\"\${r.local_port}\".toString()"        || '1'
    }

    def "toMap gives names where a field has them and keeps the numbers reachable; JSON carries the names"() {
        when:
        def m = run("r.toMap()")
        def raw = run("r.toMap(raw: true)")
        def json = new JsonSlurper().parseText(run("r.toJson()"))

        then:
        m.toString() == '[swid:0, local_port:1, admin_status:up, oper_status:up, ase:0, ee:0, e:do_not_generate_event]'
        m.oper_status == 1
        m.oper_status.value == 1
        raw.oper_status == 1L
        raw.oper_status.getClass() == Long
        json.oper_status == 'up'
        json.admin_status == 'up'
        json.local_port == 1
        json.e == 'do_not_generate_event'
    }

    def "a value without a name prints its number and still compares to it"() {
        given:
        def f = fwsh.wire.Catalog.builtin().register('PAOS').layout().field('oper_status')

        when:
        def v = new EnumValue(7, f)

        then:
        v.toString() == '7'
        v.name == null
        v == 7
        v != 'up'
        v.hashCode() == Long.hashCode(7)
    }

    def "diff shows names"() {
        when:
        def d = run("def after = dev.reg.PAOS.read(local_port: 2); r.diff(after)")

        then:
        d.toString() == '[local_port:[1, 2]]'
    }
}
