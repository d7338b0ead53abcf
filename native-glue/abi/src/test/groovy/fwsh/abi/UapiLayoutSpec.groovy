package fwsh.abi

import spock.lang.Requires
import spock.lang.Shared
import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/**
 * The Java struct offsets, sizes and ioctl numbers against (a) the documented numbers and (b) what gcc
 * computes for a header written from the reference tables, with the C library's own _IO/_IOR/_IOWR macros.
 */
class UapiLayoutSpec extends Specification {

    /** What the Java side says, under the names the C probe prints. */
    static Map<String, Long> javaSide() {
        Map<String, Long> m = [:]
        def struct = { String name, Class c, Map<String, String> fields ->
            m["sizeof.$name".toString()] = c.getField('SIZE').getInt(null) as long
            fields.each { f, constant -> m["offsetof.${name}.${f}".toString()] = c.getField(constant).getInt(null) as long }
        }
        struct('fwctl_info', FwctlInfo, [size: 'OFF_SIZE', flags: 'OFF_FLAGS', out_device_type: 'OFF_OUT_DEVICE_TYPE',
                                         device_data_len: 'OFF_DEVICE_DATA_LEN', out_device_data: 'OFF_OUT_DEVICE_DATA'])
        struct('fwctl_rpc', FwctlRpc, [size: 'OFF_SIZE', scope: 'OFF_SCOPE', in_len: 'OFF_IN_LEN', out_len: 'OFF_OUT_LEN',
                                       in: 'OFF_IN', out: 'OFF_OUT'])
        struct('fwctl_info_mlx5', FwctlInfoMlx5, [uid: 'OFF_UID', uctx_caps: 'OFF_UCTX_CAPS'])
        struct('fwctl_rsc_umem_reg', FwctlRscUmemReg, [size: 'OFF_SIZE', flags: 'OFF_FLAGS', addr: 'OFF_ADDR', len: 'OFF_LEN',
                                                       umem_id: 'OFF_UMEM_ID', mkey_id: 'OFF_MKEY_ID', rsc_id: 'OFF_RSC_ID'])
        struct('fwctl_rsc_destroy', FwctlRscDestroy, [size: 'OFF_SIZE', flags: 'OFF_FLAGS', type: 'OFF_TYPE', rsc_id: 'OFF_RSC_ID'])
        struct('mlx5ctl_info', Mlx5ctlInfo, [uctx_uid: 'OFF_UCTX_UID', reserved1: 'OFF_RESERVED1', uctx_cap: 'OFF_UCTX_CAP',
                                             dev_uctx_cap: 'OFF_DEV_UCTX_CAP', ucap: 'OFF_UCAP'])
        struct('mlx5ctl_cmdrpc', Mlx5ctlCmdrpc, [in: 'OFF_IN', out: 'OFF_OUT', inlen: 'OFF_INLEN', outlen: 'OFF_OUTLEN'])
        struct('mlx5ctl_umem_reg', Mlx5ctlUmemReg, [addr: 'OFF_ADDR', len: 'OFF_LEN', umem_id: 'OFF_UMEM_ID', reserved: 'OFF_RESERVED'])
        struct('mlx5ctl_umem_unreg', Mlx5ctlUmemUnreg, [umem_id: 'OFF_UMEM_ID', reserved: 'OFF_RESERVED'])
        m['const.FWCTL_INFO'] = FwctlUapi.FWCTL_INFO
        m['const.FWCTL_RPC'] = FwctlUapi.FWCTL_RPC
        m['const.FWCTL_RSC_DESTROY'] = FwctlUapi.FWCTL_RSC_DESTROY
        m['const.FWCTL_RSC_UMEM_REG'] = FwctlUapi.FWCTL_RSC_UMEM_REG
        m['const.MLX5CTL_IOCTL_INFO'] = Mlx5ctlUapi.MLX5CTL_IOCTL_INFO
        m['const.MLX5CTL_IOCTL_CMDRPC'] = Mlx5ctlUapi.MLX5CTL_IOCTL_CMDRPC
        m['const.MLX5CTL_IOCTL_UMEM_REG'] = Mlx5ctlUapi.MLX5CTL_IOCTL_UMEM_REG
        m['const.MLX5CTL_IOCTL_UMEM_UNREG'] = Mlx5ctlUapi.MLX5CTL_IOCTL_UMEM_UNREG
        m['const.MLX5CTL_MAX_RPC_SIZE'] = Mlx5ctlUapi.MLX5CTL_MAX_RPC_SIZE as long
        m['const.FWCTL_DEVICE_TYPE_ERROR'] = FwctlUapi.FWCTL_DEVICE_TYPE_ERROR as long
        m['const.FWCTL_DEVICE_TYPE_MLX5'] = FwctlUapi.FWCTL_DEVICE_TYPE_MLX5 as long
        m['const.FWCTL_DEVICE_TYPE_CXL'] = FwctlUapi.FWCTL_DEVICE_TYPE_CXL as long
        m['const.FWCTL_DEVICE_TYPE_BNXT'] = FwctlUapi.FWCTL_DEVICE_TYPE_BNXT as long
        m['const.FWCTL_DEVICE_TYPE_PDS'] = FwctlUapi.FWCTL_DEVICE_TYPE_PDS as long
        m
    }

