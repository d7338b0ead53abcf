package fwsh.shell

import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

class CompletionEngineSpec extends Specification {
    @TempDir
    Path dir

    def dev = new FakeDevice()
    def vars = [dev: dev, devices: [dev], config: [mode: 'fast', 'not a name': 1], _: 5] as LinkedHashMap
    def engine = new CompletionEngine({ vars }, ['/help', '/history', '/load', '/run', '/exit'], dir)

    List<String> values(String line, int cursor = line.length()) {
        engine.complete(line, cursor)*.value()
    }

    def "a bare name offers the session variables and help("() {
        expect:
        values('d') == ['_', 'config', 'dev', 'devices', 'help(']
        CompletionEngine.wordStart('x = de', 6) == 4
    }

    def "after a Completable object's dot: its candidates only (register names)"() {
        expect:
        values('dev.reg.') == ['PAOS', 'PPCNT', 'PMTU']
        values('dev.reg.PP') == ['PAOS', 'PPCNT', 'PMTU']   // JLine filters by the typed prefix
        CompletionEngine.wordStart('dev.reg.PP', 10) == 8
        values('devices[0].reg.') == ['PAOS', 'PPCNT', 'PMTU']
        values('dev?.reg.') == ['PAOS', 'PPCNT', 'PMTU']
    }

    def "after a plain object's dot: public properties and methods, no Object/Groovy plumbing"() {
        when:
        def offers = values('dev.')

        then:
        offers.containsAll(['name', 'reg', 'calls', 'pci', 'reset()', 'rpc('])
        !offers.any { it in ['class', 'metaClass', 'getMetaClass', 'invokeMethod', 'hashCode', 'getPci', 'wait'] }
    }

    def "map keys that are names are offered after a map's dot"() {
        expect:
        values('config.') == ['mode']
    }

    def "completion never calls methods: a chain through a call offers nothing and runs nothing"() {
        expect:
        values('dev.reset().') == []
        values('dev.rpc(opcode: 1).') == []
        dev.calls == 0
        values('nosuch.') == []
        values('dev.nosuch.') == []
    }

    def "inside recv.method( the named arguments are offered as 'key: ', skipping keys already given"() {
        expect:
        values('dev.reg.PAOS.read(') == ['local_port: ', 'grp: ', 'admin_status: ']
        values('dev.reg.PAOS.read(local_port: 1, ') == ['grp: ', 'admin_status: ']
        values('dev.reg.PAOS.write(local_port: 1, adm') == ['grp: ', 'admin_status: ']
        values('x = dev.reg.PAOS.read(local_port: ') == ['_', 'config', 'dev', 'devices', 'help(']   // a value position
        dev.reg.PAOS.reads == 0
    }

    def "inside key: ' the argument's values are offered, closing the quote"() {
        expect:
        values("dev.reg.PAOS.write(local_port: 1, admin_status: 'u") == ["up'", "down'", "up_once'"]
        values('dev.reg.PAOS.write(admin_status: "') == ['up"', 'down"', 'up_once"']
        values("dev.reg.PPCNT.read(grp: '") == ["ieee_802_3'"]
        values("println('") == []
    }

    def "/commands complete at the start of a line, file paths after /load and /run"() {
        given:
        Files.createDirectories(dir.resolve('packs'))
        Files.writeString(dir.resolve('packs/rates.groovy'), '')
        Files.writeString(dir.resolve('init.groovy'), '')
        Files.writeString(dir.resolve('.hidden'), '')

        expect:
        values('/h') == ['/help', '/history']
        values('/load ') == ['init.groovy', 'packs/']
        values('/run pa') == ['packs/']
        values('/run packs/') == ['packs/rates.groovy']
        values('/run packs/rates.groovy --port') == []
        engine.complete('/load ', 6).find { it.value() == 'packs/' }.complete() == false
        engine.complete('/load ', 6).find { it.value() == 'init.groovy' }.complete()
        CompletionEngine.wordStart('/run packs/ra', 13) == 5
    }
}
