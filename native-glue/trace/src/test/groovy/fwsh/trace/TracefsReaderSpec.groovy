package fwsh.trace

import spock.lang.Requires
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions

class TracefsReaderSpec extends Specification {

    @TempDir Path root

    static final String HEADER = '''# tracer: nop
#
#           TASK-PID     CPU#  |||||  TIMESTAMP  FUNCTION
#              | |         |   |||||     |         |
'''

    static String line(String dev, long ts, int lost, int id, String msg, String marker = 'mlx5_fw') {
        String.format(' kworker/u16:2-123     [003] .....  1234.567890: %s: %s [0x%x] %d [0x%x] %s%n', marker, dev, ts, lost, id, msg)
    }

    void tracefs(String content, String enable = '1') {
        Files.writeString(root.resolve('trace'), content)
        Path ev = Files.createDirectories(root.resolve('events/mlx5/mlx5_fw'))
        Files.writeString(ev.resolve('enable'), enable + '\n')
    }

    def "keeps the device's mlx5_fw lines, strips prefix and device name, parses ts, lost, event id, message"() {
        given:
        tracefs(HEADER
                + line('0000:08:00.0', 0x1a2b3c, 0, 0xb9, 'dump general info GVMI=0x0000')
                + line('0000:09:00.0', 0x1a2b3d, 0, 0xb9, 'other device')
                + line('0000:08:00.0', 0x1a2b40, 1, 0x10, 'link [up] 100%')
                + ' kworker/u16:2-123 [003] ..... 1234.5: other_event: 0000:08:00.0 [0x1a2b50] 0 [0x1] no\n'
                + line('0000:08:00.0', 0x1a2b41, 0, 0x11, 'old tracepoint name', 'fw_tracer'))
        def reader = TracefsReader.locate([root], '08:00.0')

        expect:
        reader.firstPoll()
        reader.poll() == [
                new TraceRecord(0x1a2b3c, false, 0xb9, 'dump general info GVMI=0x0000'),
                new TraceRecord(0x1a2b40, true, 0x10, 'link [up] 100%'),
                new TraceRecord(0x1a2b41, false, 0x11, 'old tracepoint name')]
        !reader.firstPoll()
        reader.maxTimestamp() == 0x1a2b41
    }

    def "each poll rereads the file and returns only lines newer than the newest seen"() {
        given:
        tracefs(HEADER + line('0000:08:00.0', 0x100, 0, 8, 'one'))
        def reader = new TracefsReader(root, '0000:08:00.0')
        reader.check()
        reader.poll()

        when:
        Files.writeString(root.resolve('trace'), HEADER
                + line('0000:08:00.0', 0x100, 0, 8, 'one')
                + line('0000:08:00.0', 0x0ff, 0, 8, 'older, skipped as mstfwtrace does')
                + line('0000:08:00.0', 0x180, 0, 8, 'two'))
        then:
        reader.poll()*.message() == ['two']
        reader.poll().isEmpty()
    }

    def "lines that look like the device's but do not parse are counted, not returned"() {
        given:
        tracefs(HEADER + ' x: mlx5_fw: 0000:08:00.0 garbage here\n' + ' x: mlx5_fw: 0000:08:00.0 [0xzz] 0 [0x1] bad ts\n')
        def reader = new TracefsReader(root, '0000:08:00.0')

        expect:
        reader.poll().isEmpty()
        reader.malformed() == 2
    }

    def "parseTracepointText takes the tracepoint's own text"() {
        expect:
        TracefsReader.parseTracepointText('[0xabc] 1 [0xff] msg with ] bracket') == new TraceRecord(0xabc, true, 0xff, 'msg with ] bracket')
        TracefsReader.parseTracepointText('[0xabc] 2 [0x1] bad lost') == null
        TracefsReader.parseTracepointText('[0xabc] 0 [0x100] id too big') == null
        TracefsReader.parseTracepointText('[0xabc] 0 [0x1]') == new TraceRecord(0xabc, false, 1, '')
    }

    def "no tracefs at any root: says what to mount and enable"() {
        when:
        TracefsReader.locate([root.resolve('a'), root.resolve('b')], '0000:08:00.0')
        then:
        def ex = thrown(TracefsUnavailableException)
        ex.message.startsWith("no tracefs found at ${root.resolve('a')} or ${root.resolve('b')}: mount it with 'mount -t tracefs nodev ${root.resolve('a')}'")
        ex.message.contains("echo 1 > ${root.resolve('a/events/mlx5/mlx5_fw/enable')}")
    }

    def "root without a trace file, or not a directory"() {
        when:
        new TracefsReader(root, null).check()
        then:
        def ex = thrown(TracefsUnavailableException)
        ex.message == "$root has no 'trace' file: is tracefs mounted there? ('mount -t tracefs nodev $root')".toString()

        when:
        new TracefsReader(root.resolve('nope'), null).check()
        then:
        ex = thrown(TracefsUnavailableException)
        ex.message.startsWith("tracefs is not mounted at ${root.resolve('nope')}")
    }

    def "missing event directory: the mlx5_fw tracepoint is not there"() {
        given:
        Files.writeString(root.resolve('trace'), HEADER)

        when:
        new TracefsReader(root, null).check()
        then:
        def ex = thrown(TracefsUnavailableException)
        ex.message.startsWith("the mlx5_fw tracepoint is missing (no ${root.resolve('events/mlx5/mlx5_fw')})")
    }

    def "disabled tracepoint: says which enable file to write"() {
        given:
        tracefs(HEADER, '0')

        when:
        new TracefsReader(root, null).check()
        then:
        def ex = thrown(TracefsUnavailableException)
        ex.message == "the mlx5_fw tracepoint is disabled: run 'echo 1 > ${root.resolve('events/mlx5/mlx5_fw/enable')}' (as root)".toString()
    }

    def "the older fw_tracer event directory is accepted"() {
        given:
        Files.writeString(root.resolve('trace'), HEADER)
        Path ev = Files.createDirectories(root.resolve('events/mlx5/fw_tracer'))
        Files.writeString(ev.resolve('enable'), '1\n')

        when:
        def r = new TracefsReader(root, null)
        r.check()
        then:
        r.eventDir() == ev
    }

    @Requires({ !System.getProperty('user.name').equals('root') })
    def "unreadable trace file: permission denied, run as root"() {
        given:
        tracefs(HEADER)
        Files.setPosixFilePermissions(root.resolve('trace'), PosixFilePermissions.fromString('---------'))

        when:
        new TracefsReader(root, null).check()
        then:
        def ex = thrown(TracefsUnavailableException)
        ex.message.contains('permission denied')

        cleanup:
        Files.setPosixFilePermissions(root.resolve('trace'), PosixFilePermissions.fromString('rw-------'))
    }

    def "a device that is not a PCI address is refused"() {
        when:
        new TracefsReader(root, 'mlx5_0')
        then:
        def ex = thrown(IllegalArgumentException)
        ex.message == "'mlx5_0' is not a PCI address like 0000:08:00.0"
    }
}
