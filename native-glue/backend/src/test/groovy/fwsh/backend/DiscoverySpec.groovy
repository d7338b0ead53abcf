package fwsh.backend

import fwsh.abi.FakeKernel
import fwsh.abi.NativeBuffers
import fwsh.backend.DiscoveredDevice.Status
import fwsh.channel.NotADeviceException
import fwsh.channel.PermissionException
import fwsh.channel.Transport
import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Path

class DiscoverySpec extends Specification {
    // Own temp dir: the tree is full of relative links that Spock's @TempDir cleanup would follow.
    Path tmp = Files.createTempDirectory('fwsh-discovery')

    FakeTree tree
    FakeKernel kernel = new FakeKernel()
    Discovery discovery

    def setup() {
        tree = new FakeTree(tmp)
        discovery = new Discovery(tree.sys, tree.dev, kernel)
    }

    def cleanup() {
        Files.walk(tmp).sorted(Comparator.reverseOrder()).forEach { Files.deleteIfExists(it) }
        assert kernel.files.isEmpty(): 'discovery left descriptors open'
    }

    def "a healthy system: mlx5 over fwctl and mlx5ctl, another fwctl type listed as unsupported"() {
        given:
        tree.pci('0000:3b:00.0', 'mlx5_core', ['enp59s0f0np0'], ['mlx5_0'])
        tree.pci('0000:3b:00.1', 'mlx5_core', ['enp59s0f1np1', 'enp59s0f1v0'], ['mlx5_1'])
        tree.pci('0000:5e:00.0', 'cxl_pci')
        kernel.addFwctl(tree.fwctl('fwctl0', '0000:3b:00.0'), [uid: 3])
        kernel.addFwctl(tree.fwctl('fwctl1', '0000:5e:00.0'), [type: 2])
        kernel.addMlx5ctl(tree.mlx5ctl(1, '0000:3b:00.1'), [uid: 9])

        when:
        def found = discovery.scan()

        then:
        found*.name == ['fwctl0', 'fwctl1', 'mlx5ctl-mlx5_core.ctl.1']

        with(found[0]) {
            transport() == Transport.FWCTL
            status() == Status.USABLE
            node() == tree.dev.resolve('fwctl/fwctl0').toString()
            pci() == '0000:3b:00.0'
            driver() == 'mlx5_core'
            netdevs() == ['enp59s0f0np0']
            rdma() == ['mlx5_0']
            deviceType() == 1
            reason().contains('uid 3')
        }
        with(found[1]) {
            status() == Status.UNSUPPORTED_TYPE
            deviceType() == 2
            pci() == '0000:5e:00.0'
            reason() == 'fwctl device type CXL (driver cxl_pci); fwsh drives MLX5 only'
        }
        with(found[2]) {
            transport() == Transport.MLX5CTL
            status() == Status.USABLE
            pci() == '0000:3b:00.1'
            netdevs() == ['enp59s0f1np1', 'enp59s0f1v0']
            rdma() == ['mlx5_1']
            reason().contains('uid 9')
        }
    }

    def "names sort naturally"() {
        given:
        tree.pci('0000:01:00.0')
        ['fwctl10', 'fwctl2', 'fwctl1'].each { kernel.addFwctl(tree.fwctl(it, '0000:01:00.0')) }

        expect:
        discovery.scan()*.name == ['fwctl1', 'fwctl2', 'fwctl10']
    }

    def "open gives a channel whose info carries what discovery found"() {
        given:
        long live = NativeBuffers.live()
        tree.pci('0000:3b:00.0', 'mlx5_core', ['eth0'], ['mlx5_0'])
        kernel.addFwctl(tree.fwctl('fwctl0', '0000:3b:00.0'), [uid: 5])

        when:
        def ch = discovery.open(discovery.scan()[0])

        then:
        ch instanceof FwctlChannel
        with(ch.info()) {
            name() == 'fwctl0'
            pci() == '0000:3b:00.0'
            netdevs() == ['eth0']
            rdmaDevs() == ['mlx5_0']
            uid() == 5
        }

        when:
        ch.close()

        then:
        NativeBuffers.live() == live
    }

