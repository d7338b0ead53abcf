import java.nio.file.Path

class ConfigScriptsSpec extends PackSpecification {
    @TempDir Path tmp

    def "config/show.groovy prints the configuration as mlxconfig -e query does; a pattern narrows it"() {
        when:
        def all = run('config/show.groovy')
        def sriov = run('config/show.groovy', 'SRIOV*')

        then:
        all.exitCode == 0
        all.lines[1] ==~ /Configurations: +Default +Current +Next Boot +Writer/
        all.lines.any { it ==~ /\s+SRIOV_EN\s+False\(0\)\s+False\(0\)\s+False\(0\)\s+-/ }
        all.lines.any { it ==~ /\s+KEEP_ETH_LINK_UP_P2\s+True\(1\).*/ }
        sriov.result*.parameter == ['SRIOV_EN']
        new groovy.json.JsonSlurper().parseText(run('config/show.groovy', 'SRIOV*', '--json').lines[0]) ==
                [[parameter: 'SRIOV_EN', default: 'False(0)', current: 'False(0)', next: 'False(0)', writer: '-', modified: false, read_only: false]]
        run('config/show.groovy', '--modified').lines.last() ==~ /0 of \d+ parameter\(s\) of emu\d+ changed/
    }

    def "--help prints the script's header; a bad option exits 2"() {
        when:
        def help = run('config/set.groovy', '--help')
        def bad = run('config/show.groovy', '--frobnicate')
        def noPairs = run('config/set.groovy', 'SRIOV_EN')

        then:
        help.lines[0].startsWith('Purpose: sets NV parameters for the next boot')
        help.lines.any { it.startsWith('Exit: 0 set') }
        bad.exitCode == 2
        noPairs.exitCode == 2
    }

    def "config/set.groovy --dry-run shows the change and sends nothing, in any scope"() {
        when:
        def r = run('config/set.groovy', 'SRIOV_EN=True', 'NUM_OF_VFS=8', '--dry-run')

        then:
        r.lines.contains('nv: would set SRIOV_EN: False(0) -> True(1) (current False(0), default False(0))')
        r.lines.contains('nv: dry run, nothing sent')
        eval('dev.nv.NUM_OF_VFS') == 0
        session.journal().entries().isEmpty()
    }

    def "config/set.groovy refuses a bad value before sending anything"() {
        when:
        run('config/set.groovy', 'CQE_COMPRESSION=FAST', '--dry-run')

        then:
        FwshException e = thrown()
        e.class.simpleName == 'NvException'      // the NV layer refused it (fwsh.nv is not the DSL, so by name)
        e.message == "CQE_COMPRESSION: 'FAST' is not one of BALANCED(0), AGGRESSIVE(1); nothing was sent"
    }

    def "under a read-only ceiling config/set.groovy is refused with the scope it needs"() {
        given:
        lowerCeiling('debug-read-only')

        when:
        run('config/set.groovy', 'NUM_OF_VFS=8')

        then:
        FwshException e = thrown()
        e.message == "withScope('configuration') is above this session's ceiling 'debug-read-only'; start fwsh with --scope configuration to allow it"
    }

    @Requires({ PackSpecification.granted('configuration') })
    def "set, backup, drift, diff naming parameter, expected, actual and writer (exit 3), restore, no drift (exit 0)"() {
        given:
        def base = tmp.resolve('site.json').toString()
        def other = addDevice('cx6dx:mlx5ctl')

        when:
        def set = run('config/set.groovy', 'SRIOV_EN=True', 'NUM_OF_VFS=8')
        def pending = run('config/show.groovy', '--modified')
        eval('dev.emu.reboot()')
        run('config/backup.groovy', base)
        def same = run('config/diff.groovy', base)

        then:
        set.lines.contains('SRIOV_EN: False(0) -> True(1)')
        set.lines.any { it.endsWith('this takes effect at the next reboot or firmware reset') }
        pending.lines.contains('NUM_OF_VFS: default 0, current 0, next boot 8, writer COMMAND_INTERFACE')
        same.exitCode == 0
        same.lines.last() ==~ /emu\d+: matches the baseline \(\d+ parameters compared\)/

        when: 'the second device was never configured'
        def drift = run('config/diff.groovy', base, '--devices', 'all')

        then:
        drift.exitCode == 3
        drift.lines.contains("${other.name} SRIOV_EN: expected True(1), actual False(0), configured by nobody (writer unspecified)".toString())
        drift.lines.contains("${other.name} NUM_OF_VFS: expected 8, actual 0, configured by nobody (writer unspecified)".toString())
        drift.lines.any { it ==~ /emu\d+: matches the baseline.*/ }

        when: 'the same as JSON, one object per device'
        def asJson = run('config/diff.groovy', base, '--devices', 'all', '--json').lines.collect { new groovy.json.JsonSlurper().parseText(it) }

        then:
        asJson*.device == [session.devices()[0].name, other.name]
        asJson[0].differences == []
        asJson[1].differences.find { it.parameter == 'NUM_OF_VFS' } == [parameter: 'NUM_OF_VFS', expected: '8', next: '0', current: '0', writer: '-', differs: true]

        when: 'someone changes the first one'
        eval("withScope('configuration') { dev.nv.set(NUM_OF_VFS: 4) }")
        def changed = run('config/diff.groovy', base)

        then:
        changed.exitCode == 3
        changed.lines.any { it.endsWith('NUM_OF_VFS: expected 8, actual 4 (in use 8 until the next reboot), configured by COMMAND_INTERFACE') }

        when:
        def restored = run('config/restore.groovy', base)
        def after = run('config/diff.groovy', base)

        then:
        restored.lines.any { it.endsWith('NUM_OF_VFS: expected 8, actual 4 (in use 8 until the next reboot), configured by COMMAND_INTERFACE') }
        restored.result*.toString() == ['NUM_OF_VFS: 4 -> 8']
        after.exitCode == 0
    }
}
