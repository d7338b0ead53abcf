package fwsh.shell.pack

/** A capture made with fwsh --record becomes the device of fwsh test --replay FILE. */
class PackReplaySpec extends PackCli {
    def "a recording of the scaffold's script replays its spec; a request it lacks fails with a clear error"() {
        given:
        def p = dir.resolve('demo')
        fwsh(['pack', 'new', 'demo', p.toString()])
        def recording = dir.resolve('port1.jsonl')

        when: 'the script runs once on the emulator, recorded'
        def rec = fwsh(['--emulate', '--record', recording.toString(), p.resolve('scripts/port-state.groovy').toString(), '--port', '1'])

        then:
        rec.status == 0
        recording.toFile().size() > 0

        when: 'the scaffold spec runs against the recording'
        def ok = fwsh(['test', p.toString(), '--replay', recording.toString(), '--junit-xml', dir.resolve('x').toString()])

        then:
        ok.status == 0
        ok.out.readLines().first().contains("on the replay $recording (matched)")
        ok.out.readLines().last() == '5 passed, 0 failed'

        when: 'a spec asks for port 2, which the recording never saw (the emulator would answer it)'
        p.resolve('specs/Port2Spec.groovy').toFile().text = '''
            class Port2Spec extends PackSpecification {
                def "port 2"() {
                    expect:
                    run('port-state.groovy', '--port', '2').exitCode == 0
                }
            }
            '''.stripIndent()
        def miss = fwsh(['test', p.toString(), '--replay', recording.toString(), '--junit-xml', dir.resolve('x').toString()])
        def onEmulator = fwsh(['test', p.toString(), '--junit-xml', dir.resolve('x').toString()])

        then:
        miss.status == 1
        miss.out.readLines().any { it.startsWith('FAILED Port2Spec > port 2 (specs/Port2Spec.groovy:5)') }
        miss.out.readLines().any { it.contains('replay:') && it.contains('record a session that includes it') }
        miss.out.readLines().last() == '5 passed, 1 failed'
        onEmulator.status == 0
        onEmulator.out.readLines().last() == '6 passed, 0 failed'
    }

    def "a spec can use a recording kept in the pack while the others run on the emulator"() {
        given:
        def p = dir.resolve('demo')
        fwsh(['pack', 'new', 'demo', p.toString()])
        p.resolve('recordings').toFile().mkdirs()
        fwsh(['--emulate', '--record', p.resolve('recordings/port1.jsonl').toString(), p.resolve('scripts/port-state.groovy').toString()])
        p.resolve('specs/FieldSpec.groovy').toFile().text = '''
            class FieldSpec extends PackSpecification {
                def "port 1 from the capture"() {
                    given:
                    useRecording('recordings/port1.jsonl')

                    expect:
                    device.info.transport == 'replay'
                    run('port-state.groovy').exitCode == 0
                }

                def "port 2 was never captured"() {
                    given:
                    useRecording('recordings/port1.jsonl')

                    expect:
                    run('port-state.groovy', '--port', '2').exitCode == 0
                }

                def "a missing recording is one clear line"() {
                    when:
                    useRecording('recordings/none.jsonl')

                    then:
                    def e = thrown(FwshException)
                    e.message.startsWith("no recording ")
                }
            }
            '''.stripIndent()

        when:
        def r = fwsh(['test', p.toString(), '--junit-xml', dir.resolve('x').toString()])
        def lines = r.out.readLines()

        then:
        r.status == 1
        lines.first().contains('on the emulator')
        lines.count { it.startsWith('FAILED') } == 1
        lines.any { it.startsWith('FAILED FieldSpec > port 2 was never captured (specs/FieldSpec.groovy:') }
        lines.any { it.contains('replay:') && it.contains('record a session that includes it') }
        lines.last() == '7 passed, 1 failed'
    }
}
