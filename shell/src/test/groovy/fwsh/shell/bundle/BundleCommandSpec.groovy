package fwsh.shell.bundle

import fwsh.dsl.SessionOptions
import fwsh.shell.Main
import groovy.json.JsonSlurper
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.security.MessageDigest

/**
 * fwsh bundle through the command line on two emulated devices (one mlx5ctl, one fwctl): what the archive holds, that
 * the manifest's sizes and checksums are those of the files, what is skipped and why, and that --replay serves it.
 */
class BundleCommandSpec extends Specification {
    @Shared @TempDir Path dir
    @Shared Map made
    @Shared Map<String, byte[]> entries
    @Shared Map manifest

    Map fwsh(List<String> argv) {
        def out = new ByteArrayOutputStream()
        def err = new ByteArrayOutputStream()
        def base = new SessionOptions(sysfsRoot: dir.resolve('sys'), devRoot: dir.resolve('dev'), journal: dir.resolve('journal.jsonl'))
        int status = Main.run(argv as String[], new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, 'UTF-8'),
                new PrintStream(err, true, 'UTF-8'), base)
        [status: status, out: out.toString('UTF-8'), err: err.toString('UTF-8')]
    }

    def setupSpec() {
        def file = dir.resolve('support.tar.gz')
        made = fwsh(['bundle', '--emulate=cx6dx:mlx5ctl,cx6dx:fwctl', '--counters-over', '200ms', '--trace-for', '200ms', '-o', file.toString()])
        entries = BundleReader.entries(file)
        manifest = new JsonSlurper().parse(entries['manifest.json']) as Map
    }

    String dev(int i) {
        manifest.devices[i]
    }

    def "a complete bundle of two devices: exit 0, one plain progress line per phase, the file's name on stdout"() {
        expect:
        made.status == 0
        made.out == dir.resolve('support.tar.gz').toString() + '\n'
        def lines = made.err.readLines()
        lines.findAll { it.startsWith('fwsh bundle: [') }.size() == 2 * BundleRun.PHASES.size()
        lines.contains("fwsh bundle: [1/18] ${dev(0)} health".toString())
        lines.last() ==~ /fwsh bundle: wrote .*support\.tar\.gz: \d+ files, \d+ items skipped \(not offered by the device\); complete/
        manifest.complete == true
        manifest.missing == []
        manifest.interrupted == false
        manifest.format == 'fwsh-bundle'
        manifest.command_line == ['bundle', '--emulate=cx6dx:mlx5ctl,cx6dx:fwctl', '--counters-over', '200ms', '--trace-for', '200ms', '-o',
                                  dir.resolve('support.tar.gz').toString()]
        Instant(manifest.started) <= Instant(manifest.ended)
    }

    static java.time.Instant Instant(Object text) {
        java.time.Instant.parse(text as String)
    }

    def "every file is listed with its size and SHA-256, and the archive holds exactly those files and the manifest"() {
        expect:
        manifest.files*.name as Set == (entries.keySet() - 'manifest.json')
        manifest.files.every { f -> entries[f.name].length == f.size && sha256(entries[f.name]) == f.sha256 }
        manifest.files*.name.containsAll(['recording.jsonl', 'fwsh.json'] + [0, 1].collectMany { i ->
            ['identity.json', 'capabilities.json', 'registers.json', 'nv.json', 'nv.txt', 'counters.json', 'journal.json',
             'health-port1.txt', 'health-port2.txt', 'pcie.txt', 'inventory.txt', 'resource-dump/menu.json', 'tracer-status.json']
                    .collect { "devices/${dev(i)}/$it".toString() } })
    }

    static String sha256(byte[] b) {
        MessageDigest.getInstance('SHA-256').digest(b).encodeHex().toString()
    }

    def "the files hold what the DSL reads: identity, capabilities current and max, registers, NV, counters with rates"() {
        when:
        def json = { String name -> new JsonSlurper().parse(entries["devices/${dev(0)}/$name".toString()]) }
        def identity = json('identity.json'), caps = json('capabilities.json'), regs = json('registers.json')
        def counters = json('counters.json'), nv = json('nv.json')

        then:
        identity.device.name == dev(0)
        identity.device.source == 'emulated'
        identity.firmware.psid == 'MT_0000000359'
        identity.ports*.local_port == [1, 2]
        caps.GENERAL.current.log_max_qp == 17
        caps.GENERAL.max.log_max_qp != null
        regs['PAOS/port1'].fields.oper_status == 'up'
        regs['PAOS/port2'].index == [local_port: 2, swid: 0]
        regs['MGIR'].fields != null
        nv.parameters.size() > 10
        counters.over_ms == 200
        counters.ports['1'].counters.find { it.name == 'rx_packets_phy' }.perSecond > 0
        new String(entries["devices/${dev(0)}/health-port1.txt".toString()], 'UTF-8').readLines().last() == 'link health: OK'
    }

    def "what a device does not offer is skipped with the reason: no tracer buffer on fwctl, refused registers by their status"() {
        when:
        def skipped = manifest.skipped.collectEntries { [it.what, it.reason] }

        then: 'the mlx5ctl device traces; the fwctl one cannot and says why'
        entries.containsKey("devices/${dev(0)}/trace.fwtrace".toString())
        !entries.containsKey("devices/${dev(1)}/trace.fwtrace".toString())
        skipped["devices/${dev(1)}/trace".toString()].contains('tracefs not available')

        and: 'a register the emulator does not model is refused by its firmware status name; control registers are not read'
        skipped.any { k, v -> k.startsWith("devices/${dev(0)}/registers/") && v.contains('BAD_PARAM_ERR') }
        skipped["devices/${dev(0)}/registers/MTRC_CTRL".toString()] == 'tracer/dump control register, not read'
    }

    def "the bundle replays: --replay BUNDLE.tar.gz serves every device it recorded"() {
        when:
        def r = fwsh(['--replay', dir.resolve('support.tar.gz').toString(), '-e', 'devices*.name.join(" ") + " " + dev.reg.PAOS.read(local_port: 1).oper_status'])

        then:
        r.status == 0
        r.out == "${dev(0)} ${dev(1)} up\n".toString()
    }

    def "fwsh test --replay BUNDLE runs a pack's specs on the bundled devices"() {
        given:
        def p = dir.resolve('onbundle')
        fwsh(['pack', 'new', 'onbundle', p.toString()])
        p.resolve('specs').toFile().listFiles()*.delete()
        p.resolve('specs/BundledSpec.groovy').toFile().text = '''
            class BundledSpec extends PackSpecification {
                def "both bundled devices answer as they did"() {
                    expect:
                    session.devices().size() == 2
                    session.devices().every { it.reg.PAOS.read(local_port: 2).oper_status == 'up' }
                }
            }
            '''.stripIndent()

        when:
        def r = fwsh(['test', p.toString(), '--replay', dir.resolve('support.tar.gz').toString(), '--junit-xml', dir.resolve('x').toString()])

        then:
        r.status == 0
        r.out.readLines().last() == '1 passed, 0 failed'
    }

    def "a tarball that is not a bundle, or a damaged one, given to --replay is one line and exit 2"() {
        given:
        def notBundle = dir.resolve('other.tar.gz')
        def tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(
                new org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream(Files.newOutputStream(notBundle)))
        def e = new org.apache.commons.compress.archivers.tar.TarArchiveEntry('x/notes.txt')
        e.size = 2
        tar.putArchiveEntry(e); tar.write('hi'.bytes); tar.closeArchiveEntry(); tar.close()
        def cut = dir.resolve('cut.tar.gz')
        Files.write(cut, Arrays.copyOf(Files.readAllBytes(dir.resolve('support.tar.gz')), 4000))

        when:
        def a = fwsh(['--replay', notBundle.toString(), '-e', '1'])
        def b = fwsh(['--replay', cut.toString(), '-e', '1'])

        then:
        // (one line each; run from a spec, ErrorReport adds the spec's own Groovy frame as the location)
        a.status == 2
        a.err.readLines().size() == 1
        a.err.startsWith("error: $notBundle: a tar.gz without recording.jsonl; not a fwsh bundle (fwsh bundle writes one)")
        b.status == 2
        b.err.readLines().size() == 1
        b.err.startsWith("error: $cut: damaged gzip or tar data (cut off); not a readable fwsh bundle")
    }

    def "--device bundles only the devices named; no usable device is the discovery report and exit 1"() {
        when:
        def one = fwsh(['bundle', '--emulate=cx6dx,cx7', '--device', '1', '--counters-over', '50ms', '--trace-for', '50ms',
                        '-o', dir.resolve('one.tar.gz').toString()])
        def m = new JsonSlurper().parse(BundleReader.entries(dir.resolve('one.tar.gz'))['manifest.json'])
        def none = fwsh(['bundle', '-o', dir.resolve('none.tar.gz').toString()])

        then:
        one.status == 0
        m.devices.size() == 1
        m.files*.name.every { !it.startsWith('devices/') || it.startsWith("devices/${m.devices[0]}/") }
        new JsonSlurper().parse(BundleReader.entries(dir.resolve('one.tar.gz'))["devices/${m.devices[0]}/identity.json".toString()]).device.profile == 'cx7'
        none.status == 1
        none.err.readLines()[0] == 'error: no usable fwctl or mlx5ctl device; nothing was run'
        none.err.readLines().last() == 'To bundle the emulated ConnectX instead (not hardware), add --emulate: fwsh bundle --emulate'
        !Files.exists(dir.resolve('none.tar.gz'))
    }

    def "usage errors are one line and exit 2: a higher --scope, a bad duration, a missing folder"() {
        given:
        def noFolder = dir.resolve('no/such')

        expect:
        with(fwsh(['bundle', '--emulate', '--scope', 'configuration'])) {
            status == 2
            err.readLines()[0] == "fwsh bundle: --scope: 'configuration' is refused: fwsh bundle only reads, its ceiling is debug-read-only"
        }
        with(fwsh(['bundle', '--emulate', '--trace-for', 'soon'])) {
            status == 2
            err.readLines()[0] == "fwsh bundle: --trace-for: 'soon' is not a duration such as 500ms, 10s or 2m"
        }
        with(fwsh(['bundle', '--emulate', '-o', noFolder.resolve('b.tar.gz').toString()])) {
            status == 2
            err.readLines()[0] == "fwsh bundle: -o ${noFolder.resolve('b.tar.gz')}: no folder $noFolder to write the bundle in".toString()
        }
    }
}
