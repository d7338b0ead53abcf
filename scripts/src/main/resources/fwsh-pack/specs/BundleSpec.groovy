/**
 * fwsh bundle end to end: a bundle of the emulated device replays, and a standard script gives the same answers from
 * it as it gave live (apart from its first line, which names where the answers came from).
 */
class BundleSpec extends PackSpecification {
    /** link/health lines that do not move with time: state, speed, MTU, PHY state, FEC (counters and temperatures do). */
    static List<String> steady(List<String> lines) {
        lines.tail().findAll { !(it =~ /^  (counters|module temp) /) }
    }

    def "a bundle replays: link/health gives from it the answers it gave live"() {
        given:
        def live = run('link/health.groovy', '--port', '1')

        when:
        def m = bundle('support.tar.gz', [countersOver: '100ms', traceFor: '100ms'])
        String name = m.devices[0]          // the bundle's own session: a fresh emulator, named as the emulator counts
        def saved = bundleEntry(m.file, "devices/$name/health-port1.txt").readLines()
        useRecording(m.file)
        def replayed = run('link/health.groovy', '--port', '1')

        then: 'the bundle is complete and its health text is what the script printed on the device'
        m.complete
        m.status == 0
        saved[0] == "link health of $name (emulated cx6dx) port 1".toString()

        and: 'replayed from the bundle: the same lines, only the provenance line names the replay'
        replayed.lines[0] == "link health of $name (replay of ${m.file}) port 1".toString()
        replayed.lines.tail() == saved.tail()
        replayed.exitCode == 0

        and: 'and what does not move with time is what the live device said in this feature'
        steady(replayed.lines) == steady(live.lines)
        replayed.lines.last() == live.lines.last()
    }
}
