package fwsh.shell

import fwsh.abi.FwctlUapi
import fwsh.dsl.Session
import fwsh.dsl.SessionOptions
import org.jline.terminal.Terminal
import org.jline.terminal.impl.DumbTerminal
import spock.lang.Specification

import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path

/**
 * A fake device is never taken for a real one: a batch run without --emulate or --replay on a machine with
 * no usable device runs nothing, exits 1 and prints the discovery report; the REPL may use the emulator but
 * says so all session long. Every machine here is a fake sysfs/dev tree, never the build machine's.
 */
class NoDeviceSpec extends Specification {
    // Own temp dir: the trees hold relative links that @TempDir's cleanup would follow.
    Path tmp = Files.createTempDirectory('fwsh-nodevice')
    FakeHost host = new FakeHost(tmp.resolve('host'))
    Path marker = tmp.resolve('ran')

    def cleanup() {
        Files.walk(tmp).sorted(Comparator.reverseOrder()).forEach { Files.deleteIfExists(it) }
    }

    Map fwsh(List<String> argv, String stdin = '', SessionOptions base = host.sessionOptions()) {
        def out = new ByteArrayOutputStream()
        def err = new ByteArrayOutputStream()
        int status = Main.run(argv as String[], new ByteArrayInputStream(stdin.getBytes('UTF-8')),
                new PrintStream(out, true, 'UTF-8'), new PrintStream(err, true, 'UTF-8'), base)
        [status: status, out: out.toString('UTF-8'), err: err.toString('UTF-8')]
    }

    String touch() {
        "new File('${marker}').text = 'ran'"
    }

    static final String HINT = 'To run on the emulated ConnectX instead (not hardware), add --emulate: fwsh --emulate link/health.groovy'

    def "with no device at all, a script, -e and stdin each run nothing and exit 1 with the report: #argv"() {
        given:
        def script = tmp.resolve('s.groovy')
        script.toFile().text = touch()

        when:
        def r = fwsh(argv.collect { it == 'SCRIPT' ? script.toString() : it == 'CODE' ? touch() : it }, stdin == 'CODE' ? touch() : stdin)

        then:
        r.status == 1
        r.out == ''
        r.err.readLines() == ['error: no usable fwctl or mlx5ctl device; nothing was run',
                              "  no fwctl or mlx5ctl device found (nothing in ${host.sys}/class/fwctl, no ${host.dev}/mlx5ctl-*)".toString(),
                              '  fwsh needs Linux >= 6.15 with fwctl/mlx5, or the mlx5ctl module, and read/write permission on the node (root, or a udev rule for your group)',
                              HINT]
        !Files.exists(marker)

        where:
        argv                        | stdin
        ['SCRIPT']                  | ''
        ['link/health.groovy']      | ''
        ['-e', 'CODE']              | ''
        []                          | 'CODE'
        ['--format', 'json', 'SCRIPT', '--port', '1'] | ''
    }

    def "every node discovery found is listed with why it cannot be used"() {
        given:
        host.deniedFwctl('fwctl0', '0000:3b:00.0')
        host.fwctl('fwctl1', '0000:5e:00.0', FwctlUapi.FWCTL_DEVICE_TYPE_CXL)
        host.danglingFwctl('fwctl2')
        host.fwctl('fwctl3', '0000:3b:00.1', FwctlUapi.FWCTL_DEVICE_TYPE_MLX5, false)

        when:
        def r = fwsh(['-e', touch()])
        def lines = r.err.readLines()

        then:
        r.status == 1
        r.out == ''
        lines[0] == 'error: no usable fwctl or mlx5ctl device; nothing was run'
        lines[1].startsWith("  fwctl0  0000:3b:00.0  permission denied: cannot open ${host.dev}/fwctl/fwctl0: permission denied;")
        lines[2] == '  fwctl1  0000:5e:00.0  unsupported type: fwctl device type CXL (driver mlx5_core); fwsh drives MLX5 only'
        lines[3].startsWith("  fwctl2  -  broken link: ${host.sys}/class/fwctl/fwctl2 is a dangling link")
        lines[4] == "  fwctl3  0000:3b:00.1  node missing: no ${host.dev}/fwctl/fwctl3; is udev running, or was the device just removed?".toString()
        lines[5] == HINT
        lines.size() == 6
        !Files.exists(marker)
    }

