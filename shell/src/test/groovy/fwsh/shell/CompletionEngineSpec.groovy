package fwsh.shell

import fwsh.dsl.Session
import fwsh.dsl.SessionOptions
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/**
 * Tab completion against a session on the emulated ConnectX: its catalog's registers, commands, capability
 * fields and enum names. The session records every RPC, so a spec can check that completing sent none.
 */
class CompletionEngineSpec extends Specification {
    @TempDir
    @Shared
    Path dir

    @Shared
    @AutoCleanup
    Session session

    @Shared
    Path recording

    CompletionEngine engine

    def setupSpec() {
        recording = dir.resolve('rpcs.jsonl')
        def options = new SessionOptions().emulate('cx6dx')
        options.record = recording
        session = Session.open(options)
    }

    def setup() {
        session.binding().setVariable('config', [mode: 'fast', 'not a name': 1])
        session.binding().setVariable('_', 5)
        engine = new CompletionEngine({ session.binding().variables }, ['/help', '/history', '/load', '/run', '/exit'], dir,
                { PackScripts.names() })
    }

    def dev() {
        session.binding().getVariable('dev')
    }

    List<String> values(String line, int cursor = line.length()) {
        engine.complete(line, cursor)*.value()
    }

    int rpcs() {
        recording.toFile().readLines().count { it.contains('"type":"rpc"') } as int
    }

    def "a bare name offers the session variables and help("() {
        expect:
        values('d') == (session.binding().variables.keySet().findAll { it ==~ /\w+/ }.sort() + ['help('])
        values('d').containsAll(['dev', 'devices', 'journal', 'session'])
        CompletionEngine.wordStart('x = de', 6) == 4
    }

    def "after dev.reg. the catalog's registers; after dev.cmd. its commands; after dev.cap. its capability types"() {
        expect:
        values('dev.reg.') == dev().reg.completionCandidates()
        values('dev.reg.').containsAll(['PAOS', 'PPCNT', 'PMTU', 'MGIR'])
        values('dev.reg.PP') == values('dev.reg.')        // JLine filters by the typed prefix
        CompletionEngine.wordStart('dev.reg.PP', 10) == 8
        values('devices[0].reg.') == values('dev.reg.')
        values('dev?.reg.') == values('dev.reg.')
        values('dev.cmd.').contains('QUERY_ADAPTER(')
        values('dev.cmd.') == dev().cmd.completionCandidates()
        values('dev.cap.') == dev().cap.completionCandidates()
        values('dev.cap.').contains('GENERAL')
    }

    def "capability fields come from the layout, current values offer max"() {
        when:
        def fields = values('dev.cap.general.')

        then:
        fields.containsAll(['log_max_qp', 'log_max_cq', 'max'])
        values('dev.cap.general.max.').contains('log_max_qp')
        !values('dev.cap.general.max.').contains('max')
    }

    def "after a plain object's dot: public properties and methods, no Object/Groovy plumbing"() {
        when:
        def offers = values('dev.')

        then:
        offers.containsAll(['name', 'reg', 'cmd', 'cap', 'counters', 'tracer', 'rpc('])
        !offers.any { it in ['class', 'metaClass', 'getMetaClass', 'invokeMethod', 'hashCode', 'getName', 'wait'] }
    }

    def "map keys that are names are offered after a map's dot"() {
        expect:
        values('config.') == ['mode']
    }

    def "completion never calls methods nor sends an RPC: a chain through a call offers nothing"() {
        given:
        int before = rpcs()

        expect:
        values('dev.reg.PAOS.read(local_port: 1).') == []
        values('dev.rpc(opcode: 0x101, outlen: 272).') == []
        values('nosuch.') == []
        values('dev.nosuch.') == []
        values('dev.reg.PAOS.read(') && values("dev.reg.PAOS.write(local_port: 1, admin_status: '")
        rpcs() == before
    }

    def "inside recv.method( the register's index fields (read) or fields (write) are offered as 'key: '"() {
        given:
        def layout = dev().reg.PAOS.argumentNames('write')

        expect:
        values('dev.reg.PAOS.read(') == dev().reg.PAOS.argumentNames('read').collect { it + ': ' }
        values('dev.reg.PAOS.read(').contains('local_port: ')
        !values('dev.reg.PAOS.read(').contains('admin_status: ')
        values('dev.reg.PAOS.write(local_port: 1, ') == (layout - 'local_port').collect { it + ': ' }
        values('dev.reg.PAOS.write(local_port: 1, adm').contains('admin_status: ')
        values('x = dev.reg.PAOS.read(local_port: ') == values('d')   // a value position
        values('dev.cmd.QUERY_VPORT_COUNTER(').contains('clear: ')
    }

    def "inside key: ' the field's enum names are offered, closing the quote"() {
        given:
        def states = dev().reg.PAOS.argumentValues('write', 'admin_status')

        expect:
        states.containsAll(['up', 'down'])
        values("dev.reg.PAOS.write(local_port: 1, admin_status: 'u") == states.collect { it + "'" }
        values('dev.reg.PAOS.write(admin_status: "') == states.collect { it + '"' }
        values("dev.reg.PPCNT.read(local_port: 1, grp: '").contains("ieee_802_3'")
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
        values('/load ') == ['init.groovy', 'packs/', 'rpcs.jsonl']
        values('/run pa') == ['packs/']
        values('/run packs/') == ['packs/rates.groovy']
        values('/run li') == PackScripts.names().findAll { it.startsWith('li') }
        values('/run li').contains('link/health.groovy')
        !values('/load li')
        values('/run packs/rates.groovy --port') == []
        engine.complete('/load ', 6).find { it.value() == 'packs/' }.complete() == false
        engine.complete('/load ', 6).find { it.value() == 'init.groovy' }.complete()
        CompletionEngine.wordStart('/run packs/ra', 13) == 5
    }
}
