class FecHistogramSpec extends PackSpecification {
    def "bins from PPHCR, codewords from PPCNT group 0x23: error-free ones in bin 0, corrected ones in bin 1"() {
        when:
        def r = run('link/fec-histogram.groovy', '--port', '1')
        def phy = eval("dev.reg.PPCNT.read(local_port: 1, grp: 'physical_layer').counters")

        then:
        r.exitCode == 0
        r.lines[0] == "RS-FEC histogram of ${device.name} (${device.source}) port 1 (rs_528_514, 8 bins, since the last clear)".toString()
        r.result*.bin == (0..7)
        r.result*.symbol_errors == (0..7)*.toString()
        r.result[0].codewords > r.result[1].codewords
        r.result[1].codewords > 0
        r.result[1].codewords <= phy.rs_fec_single_error_blocks    // read afterwards: counters only grow
        r.result[2..7].every { it.codewords == 0 && it.share == '0 %' }
        r.lines.last() == 'highest bin reached: 1 (1 symbol error); rs_528_514 corrects up to 7 symbols'
    }

    def "--over shows what each bin gained over the interval, fewer than the totals"() {
        when:
        def gained = run('link/fec-histogram.groovy', '--over', '0.2')
        def totals = run('link/fec-histogram.groovy')

        then:
        gained.lines[0].endsWith('(rs_528_514, 8 bins, gained over 0.2 s)')
        gained.result[0].codewords > 0
        gained.result[0].codewords < totals.result[0].codewords
    }

    def "a device whose active FEC has no histogram gets one line and no rows"() {
        given:
        def plain = addDevice('cx6dx:fwctl', 'link.fecHistogram': 'none')

        when:
        def r = run('link/fec-histogram.groovy', '--device', '1')

        then:
        r.lines == ["${plain.name} port 1: no RS-FEC histogram (the active FEC has none)".toString()]
        r.result == []
    }

    def "a bad argument is one line naming it and --help, and exit status 2"() {
        when:
        def r = run('link/fec-histogram.groovy', args)

        then:
        r.exitCode == 2
        r.err == "link/fec-histogram.groovy: $text; try link/fec-histogram.groovy --help\n"
        r.out == ''

        where:
        args                 | text
        ['--port', '0']      | "--port 0: ports start at 1"
        ['--over', '0']      | "--over 0: give a positive number of seconds"
        ['--speed', '1']     | "unknown option '--speed'"
    }

    def "a missing port is one clear line"() {
        when:
        run('link/fec-histogram.groovy', '--port', '9')

        then:
        def e = thrown(FwshException)
        e.message.startsWith("link/fec-histogram.groovy: ${device.name} port 9 has no FEC histogram configuration (PPHCR: ACCESS_REG PPHCR read: firmware status BAD_PARAM")
        !e.message.contains('\n')
    }
}
