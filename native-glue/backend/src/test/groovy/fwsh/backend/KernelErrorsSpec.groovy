package fwsh.backend

import fwsh.abi.Libc
import fwsh.channel.*
import spock.lang.Specification

/** One clear line per errno, naming what failed and what to do. */
class KernelErrorsSpec extends Specification {
    static final String N = '/dev/fwctl/fwctl0'

    def "each errno maps to its type with the telling words"() {
        expect:
        e.class == type
        e.errno() == errno
        words.every { e.message.contains(it) }
        !e.message.contains('\n')

        where:
        e                                                                                          | type                      | errno          | words
        KernelErrors.gone(N)                                                                       | DeviceGoneException       | Errno.ENODEV   | ['device gone', 'handle is dead', 'discovery again']
        KernelErrors.open(N, Transport.FWCTL, Errno.EACCES)                                        | PermissionException       | Errno.EACCES   | [N, 'udev rule', 'group', 'run as root']
        KernelErrors.open(N, Transport.FWCTL, Errno.ENOENT)                                        | DeviceGoneException       | Errno.ENOENT   | [N, 'does not exist']
        KernelErrors.info(N, Transport.FWCTL, Errno.ENOTTY)                                        | NotADeviceException       | Errno.ENOTTY   | ['is not a fwctl device']
        KernelErrors.info(N, Transport.MLX5CTL, Errno.EPERM)                                       | PermissionException       | Errno.EPERM    | ['CAP_SYS_ADMIN']
        KernelErrors.fwctlRpc(N, 0x805, 1, Scope.CONFIGURATION, 32, 32, Errno.EBADMSG)             | ScopeNotAllowedException  | Errno.EBADMSG  | ['0x805 (ACCESS_REG)', 'op_mod 0x1', 'scope configuration', 'minimum scope is debug-read-only']
        KernelErrors.fwctlRpc(N, 0xa08, 0, Scope.DEBUG_WRITE, 32, 32, Errno.EBADMSG)               | ScopeNotAllowedException  | Errno.EBADMSG  | ['0xa08 (CREATE_UMEM)', 'not allowed at any fwctl scope']
        KernelErrors.fwctlRpc(N, 0x805, 0, Scope.DEBUG_WRITE_FULL, 32, 32, Errno.EPERM)            | PermissionException       | Errno.EPERM    | ['CAP_SYS_RAWIO', 'lower scope']
        KernelErrors.fwctlRpc(N, 0x100, 0, Scope.CONFIGURATION, 3 << 20, 16, Errno.EMSGSIZE)       | RpcSizeException          | Errno.EMSGSIZE | ['in 3145728 B', '2097152 bytes (2 MiB)']
        KernelErrors.fwctlRpc(N, 0x100, 0, Scope.CONFIGURATION, 16, 16, Errno.EINVAL)              | RpcSizeException          | Errno.EINVAL   | ['16..2097152']
        KernelErrors.fwctlRpc(N, 0x100, 0, Scope.CONFIGURATION, 16, 16, Errno.ETIMEDOUT)           | ChannelException          | Errno.ETIMEDOUT | ['not delivered', 'ETIMEDOUT']
        KernelErrors.mlx5ctlRpc(N, 0x100, 0, 16, 300000, Errno.EINVAL)                             | RpcSizeException          | Errno.EINVAL   | ['262144 bytes (256 KiB)']
        KernelErrors.mlx5ctlRpc(N, 0x100, 0, 16, 16, Errno.EPERM)                                  | PermissionException       | Errno.EPERM    | ['CAP_SYS_ADMIN', 'run as root']
        KernelErrors.umemRegister(N, Transport.MLX5CTL, 1 << 20, 65536, Errno.ENOMEM)              | UmemLimitException        | Errno.ENOMEM   | ['memlock limit (65536 bytes = ulimit -l 64)', 'ulimit -l']
        KernelErrors.umemRegister(N, Transport.MLX5CTL, 1 << 20, Libc.RLIM_INFINITY, Errno.ENOMEM) | UmemLimitException        | Errno.ENOMEM   | ['memlock limit (unlimited)']
        KernelErrors.umemRegister(N, Transport.MLX5CTL, 1 << 27, 0, Errno.EINVAL)                  | RpcSizeException          | Errno.EINVAL   | ['64 MiB']
        KernelErrors.umemUnregister(N, 17, Errno.ENOENT)                                           | UnknownUmemException      | Errno.ENOENT   | ['no umem with id 17']
    }

    def "opcode names come from the Opcode constants"() {
        expect:
        OpcodeNames.describe(0x10a) == '0x10a (QUERY_ISSI)'
        OpcodeNames.describe(0x1234) == '0x1234'
    }
}
