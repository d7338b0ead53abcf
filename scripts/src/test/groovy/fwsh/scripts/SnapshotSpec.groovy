package fwsh.scripts

import fwsh.channel.Scope
import fwsh.dsl.FwshException
import groovy.json.JsonSlurper

class SnapshotSpec extends PackRun {
    def "a snapshot holds the device identity and every register that answers, skipping refused and control registers"() {
        given:
        def s = open()
        def file = tmp.resolve('a.json').toString()

        when:
        def r = run(s, 'registers/snapshot.groovy', ['--out', file])
        def json = new JsonSlurper().parse(new File(file))

        then:
        r.out.readLines()[0] ==~ /snapshot of emu\d+ \(MT_0000000359, fw 22\.39\.1002\): \d+ registers written to .*a\.json; skipped \d+ refused \(BAD_PARAM\/BAD_OP\), 6 dump\/trace control/
        json.device.psid == 'MT_0000000359'
        json.device.fw_version == '22.39.1002'
        json.port == 1
        json.registers.PAOS.admin_status == 1
        json.registers.PMTU.admin_mtu == 1522
        json.registers.MGIR.fw_info.psid == 'MT_0000000359'
        json.registers.keySet().containsAll(['PAOS', 'PMTU', 'PTYS', 'PDDR', 'PPCNT', 'MTMP', 'MGIR', 'MCAM'])
        !json.registers.containsKey('RESOURCE_DUMP')
        json.skipped.control.contains('RESOURCE_DUMP')
        json.skipped.refused.size() > 0
        s.journal().entries().isEmpty()                      // a snapshot only reads

        cleanup:
        s.close()
    }

    def "snapshot, modify PMTU under withScope, snapshot, diff shows admin_mtu and sets exitCode"() {
        given:
        def s = open('cx6dx:mlx5ctl', Scope.CONFIGURATION)
        def a = tmp.resolve('a.json').toString(), b = tmp.resolve('b.json').toString()

        when:
        run(s, 'registers/snapshot.groovy', ['--out', a])
        eval(s, "withScope('configuration') { dev.reg.PMTU.modify(local_port: 1) { admin_mtu = 4000 } }")
        run(s, 'registers/snapshot.groovy', ['--out', b])
        def r = run(s, 'registers/diff.groovy', [a, b])
        def lines = r.out.readLines()

        then:
        lines.contains('PMTU.admin_mtu: 1522 -> 4000')
        lines.contains('PMTU.oper_mtu: 1522 -> 4000')
        !lines.any { it.startsWith('PAOS.') }
        lines.last() ==~ /\d+ field\(s\) changed in \d+ register\(s\)/
        r.result == 3

        when: 'a snapshot against itself'
        def same = run(s, 'registers/diff.groovy', [a, a])

        then:
        same.out.readLines().last() == 'no changes'
        same.result == 0

        cleanup:
        s.close()
    }

    def "without --out the JSON goes to stdout"() {
        given:
        def s = open()

        when:
        def r = run(s, 'registers/snapshot.groovy', ['--port', '2'])

        then:
        new JsonSlurper().parseText(r.out).port == 2

        cleanup:
        s.close()
    }

    def "bad arguments and bad files are one clear line"() {
        given:
        def s = open()
        def notJson = tmp.resolve('x.json')
        notJson.toFile().text = 'hello'

        when:
        run(s, script, args.collect { it.replace('NOTJSON', notJson.toString()) })

        then:
        def e = thrown(FwshException)
        e.message.startsWith(text)

        cleanup:
        s.close()

        where:
        script                      | args                       | text
        'registers/snapshot.groovy' | ['--out']                  | "registers/snapshot.groovy: bad argument '--out'; usage: registers/snapshot.groovy [--out FILE]"
        'registers/diff.groovy'     | ['a.json']                 | 'registers/diff.groovy: needs two snapshot files; usage: registers/diff.groovy A.json B.json'
        'registers/diff.groovy'     | ['/nonexistent', 'b.json'] | "registers/diff.groovy: no snapshot file '/nonexistent'"
        'registers/diff.groovy'     | ['NOTJSON', 'NOTJSON']     | 'registers/diff.groovy: '
    }
}
