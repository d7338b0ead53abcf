package fwsh.backend;

import com.sun.jna.LastErrorException;
import fwsh.abi.FwctlUapi;
import fwsh.abi.JnaLibc;
import fwsh.abi.Libc;
import fwsh.abi.Mlx5ctlUapi;
import fwsh.backend.DiscoveredDevice.Status;
import fwsh.channel.Channel;
import fwsh.channel.ChannelException;
import fwsh.channel.DeviceGoneException;
import fwsh.channel.Errno;
import fwsh.channel.NotADeviceException;
import fwsh.channel.PermissionException;
import fwsh.channel.Transport;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds fwctl and mlx5ctl nodes from sysfs and /dev. Both roots are configurable so tests build fake trees.
 *
 * <ul>
 *   <li>fwctl: {@code <sys>/class/fwctl/fwctlN}, whose {@code device} link leads to the PCI function; the node is
 *   {@code <dev>/fwctl/fwctlN}; it is opened and asked FWCTL_INFO, and only type MLX5 is usable.</li>
 *   <li>mlx5ctl: {@code <dev>/mlx5ctl-mlx5_core.ctl.N}; the PCI function is the parent of the resolved
 *   {@code <sys>/bus/auxiliary/devices/mlx5_core.ctl.N}; it is opened and asked MLX5CTL_IOCTL_INFO.</li>
 * </ul>
 * Netdevs and RDMA devices come from {@code <pci>/net/*} and {@code <pci>/infiniband/*}. Anything broken
 * becomes an entry with a status and a one-line reason; {@link #scan()} does not throw.
 */
public final class Discovery {
    private static final Pattern BDF = Pattern.compile("[0-9a-fA-F]{4}:[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\\.[0-7]");

    private final Path sysRoot;
    private final Path devRoot;
    private final Libc libc;

    public Discovery(Path sysRoot, Path devRoot, Libc libc) {
        this.sysRoot = sysRoot;
        this.devRoot = devRoot;
        this.libc = libc;
    }

    /** The real system: /sys, /dev and the C library. */
    /** Discovery under other roots (a container's view, a test tree) through the real C library. */
    public static Discovery at(Path sysRoot, Path devRoot) {
        return new Discovery(sysRoot, devRoot, fwsh.abi.JnaLibc.get());
    }

    public static Discovery system() {
        return new Discovery(Path.of("/sys"), Path.of("/dev"), JnaLibc.get());
    }

    public Libc libc() {
        return libc;
    }

    /** Every fwctl device, then every mlx5ctl device, in natural name order. */
    public List<DiscoveredDevice> scan() {
        List<DiscoveredDevice> out = new ArrayList<>();
        scanFwctl(out);
        scanMlx5ctl(out);
        return out;
    }

    /** Only the usable ones. */
    public List<DiscoveredDevice> usable() {
        return scan().stream().filter(DiscoveredDevice::usable).toList();
    }

    /**
     * The device {@code key} names (name, node, PCI address, netdev or RDMA device). When several match,
     * a usable one wins, and fwctl before mlx5ctl.
     */
    public Optional<DiscoveredDevice> find(String key) {
        return scan().stream().filter(d -> d.matches(key))
                .min(Comparator.comparing((DiscoveredDevice d) -> !d.usable()).thenComparing(d -> d.transport() != Transport.FWCTL));
    }

    /** Opens a channel on a device {@link #scan()} returned; an unusable one is refused with its reason. */
    public Channel open(DiscoveredDevice d) {
        if (!d.usable()) {
            String msg = "cannot open " + d.name() + " (" + d.status() + "): " + d.reason();
            throw switch (d.status()) {
                case PERMISSION_DENIED -> new PermissionException(Errno.EACCES, msg);
                case NODE_MISSING -> new DeviceGoneException(Errno.ENOENT, msg);
                case UNSUPPORTED_TYPE, NOT_A_DEVICE -> new NotADeviceException(0, msg);
                default -> new ChannelException(0, msg);
            };
        }
        return d.transport() == Transport.FWCTL ? FwctlChannel.open(libc, d.nodeRef()) : Mlx5ctlChannel.open(libc, d.nodeRef());
    }

    /**
     * What a path that discovery did not list as a device is, for "--device PATH" errors: missing, a dangling
     * link, not a device node (a file, a folder), or a character device of another driver, named from
     * {@code <sys>/dev/char/MAJOR:MINOR}.
     */
    public String describeNode(Path node) {
        if (!Files.exists(node, LinkOption.NOFOLLOW_LINKS)) return "no such file";
        if (!Files.exists(node)) return "a dangling link (to " + linkTarget(node) + ")";
        int mode;
        long rdev;
        try {
            mode = (Integer) Files.getAttribute(node, "unix:mode");
            rdev = (Long) Files.getAttribute(node, "unix:rdev");
        } catch (IOException | RuntimeException e) {
            return "cannot inspect it (" + e.getMessage() + ")";
        }
        return switch (mode & 0170000) {
            case 0040000 -> "a folder, not a device node";
            case 0100000 -> "a regular file, not a device node";
            case 0060000 -> "a block device, not a fwctl or mlx5ctl node";
            case 0020000 -> characterDevice(rdev);
            default -> "not a device node (a FIFO or socket)";
        };
    }

    /** A character device discovery did not list: which driver's, as sysfs says (glibc's dev_t split). */
    private String characterDevice(long rdev) {
        long major = ((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL);
        long minor = (rdev & 0xff) | ((rdev >>> 12) & ~0xffL);
        String number = major + ":" + minor;
        Path entry = sysRoot.resolve("dev/char").resolve(number);
        Path subsystem = linkTarget(entry.resolve("subsystem"));
        if (!Files.exists(entry) || subsystem == null || subsystem.getFileName() == null) {
            return "a character device (" + number + ") that " + sysRoot.resolve("dev/char") + " does not describe; not a fwctl or mlx5ctl node";
        }
        Path device = linkTarget(entry);
        String owner = subsystem.getFileName() + "/" + (device == null || device.getFileName() == null ? number : device.getFileName());
        if (owner.startsWith("fwctl/") || owner.contains("/" + Mlx5ctlUapi.NODE_PREFIX)) {
            return "a character device (" + number + ", " + owner + ") that discovery did not list under " + devRoot
                    + "; name the device as the list below does";
        }
        return "a character device of another driver (" + number + ", " + owner + "), not a fwctl or mlx5ctl node";
    }

    // ---- fwctl

    private void scanFwctl(List<DiscoveredDevice> out) {
        Path classDir = sysRoot.resolve("class/fwctl");
        Set<String> seen = new HashSet<>();
        List<String> names;
        try {
            names = list(classDir);
        } catch (IOException e) {
            out.add(broken("fwctl", Transport.FWCTL, null, Status.ERROR, "cannot list " + classDir + ": " + describe(e)));
            names = List.of();
        }
        for (String name : names) {
            seen.add(name);
            try {
                out.add(fwctlEntry(name, classDir.resolve(name)));
            } catch (RuntimeException e) {
                out.add(broken(name, Transport.FWCTL, null, Status.ERROR, "unexpected: " + e));
            }
        }
        // Nodes udev made for which sysfs has nothing: stale nodes.
        try {
            for (String name : list(devRoot.resolve("fwctl"))) {
                if (!seen.contains(name)) {
                    out.add(broken(name, Transport.FWCTL, devRoot.resolve("fwctl").resolve(name).toString(), Status.BROKEN_LINK,
                            "node exists but " + classDir.resolve(name) + " does not; stale node of a removed device"));
                }
            }
        } catch (IOException e) {
            out.add(broken("fwctl", Transport.FWCTL, null, Status.ERROR, "cannot list " + devRoot.resolve("fwctl") + ": " + describe(e)));
        }
    }

    private DiscoveredDevice fwctlEntry(String name, Path entry) {
        String node = devRoot.resolve("fwctl").resolve(name).toString();
        if (Files.isSymbolicLink(entry) && !Files.exists(entry)) {
            return broken(name, Transport.FWCTL, node, Status.BROKEN_LINK, entry + " is a dangling link (to "
                    + linkTarget(entry) + "); the device it belonged to is gone");
        }
        Path deviceLink = entry.resolve("device");
        Pci pci = resolvePci(deviceLink);
        if (pci.problem != null) {
            return broken(name, Transport.FWCTL, node, Status.BROKEN_LINK, pci.problem);
        }
        if (!Files.exists(Path.of(node))) {
            return pci.entry(name, Transport.FWCTL, node, -1, Status.NODE_MISSING,
                    "no " + node + "; is udev running, or was the device just removed?");
        }
        int fd;
        try {
            fd = libc.open(node, Libc.O_RDWR | Libc.O_CLOEXEC);
        } catch (LastErrorException e) {
            return openFailed(pci, name, Transport.FWCTL, node, e.getErrorCode());
        }
        try {
            FwctlChannel.Info info = FwctlChannel.queryInfo(libc, fd, node);
            if (info.type() != FwctlUapi.FWCTL_DEVICE_TYPE_MLX5) {
                return pci.entry(name, Transport.FWCTL, node, info.type(), Status.UNSUPPORTED_TYPE,
                        "fwctl device type " + FwctlUapi.deviceTypeName(info.type())
                                + (pci.driver == null ? "" : " (driver " + pci.driver + ")") + "; fwsh drives MLX5 only");
            }
            return pci.entry(name, Transport.FWCTL, node, info.type(), Status.USABLE,
                    "mlx5 via fwctl, uid " + info.uid() + ", uctx caps 0x" + Long.toHexString(info.uctxCaps()));
        } catch (ChannelException e) {
            return pci.entry(name, Transport.FWCTL, node, -1, statusOf(e.errno()), e.getMessage());
        } finally {
            closeQuietly(fd);
        }
    }

    // ---- mlx5ctl

    private void scanMlx5ctl(List<DiscoveredDevice> out) {
        List<String> names;
        try {
            names = list(devRoot).stream().filter(n -> n.startsWith(Mlx5ctlUapi.NODE_PREFIX)).toList();
        } catch (IOException e) {
            out.add(broken("mlx5ctl", Transport.MLX5CTL, null, Status.ERROR, "cannot list " + devRoot + ": " + describe(e)));
            return;
        }
        for (String name : names) {
            try {
                out.add(mlx5ctlEntry(name));
            } catch (RuntimeException e) {
                out.add(broken(name, Transport.MLX5CTL, devRoot.resolve(name).toString(), Status.ERROR, "unexpected: " + e));
            }
        }
    }

    private DiscoveredDevice mlx5ctlEntry(String name) {
        String node = devRoot.resolve(name).toString();
        String aux = name.substring(Mlx5ctlUapi.NODE_PREFIX.length());
        Path auxPath = sysRoot.resolve("bus/auxiliary/devices").resolve(aux);
        Pci pci = resolvePciParent(auxPath);
        if (pci.problem != null) {
            return broken(name, Transport.MLX5CTL, node, Status.BROKEN_LINK, pci.problem);
        }
        int fd;
        try {
            fd = libc.open(node, Libc.O_RDWR | Libc.O_CLOEXEC);
        } catch (LastErrorException e) {
            return openFailed(pci, name, Transport.MLX5CTL, node, e.getErrorCode());
        }
        try {
            var info = Mlx5ctlChannel.queryInfo(libc, fd, node);
            return pci.entry(name, Transport.MLX5CTL, node, -1, Status.USABLE,
                    "mlx5 via mlx5ctl (V4), uid " + info.uctxUid() + ", uctx caps 0x" + Long.toHexString(info.uctxCap()));
        } catch (ChannelException e) {
            return pci.entry(name, Transport.MLX5CTL, node, -1, statusOf(e.errno()), e.getMessage());
        } finally {
            closeQuietly(fd);
        }
    }

    // ---- sysfs helpers

    /** What the sysfs links said about the PCI function; {@code problem} set when they are broken. */
    private record Pci(String bdf, String driver, List<String> netdevs, List<String> rdma, String problem) {
        DiscoveredDevice entry(String name, Transport t, String node, int type, Status status, String reason) {
            return new DiscoveredDevice(name, t, node, bdf, driver, netdevs, rdma, type, status, reason);
        }
    }

    /** fwctl: {@code device} is a link to the PCI function. */
    private Pci resolvePci(Path deviceLink) {
        if (!Files.exists(deviceLink)) {
            return new Pci(null, null, null, null, Files.isSymbolicLink(deviceLink)
                    ? deviceLink + " is a dangling link (to " + linkTarget(deviceLink) + "); the parent device is gone"
                    : "no " + deviceLink + " link; this sysfs entry is incomplete");
        }
        try {
            return describePci(deviceLink.toRealPath());
        } catch (IOException e) {
            return new Pci(null, null, null, null, "cannot resolve " + deviceLink + ": " + describe(e));
        }
    }

    /** mlx5ctl: the PCI function is the parent of the resolved auxiliary device. */
    private Pci resolvePciParent(Path auxPath) {
        if (!Files.exists(auxPath)) {
            return new Pci(null, null, null, null, Files.isSymbolicLink(auxPath)
                    ? auxPath + " is a dangling link (to " + linkTarget(auxPath) + "); the auxiliary device is gone"
                    : "no " + auxPath + "; the mlx5ctl node has no auxiliary device (stale node, or driver unloaded)");
        }
        try {
            Path parent = auxPath.toRealPath().getParent();
            return describePci(parent);
        } catch (IOException e) {
            return new Pci(null, null, null, null, "cannot resolve " + auxPath + ": " + describe(e));
        }
    }

    private Pci describePci(Path pciDir) {
        String base = pciDir.getFileName() == null ? "" : pciDir.getFileName().toString();
        String bdf = BDF.matcher(base).matches() ? base.toLowerCase() : null;
        String driver = null;
        Path driverLink = pciDir.resolve("driver");
        if (Files.isSymbolicLink(driverLink)) {
            Path target = linkTarget(driverLink);
            if (target != null && target.getFileName() != null) driver = target.getFileName().toString();
        }
        return new Pci(bdf, driver, listOrEmpty(pciDir.resolve("net")), listOrEmpty(pciDir.resolve("infiniband")), null);
    }

    private DiscoveredDevice openFailed(Pci pci, String name, Transport t, String node, int errno) {
        ChannelException e = KernelErrors.open(node, t, errno);
        return pci.entry(name, t, node, -1, statusOf(errno), e.getMessage());
    }

    private static Status statusOf(int errno) {
        return switch (errno) {
            case Errno.EACCES, Errno.EPERM -> Status.PERMISSION_DENIED;
            case Errno.ENOENT, Errno.ENXIO, Errno.ENODEV -> Status.NODE_MISSING;
            case Errno.ENOTTY, Errno.EINVAL -> Status.NOT_A_DEVICE;
            default -> Status.ERROR;
        };
    }

    private static DiscoveredDevice broken(String name, Transport t, String node, Status status, String reason) {
        return new DiscoveredDevice(name, t, node, null, null, List.of(), List.of(), -1, status, reason);
    }

    private void closeQuietly(int fd) {
        try {
            libc.close(fd);
        } catch (LastErrorException ignored) {
            // Discovery only looked; nothing to recover.
        }
    }

    private static Path linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link);
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** Names in {@code dir}, natural order; empty when it does not exist; IOException when it cannot be read. */
    private static List<String> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted(NATURAL).toList();
        }
    }

    private static List<String> listOrEmpty(Path dir) {
        try {
            return list(dir);
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : " (" + m + ")");
    }

    private static final Pattern TRAILING_NUMBER = Pattern.compile("^(.*?)(\\d+)$");

    /** fwctl2 before fwctl10. */
    static final Comparator<String> NATURAL = (a, b) -> {
        Matcher ma = TRAILING_NUMBER.matcher(a);
        Matcher mb = TRAILING_NUMBER.matcher(b);
        if (ma.matches() && mb.matches() && ma.group(1).equals(mb.group(1)) && ma.group(2).length() < 10 && mb.group(2).length() < 10) {
            return Long.compare(Long.parseLong(ma.group(2)), Long.parseLong(mb.group(2)));
        }
        return a.compareTo(b);
    };
}