    static boolean gccPresent() {
        try {
            def p = new ProcessBuilder('gcc', '--version').redirectErrorStream(true).start()
            p.inputStream.text
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0
        } catch (IOException ignored) {
            println 'UapiLayoutSpec: gcc not found on PATH; the C layout probe is skipped'
            return false
        }
    }

    @Shared
    boolean gcc = gccPresent()

    def "ioctl numbers equal the documented constants"() {
        expect:
        FwctlUapi.FWCTL_INFO == 0x9A00L
        FwctlUapi.FWCTL_RPC == 0x9A01L
        FwctlUapi.FWCTL_RSC_DESTROY == 0x9A02L
        FwctlUapi.FWCTL_RSC_UMEM_REG == 0x9A03L
        Mlx5ctlUapi.MLX5CTL_IOCTL_INFO == 0x80105C00L
        Mlx5ctlUapi.MLX5CTL_IOCTL_CMDRPC == 0xC0185C01L
        Mlx5ctlUapi.MLX5CTL_IOCTL_UMEM_REG == 0xC0185C02L
        Mlx5ctlUapi.MLX5CTL_IOCTL_UMEM_UNREG == 0xC0085C03L
        Mlx5ctlUapi.MLX5CTL_MAX_RPC_SIZE == 262144
        FwctlUapi.MAX_RPC_LEN == 2 * 1024 * 1024
        Mlx5ctlUapi.MLX5CTL_UMEM_MAX_BYTES == 64L * 1024 * 1024
    }

    def "the _IOC helpers decode what they encode, and refuse sizes that do not fit"() {
        expect:
        Ioc.type(0xC0185C01L) == 0x5c
        Ioc.nr(0xC0185C01L) == 1
        Ioc.size(0xC0185C01L) == 24
        Ioc.dir(0xC0185C01L) == (Ioc.READ | Ioc.WRITE)
        Ioc.dir(0x80105C00L) == Ioc.READ

        when:
        Ioc.iowr(0x5c, 1, 1 << 14)

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains('does not fit the 14-bit size field')
    }

    def "the previous V3 layout gives the numbers the notes list for it, so a V3 kernel answers ENOTTY to ours"() {
        expect:
        Ioc.ior(0x5c, 0, 96) == 0x80605C00L
        Ioc.iowr(0x5c, 1, 32) == 0xC0205C01L
        Ioc.ior(0x5c, 0, 96) != Mlx5ctlUapi.MLX5CTL_IOCTL_INFO
    }

    @Requires({ instance.gcc })
    def "gcc computes the same sizes, offsets and ioctl numbers as the Java side"() {
        given:
        Path dir = Files.createTempDirectory('fwsh-uapi')
        ['fwsh_uapi.h', 'layout_probe.c'].each { name ->
            Files.writeString(dir.resolve(name), getClass().getResource("/abi/$name").text)
        }

        when:
        def cc = new ProcessBuilder('gcc', '-std=c11', '-Wall', '-Werror', '-o', 'probe', 'layout_probe.c')
                .directory(dir.toFile()).redirectErrorStream(true).start()
        String ccOut = cc.inputStream.text
        assert cc.waitFor(60, TimeUnit.SECONDS) && cc.exitValue() == 0: "gcc failed: $ccOut"
        def run = new ProcessBuilder(dir.resolve('probe').toString()).redirectErrorStream(true).start()
        String out = run.inputStream.text
        assert run.waitFor(30, TimeUnit.SECONDS) && run.exitValue() == 0
        Map<String, Long> c = out.readLines().findAll { it }.collectEntries { line ->
            def (k, v) = line.split(' ')
            [(k): Long.parseUnsignedLong(v)]
        }
        Map<String, Long> java = javaSide()

        then: 'the same set of names on both sides'
        c.keySet() == java.keySet()

        and: 'the same value for every name'
        c.findAll { k, v -> java[k] != v }.collect { k, v -> "$k: C $v, Java ${java[k]}" } == []

        cleanup:
        dir?.toFile()?.deleteDir()
    }
}
