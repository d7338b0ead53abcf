package fwsh.emu

import fwsh.channel.Errno
import fwsh.channel.RpcSizeException
import fwsh.channel.Scope
import fwsh.channel.Transport
import fwsh.channel.UmemLimitException
import fwsh.channel.UnknownUmemException
import spock.lang.Specification

import static fwsh.emu.Mbox.*

class Mlx5ctlPersonalitySpec extends Specification {
    def dev = Emulator.builder('cx6dx').personality(Transport.MLX5CTL).clock(EmuClock.virtual()).memlockLimit(8 << 20).build()

    def "no opcode filter: object commands reach the firmware at any scope"() {
        expect:
        dev.supportsUmem()
        status(dev.rpc(Scope.CONFIGURATION, cmd(0x800), 16)) == 0
        status(dev.rpc(null, cmd(0x800), 16)) == 0
        !dev.kernelTainted()
    }

    def "RPC lengths must be 16..256 KiB (EINVAL)"() {
        when:
        dev.rpc(null, new byte[inLen], outLen)

        then:
        def e = thrown(RpcSizeException)
        e.errno() == Errno.EINVAL

        where:
        inLen         | outLen
        15            | 16
        16            | 15
        (256 << 10) + 1 | 16
        16            | (256 << 10) + 1
    }

    def "umem is page-rounded direct memory with a synthetic page-aligned address"() {
        when:
        def u = dev.registerUmem(5000)

        then:
        u.size() == 8192
        u.address() % 4096 == 0
        u.buffer().isDirect()
        u.buffer().capacity() == 8192
        u.isOpen()
        dev.umems().contains(u)

        when:
        u.close()
        u.close()

        then:
        !u.isOpen()
        !dev.umems().contains(u)
    }

    def "umem limits: 64 MiB per region (EINVAL), memlock budget (ENOMEM), unknown id (ENOENT)"() {
        when:
        dev.registerUmem((64L << 20) + 1)
        then:
        def e1 = thrown(RpcSizeException)
        e1.errno() == Errno.EINVAL

        when:
        dev.registerUmem(0)
        then:
        thrown(RpcSizeException)

        when:
        def a = dev.registerUmem(6 << 20)
        dev.registerUmem(4 << 20)
        then:
        def e2 = thrown(UmemLimitException)
        e2.errno() == Errno.ENOMEM
        e2.message.contains('locked-memory')

        when: "freeing makes room again"
        a.close()
        def b = dev.registerUmem(4 << 20)
        then:
        b.isOpen()

        when:
        dev.unregisterUmem(9999)
        then:
        def e3 = thrown(UnknownUmemException)
        e3.errno() == Errno.ENOENT
    }

    def "ALLOC_PD + CREATE_MKEY over a umem let the device DMA into it; DESTROY/DEALLOC undo it"() {
        given:
        def u = dev.registerUmem(1 << 20)
        def pdOut = dev.rpc(null, cmd(0x800), 16)
        int pd = get(pdOut, 0x08, 23, 0)

        when:
        int mkey = Objects2.mkey(dev, pd, u.id(), u.address(), u.size(), 0x42)

        then:
        status(pdOut) == 0
        (mkey & 0xff) == 0x42
        dev.hca().objects.mkeys.containsKey(mkey)

        when: "the device writes through the mkey"
        dev.hca().objects.dmaWrite(mkey, u.address() + 4096, [1, 2, 3] as byte[], 0, 3, 'test')

        then:
        u.buffer().get(4096) == 1
        u.buffer().get(4098) == 3

        when:
        def bad = dev.hca().objects.room(mkey, u.address() + u.size())

        then:
        bad == -1

        when:
        def d1 = dev.rpc(null, set(cmd(0x202, 0, 16), 0x08, 23, 0, mkey >>> 8), 16)
        def d1again = dev.rpc(null, set(cmd(0x202, 0, 16), 0x08, 23, 0, mkey >>> 8), 16)
        def d2 = dev.rpc(null, set(cmd(0x801, 0, 16), 0x08, 23, 0, pd), 16)

        then:
        status(d1) == 0
        status(d1again) == FwStatus.BAD_RES
        status(d2) == 0
        !dev.hca().objects.mkeys.containsKey(mkey)
    }

    def "CREATE_MKEY validates pd, umem and range"() {
        given:
        def u = dev.registerUmem(1 << 16)
        int pd = get(dev.rpc(null, cmd(0x800), 16), 0x08, 23, 0)

        expect:
        status(Objects2.mkeyOut(dev, pd + 100, u.id(), u.address(), 4096, 0)) == FwStatus.BAD_RES
        status(Objects2.mkeyOut(dev, pd, 777, u.address(), 4096, 0)) == FwStatus.BAD_PARAM
        status(Objects2.mkeyOut(dev, pd, u.id(), u.address() + 4096, u.size(), 0)) == FwStatus.BAD_PARAM
        status(Objects2.mkeyOut(dev, pd, u.id(), u.address(), u.size(), 0)) == 0
    }

    def "CREATE_UMEM via RPC maps pages of registered memory; DESTROY_UMEM refuses while an mkey uses it"() {
        given:
        def u = dev.registerUmem(1 << 16)
        int pages = 4
        byte[] in = cmd(0xa08, 0, 0x30 + 8 * pages)
        putU64(in, 0x28, pages)
        (0..<pages).each { putU64(in, 0x30 + 8 * it, u.address() + 8192 + 4096L * it | 0x3) }

        when:
        def out = dev.rpc(null, in, 16)
        int id = get(out, 0x08, 23, 0)
        int pd = get(dev.rpc(null, cmd(0x800), 16), 0x08, 23, 0)
        int mkey = Objects2.mkey(dev, pd, id, u.address() + 8192, 4096 * pages, 1)
        def busy = dev.rpc(null, set(cmd(0xa0a, 0, 16), 0x08, 23, 0, id), 16)

        then:
        status(out) == 0
        id != u.id()
        status(busy) == FwStatus.BAD_RES_STATE

        when:
        dev.rpc(null, set(cmd(0x202, 0, 16), 0x08, 23, 0, mkey >>> 8), 16)
        def done = dev.rpc(null, set(cmd(0xa0a, 0, 16), 0x08, 23, 0, id), 16)
        def unknown = dev.rpc(null, set(cmd(0xa0a, 0, 16), 0x08, 23, 0, id), 16)

        then:
        status(done) == 0
        status(unknown) == FwStatus.BAD_RES
    }

    def "CREATE_UMEM with addresses outside registered memory is BAD_PARAM"() {
        given:
        byte[] in = cmd(0xa08, 0, 0x38)
        putU64(in, 0x28, 1)
        putU64(in, 0x30, 0x1000)

        expect:
        status(dev.rpc(null, in, 16)) == FwStatus.BAD_PARAM
    }

    def "closing a handle releases its umem and firmware objects; other handles keep theirs"() {
        given:
        def other = dev.openHandle()
        def mine = dev.registerUmem(4096)
        def theirs = other.registerUmem(4096)

        when:
        dev.close()

        then:
        !mine.isOpen()
        theirs.isOpen()
        other.uid() != dev.uid()
        !dev.hca().objects.umems.containsKey(mine.id())
        dev.hca().objects.umems.containsKey(theirs.id())
    }
}