    def "--transport: a usable device of the other interface does not count, and is listed as such"() {
        given:
        host.fwctl('fwctl0', '0000:3b:00.0')

        when:
        def wrong = fwsh(['--transport', 'mlx5ctl', '-e', touch()])
        def right = fwsh(['--transport', 'fwctl', '-e', 'dev.name'])

        then:
        wrong.status == 1
        wrong.err.readLines()[0] == 'error: no usable mlx5ctl device; nothing was run'
        wrong.err.readLines()[1].startsWith('  fwctl0  0000:3b:00.0  usable: mlx5 via fwctl')
        wrong.err.readLines()[1].endsWith('(not mlx5ctl, as --transport asks)')
        !Files.exists(marker)

        and: 'the same machine with the right transport runs on its device, not on the emulator'
        right.status == 0
        right.out == 'fwctl0\n'
    }

    def "--device PATH that is not a usable node says what the node is: #what"() {
        given:
        Files.createDirectories(host.sys.resolve('dev/char'))
        Files.createDirectories(host.sys.resolve('devices/virtual/mem/null'))
        Files.createDirectories(host.sys.resolve('class/mem'))
        Files.createSymbolicLink(host.sys.resolve('devices/virtual/mem/null/subsystem'), Path.of('../../../../class/mem'))
        Files.createSymbolicLink(host.sys.resolve('dev/char/1:3'), Path.of('../../devices/virtual/mem/null'))
        def file = tmp.resolve('plain.txt')
        file.toFile().text = 'x'
        host.deniedFwctl('fwctl0', '0000:3b:00.0')
        def node = [devnull: '/dev/null', missing: tmp.resolve('nothere').toString(), file: file.toString(),
                    folder: tmp.toString(), denied: host.dev.resolve('fwctl/fwctl0').toString()][what]

        when:
        def r = fwsh(['--device', node, '-e', touch()])

        then:
        r.status == 1
        r.out == ''
        r.err.readLines()[0] == "error: --device $node: ${why.replace('NODE', node)}; nothing was run".toString()
        r.err.readLines().last() == HINT
        !Files.exists(marker)

        where:
        what      | why
        'devnull' | 'a character device of another driver (1:3, mem/null), not a fwctl or mlx5ctl node'
        'missing' | 'no such file'
        'file'    | 'a regular file, not a device node'
        'folder'  | 'a folder, not a device node'
        'denied'  | 'permission denied: cannot open NODE: permission denied; give your user access (a udev rule such as SUBSYSTEM=="fwctl", GROUP="<group>", MODE="0660" and membership of that group) or run as root'
    }

    def "--emulate and --replay are what a batch run without hardware is for"() {
        given:
        def rec = tmp.resolve('r.jsonl')

        expect:
        fwsh(['--emulate', '--record', rec.toString(), '-e', 'dev.info.transport']).out == 'emulated\n'
        fwsh(['--replay', rec.toString(), '-e', 'dev.name']).status == 0
    }

    def "the REPL falls back to the emulator and says so in the banner and, all session long, in the status line"() {
        given:
        def options = host.sessionOptions()
        options.emulatorFallback = true
        options.journal = tmp.resolve('j.jsonl')

        when:
        Session session = Session.open(options)
        Terminal t = new DumbTerminal('test', Terminal.TYPE_DUMB, new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), StandardCharsets.UTF_8)
        def status = new StatusLine(t, session)

        then:
        session.banner()[0] == 'EMULATED: no usable fwctl or mlx5ctl device, so this session runs on the emulated ConnectX, not on hardware'
        session.banner()[1].startsWith('  no fwctl or mlx5ctl device found')
        status.text() ==~ / fwsh  device: emu\d+ EMULATED cx6dx  scope: debug-read-only /

        when: 'the script switches dev to another emulated device, or to a recording'
        session.binding().setVariable('dev', session.attach(fwsh.emu.Emulator.create('cx7', fwsh.channel.Transport.FWCTL)))

        then:
        status.text() ==~ / fwsh  device: emu\d+ EMULATED cx7  scope: debug-read-only /

        cleanup:
        session?.close()
        t?.close()
    }

    def "the status line of a replayed session names the recording"() {
        given:
        def rec = tmp.resolve('lab.jsonl')
        assert fwsh(['--emulate', '--record', rec.toString(), '-e', '1']).status == 0

        when:
        Session session = Session.open(new SessionOptions(replay: rec, journal: tmp.resolve('j.jsonl')))
        Terminal t = new DumbTerminal('test', Terminal.TYPE_DUMB, new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), StandardCharsets.UTF_8)

        then:
        new StatusLine(t, session).text().contains(' REPLAY lab.jsonl  scope: ')

        cleanup:
        session?.close()
        t?.close()
    }
}
