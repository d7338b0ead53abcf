package fwsh.shell

import com.sun.jna.LastErrorException
import com.sun.jna.Pointer
import fwsh.abi.FwctlInfo
import fwsh.abi.FwctlUapi
import fwsh.abi.Libc
import fwsh.backend.Discovery
import fwsh.dsl.SessionOptions

import java.nio.file.Files
import java.nio.file.Path

/**
 * A machine as discovery sees it: sysfs and /dev trees laid out as the kernel does (under a temp dir) and a C
 * library that answers open() and FWCTL_INFO for their nodes the way the kernel would (EACCES for a node
 * the user may not open, ENOTTY for anything else). No firmware behind it: specs use it to see which
 * devices a session would take, never to send RPCs.
 */
class FakeHost implements Libc {
    static final int EACCES = 13, ENOENT = 2, ENOTTY = 25

    final Path sys
    final Path dev
    private final Map<String, Integer> fwctlTypes = [:]
    private final Set<String> denied = []
    private final Map<Integer, String> open = [:]
    private int nextFd = 3

    FakeHost(Path root) {
        sys = Files.createDirectories(root.resolve('sys'))
        dev = Files.createDirectories(root.resolve('dev'))
    }

    /** Session options whose discovery sees this machine. */
    SessionOptions sessionOptions() {
        new SessionOptions(sysfsRoot: sys, devRoot: dev, discovery: new Discovery(sys, dev, this))
    }

    Path pciDir(String bdf) {
        sys.resolve('devices/pci0000:00').resolve(bdf)
    }

    Path pci(String bdf, String driver = 'mlx5_core') {
        Path dir = Files.createDirectories(pciDir(bdf))
        Files.createDirectories(sys.resolve('bus/pci/drivers').resolve(driver))
        Files.createSymbolicLink(dir.resolve('driver'), Path.of('../../../bus/pci/drivers', driver))
        dir
    }

    /** /sys/class/fwctl/NAME linked into the PCI function, /dev/fwctl/NAME, and FWCTL_INFO answering {@code type}. */
    String fwctl(String name, String bdf, int type = FwctlUapi.FWCTL_DEVICE_TYPE_MLX5, boolean node = true) {
        if (!Files.exists(pciDir(bdf))) pci(bdf)
        Path real = Files.createDirectories(pciDir(bdf).resolve('fwctl').resolve(name))
        Files.createSymbolicLink(real.resolve('device'), Path.of('../..'))
        Files.createDirectories(sys.resolve('class/fwctl'))
        Files.createSymbolicLink(sys.resolve('class/fwctl').resolve(name), Path.of('../../devices/pci0000:00', bdf, 'fwctl', name))
        Path p = dev.resolve('fwctl').resolve(name)
        if (node) {
            Files.createDirectories(p.parent)
            Files.createFile(p)
        }
        fwctlTypes[p.toString()] = type
        p.toString()
    }

    /** A node whose permissions do not let this user open it. */
    String deniedFwctl(String name, String bdf) {
        String node = fwctl(name, bdf)
        denied << node
        node
    }

    /** /sys/class/fwctl/NAME left dangling: the device it belonged to is gone. */
    void danglingFwctl(String name) {
        Files.createDirectories(sys.resolve('class/fwctl'))
        Files.createSymbolicLink(sys.resolve('class/fwctl').resolve(name), Path.of('../../devices/pci0000:00/0000:99:00.0/fwctl', name))
    }

    @Override
    int open(String path, int flags) {
        if (denied.contains(path)) throw new LastErrorException(EACCES)
        if (!Files.exists(Path.of(path))) throw new LastErrorException(ENOENT)
        int fd = nextFd++
        open[fd] = path
        fd
    }

    @Override
    int close(int fd) {
        open.remove(fd)
        0
    }

    @Override
    int ioctl(int fd, long request, Pointer arg) {
        Integer type = fwctlTypes[open[fd]]
        if (request != FwctlUapi.FWCTL_INFO || type == null) throw new LastErrorException(ENOTTY)
        arg.setInt(FwctlInfo.OFF_OUT_DEVICE_TYPE, type)
        0
    }

    @Override
    Pointer mmap(Pointer addr, long length, int prot, int flags, int fd, long offset) { throw new UnsupportedOperationException('mmap') }

    @Override
    int munmap(Pointer addr, long length) { throw new UnsupportedOperationException('munmap') }

    @Override
    int mlock(Pointer addr, long length) { throw new UnsupportedOperationException('mlock') }

    @Override
    int munlock(Pointer addr, long length) { throw new UnsupportedOperationException('munlock') }

    @Override
    long sysconf(int name) { 4096 }

    @Override
    int getrlimit(int resource, Pointer rlim) { throw new UnsupportedOperationException('getrlimit') }
}
