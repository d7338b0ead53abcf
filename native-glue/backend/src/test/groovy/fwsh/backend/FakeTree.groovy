package fwsh.backend

import java.nio.file.Files
import java.nio.file.Path

/** Builds fake sysfs and /dev trees the way the kernel lays them out, under a temp dir. */
class FakeTree {
    final Path sys
    final Path dev

    FakeTree(Path tmp) {
        sys = tmp.resolve('sys')
        dev = tmp.resolve('dev')
        Files.createDirectories(sys)
        Files.createDirectories(dev)
    }

    Path pciDir(String bdf) {
        sys.resolve('devices/pci0000:00').resolve(bdf)
    }

    /** A PCI function with its driver link, netdevs and RDMA devices. */
    Path pci(String bdf, String driver = 'mlx5_core', List<String> net = [], List<String> ib = []) {
        Path dir = Files.createDirectories(pciDir(bdf))
        if (driver) {
            Files.createDirectories(sys.resolve('bus/pci/drivers').resolve(driver))
            Files.createSymbolicLink(dir.resolve('driver'), Path.of('../../../bus/pci/drivers', driver))
        }
        net.each { Files.createDirectories(dir.resolve('net').resolve(it)) }
        ib.each { Files.createDirectories(dir.resolve('infiniband').resolve(it)) }
        dir
    }

    /** /sys/class/fwctl/NAME (itself a link into the PCI function, as on a real system) and /dev/fwctl/NAME. */
    String fwctl(String name, String bdf, boolean node = true) {
        Path real = Files.createDirectories(pciDir(bdf).resolve('fwctl').resolve(name))
        Files.createSymbolicLink(real.resolve('device'), Path.of('../..'))
        Files.createDirectories(sys.resolve('class/fwctl'))
        Files.createSymbolicLink(sys.resolve('class/fwctl').resolve(name), Path.of('../../devices/pci0000:00', bdf, 'fwctl', name))
        devNode("fwctl/$name", node)
    }

    /** /sys/bus/auxiliary/devices/mlx5_core.ctl.N -> the aux device under the PCI function, and /dev/mlx5ctl-mlx5_core.ctl.N. */
    String mlx5ctl(int n, String bdf, boolean node = true) {
        String aux = "mlx5_core.ctl.$n"
        Files.createDirectories(pciDir(bdf).resolve(aux))
        Files.createDirectories(sys.resolve('bus/auxiliary/devices'))
        Files.createSymbolicLink(sys.resolve('bus/auxiliary/devices').resolve(aux), Path.of('../../../devices/pci0000:00', bdf, aux))
        devNode("mlx5ctl-$aux", node)
    }

    String devNode(String rel, boolean create = true) {
        Path p = dev.resolve(rel)
        if (create) {
            Files.createDirectories(p.parent)
            Files.createFile(p)
        }
        p.toString()
    }
}