    def "find by name, PCI address (with or without domain), netdev or RDMA device; usable fwctl first"() {
        given:
        tree.pci('0000:3b:00.0', 'mlx5_core', ['eth0'], ['mlx5_0'])
        kernel.addFwctl(tree.fwctl('fwctl0', '0000:3b:00.0'))
        kernel.addMlx5ctl(tree.mlx5ctl(0, '0000:3b:00.0'))

        expect:
        discovery.find(key).map { it.name() }.orElse(null) == name

        where:
        key                         | name
        'fwctl0'                    | 'fwctl0'
        '0000:3b:00.0'              | 'fwctl0'
        '3b:00.0'                   | 'fwctl0'
        'eth0'                      | 'fwctl0'
        'mlx5_0'                    | 'fwctl0'
        'mlx5ctl-mlx5_core.ctl.0'   | 'mlx5ctl-mlx5_core.ctl.0'
        'eth9'                      | null
    }

    def "a usable mlx5ctl wins over an unusable fwctl for the same function"() {
        given:
        tree.pci('0000:3b:00.0', 'mlx5_core', ['eth0'])
        kernel.addFwctl(tree.fwctl('fwctl0', '0000:3b:00.0')).denyOpen = true
        kernel.addMlx5ctl(tree.mlx5ctl(0, '0000:3b:00.0'))

        expect:
        discovery.find('eth0').get().name() == 'mlx5ctl-mlx5_core.ctl.0'
    }

    def "no fwctl class and no mlx5ctl nodes: an empty list"() {
        expect:
        discovery.scan().isEmpty()
    }

    def "a dangling device link is a broken-link entry"() {
        given:
        tree.pci('0000:3b:00.0')
        kernel.addFwctl(tree.fwctl('fwctl0', '0000:3b:00.0'))
        tree.pciDir('0000:3b:00.0').toFile().deleteDir()     // the function vanished, the class link stayed

        when:
        def d = discovery.scan().find { it.name() == 'fwctl0' }

        then:
        d.status() == Status.BROKEN_LINK
        d.reason().contains('dangling link')
        !d.usable()
    }

    def "a class entry without a device link is a broken-link entry"() {
        given:
        Files.createDirectories(tree.sys.resolve('class/fwctl/fwctl3'))
        kernel.addFwctl(tree.devNode('fwctl/fwctl3'))

        when:
        def d = discovery.scan()[0]

        then:
        d.status() == Status.BROKEN_LINK
        d.reason().contains('no ' + tree.sys.resolve('class/fwctl/fwctl3/device') + ' link')
    }

    def "a device link that dangles inside a real class directory"() {
        given:
        Path entry = Files.createDirectories(tree.sys.resolve('class/fwctl/fwctl4'))
        Files.createSymbolicLink(entry.resolve('device'), Path.of('../../../devices/pci0000:00/0000:99:00.0'))
        kernel.addFwctl(tree.devNode('fwctl/fwctl4'))

        when:
        def d = discovery.scan()[0]

        then:
        d.status() == Status.BROKEN_LINK
        d.reason() == entry.resolve('device').toString() + ' is a dangling link (to ../../../devices/pci0000:00/0000:99:00.0); the parent device is gone'
    }

    def "sysfs entry without a node: node missing"() {
        given:
        tree.pci('0000:3b:00.0', 'mlx5_core', ['eth0'])
        tree.fwctl('fwctl0', '0000:3b:00.0', false)

        when:
        def d = discovery.scan()[0]

        then:
        d.status() == Status.NODE_MISSING
        d.pci() == '0000:3b:00.0'
        d.netdevs() == ['eth0']
        d.reason().contains('no ' + tree.dev.resolve('fwctl/fwctl0'))
    }

    def "a node udev left behind without sysfs is reported as stale"() {
        given:
        tree.devNode('fwctl/fwctl7')

        when:
        def d = discovery.scan()[0]

        then:
        d.name() == 'fwctl7'
        d.status() == Status.BROKEN_LINK
        d.reason().contains('stale node')
    }

    def "permission denied on open is reported with the fix, and open refuses with the same reason"() {
        given:
        tree.pci('0000:3b:00.0')
        kernel.addFwctl(tree.fwctl('fwctl0', '0000:3b:00.0')).denyOpen = true

        when:
        def d = discovery.scan()[0]

        then:
        d.status() == Status.PERMISSION_DENIED
        d.reason().contains('permission denied')
        d.reason().contains('udev rule')

        when:
        discovery.open(d)

        then:
        def e = thrown(PermissionException)
        e.message.contains('fwctl0 (permission denied)')
        e.message.contains('udev rule')
    }

