import groovy.json.JsonSlurper

import java.nio.file.Path

class SnapshotSpec extends PackSpecification {
    @TempDir Path tmp

    def "a snapshot holds the device identity and every register that answers, skipping refused and control registers"() {
        given:
        def file = tmp.resolve('a.json').toString()

        when:
        def r = run('registers/snapshot.groovy', '--out', file)
        def json = new JsonSlurper().parse(new File(file))

        then:
        r.lines[0] ==~ /snapshot of emu\d+ \(MT_0000000359, fw 22\.39\.1002\): \d+ registers written to .*a\.json; skipped \d+ refused \(BAD_PARAM\/BAD_OP\/BAD_RES\), 6 dump\/trace control/
        json.device.psid == 'MT_0000000359'
        json.device.fw_version == '22.39.1002'
        json.port == 1
        json.registers.PAOS.admin_status == 'up'          // enum fields by name
        json.registers.PMTU.admin_mtu == 1522
        json.registers.MGIR.fw_info.psid == 'MT_0000000359'
        json.registers.keySet().containsAll(['PAOS', 'PMTU', 'PTYS', 'PDDR', 'PPCNT', 'MTMP', 'MGIR', 'MCAM'])
        !json.registers.containsKey('RESOURCE_DUMP')
        json.skipped.control.contains('RESOURCE_DUMP')
        json.skipped.refused.size() > 0
        session.journal().entries().isEmpty()                      // a snapshot only reads
    }

    @Requires({ PackSpecification.granted('configuration') })
    def "snapshot, modify PMTU under withScope, snapshot, diff shows admin_mtu and sets exitCode"() {
        given:
        def a = tmp.resolve('a.json').toString()
        def b = tmp.resolve('b.json').toString()

        when:
        run('registers/snapshot.groovy', '--out', a)
        eval("withScope('configuration') { dev.reg.PMTU.modify(local_port: 1) { admin_mtu = 4000 } }")
        run('registers/snapshot.groovy', '--out', b)
        def r = run('registers/diff.groovy', a, b)
        def lines = r.lines

        then:
        lines.contains('PMTU.admin_mtu: 1522 -> 4000')
        lines.contains('PMTU.oper_mtu: 1522 -> 4000')
        !lines.any { it.startsWith('PAOS.') }
        lines.last() ==~ /\d+ field\(s\) changed in \d+ register\(s\)/
        r.result == 3
        r.exitCode == 3

        when: 'a snapshot against itself'
        def same = run('registers/diff.groovy', a, a)

        then:
        same.lines.last() == 'no changes'
        same.result == 0
    }

    def "without --out the JSON goes to stdout"() {
        when:
        def r = run('registers/snapshot.groovy', '--port', '2')

        then:
        new JsonSlurper().parseText(r.out).port == 2
    }

    def "bad arguments and bad files are one clear line"() {
        given:
        def notJson = tmp.resolve('x.json')
        notJson.toFile().text = 'hello'

        when:
        run(script, args.collect { it.replace('NOTJSON', notJson.toString()) })

        then:
        def e = thrown(FwshException)
        e.message.startsWith(text)

        where:
        script                      | args                       | text
        'registers/snapshot.groovy' | ['--out']                  | "registers/snapshot.groovy: bad argument '--out'; usage: registers/snapshot.groovy [--out FILE]"
        'registers/diff.groovy'     | ['a.json']                 | 'registers/diff.groovy: needs two snapshot files; usage: registers/diff.groovy A.json B.json'
        'registers/diff.groovy'     | ['/nonexistent', 'b.json'] | "registers/diff.groovy: no snapshot file '/nonexistent'"
        'registers/diff.groovy'     | ['NOTJSON', 'NOTJSON']     | 'registers/diff.groovy: '
    }
}