    def "a node that does not answer FWCTL_INFO is not a device"() {
        given:
        tree.pci('0000:3b:00.0')
        kernel.addPlain(tree.fwctl('fwctl0', '0000:3b:00.0'))

        when:
        def d = discovery.scan()[0]

        then:
        d.status() == Status.NOT_A_DEVICE
        d.reason().contains('is not a fwctl device')

        when:
        discovery.open(d)

        then:
        thrown(NotADeviceException)
    }

    def "mlx5ctl without CAP_SYS_ADMIN: permission denied naming the capability"() {
        given:
        tree.pci('0000:3b:00.0')
        kernel.addMlx5ctl(tree.mlx5ctl(0, '0000:3b:00.0'))
        kernel.capSysAdmin = false

        when:
        def d = discovery.scan()[0]

        then:
        d.status() == Status.PERMISSION_DENIED
        d.reason().contains('CAP_SYS_ADMIN')
        d.pci() == '0000:3b:00.0'
    }

    def "mlx5ctl node without an auxiliary device, or with a dangling one"() {
        given:
        kernel.addMlx5ctl(tree.devNode('mlx5ctl-mlx5_core.ctl.4'))
        tree.pci('0000:3b:00.0')
        kernel.addMlx5ctl(tree.mlx5ctl(5, '0000:3b:00.0'))
        tree.pciDir('0000:3b:00.0').toFile().deleteDir()

        when:
        def found = discovery.scan()

        then:
        found*.name == ['mlx5ctl-mlx5_core.ctl.4', 'mlx5ctl-mlx5_core.ctl.5']
        found*.status == [Status.BROKEN_LINK, Status.BROKEN_LINK]
        found[0].reason().contains('has no auxiliary device')
        found[1].reason().contains('dangling link')
    }

    def "a removed device between listing and open is node missing"() {
        given:
        tree.pci('0000:3b:00.0')
        String node = tree.fwctl('fwctl0', '0000:3b:00.0')
        kernel.addFwctl(node)
        kernel.remove(node)

        when:
        def d = discovery.scan()[0]

        then:
        d.status() == Status.NODE_MISSING
        d.reason().contains('does not exist')
    }

    def "a path discovery did not list is described: #what"() {
        given: 'sysfs knows char device 1:3 as mem/null, as on a real system'
        Files.createDirectories(tree.sys.resolve('dev/char'))
        Files.createDirectories(tree.sys.resolve('devices/virtual/mem/null'))
        Files.createDirectories(tree.sys.resolve('class/mem'))
        Files.createSymbolicLink(tree.sys.resolve('devices/virtual/mem/null/subsystem'), Path.of('../../../../class/mem'))
        Files.createSymbolicLink(tree.sys.resolve('dev/char/1:3'), Path.of('../../devices/virtual/mem/null'))
        Path file = Files.createFile(tmp.resolve('plain'))
        Path dangling = Files.createSymbolicLink(tmp.resolve('dangling'), tmp.resolve('gone'))
        Path path = [devnull: Path.of('/dev/null'), zero: Path.of('/dev/zero'), file: file, folder: tmp, missing: tmp.resolve('none'),
                     dangling: dangling][what]

        expect:
        discovery.describeNode(path) == description.replace('TMP', tmp.toString()).replace('SYS', tree.sys.toString())

        where:
        what       | description
        'devnull'  | 'a character device of another driver (1:3, mem/null), not a fwctl or mlx5ctl node'
        'zero'     | 'a character device (1:5) that SYS/dev/char does not describe; not a fwctl or mlx5ctl node'
        'file'     | 'a regular file, not a device node'
        'folder'   | 'a folder, not a device node'
        'missing'  | 'no such file'
        'dangling' | 'a dangling link (to TMP/gone)'
    }

    def "the real system scans without throwing"() {
        when:
        def found = Discovery.system().scan()
        println "this machine: ${found.isEmpty() ? 'no fwctl/mlx5ctl devices' : found.join('; ')}"

        then:
        found.every { it.reason() }
    }
}
