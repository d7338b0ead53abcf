package fwsh.dsl.dump

import fwsh.base.FwshException
import fwsh.dsl.Session
import fwsh.dsl.SessionOptions
import fwsh.dsl.engine.FirmwareStatusException
import fwsh.emu.EmulatedDevice
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

class MkeyBufferSpec extends Specification {
    @TempDir Path tmp

    Session session(String emulate = 'cx6dx:mlx5ctl') {
        Session.open(new SessionOptions().noHardware().emulate(emulate).journal(tmp.resolve('journal.jsonl')))
    }

    def "allocate registers umem, a PD and an MTT mkey over the whole umem that RESOURCE_DUMP can DMA into"() {
        given:
        def s = session()
        def dev = s.devices()[0]

        when:
        def b = MkeyBuffer.allocate(dev, 8192)

        then:
        b.size() == 8192
        b.address() == b.umem().address
        b.mkey() >>> 8 == b.mkeyIndex()
        s.journal().entries()*.command == ['ALLOC_PD', 'CREATE_MKEY']
        s.journal().entries()[1].fields.mkey_umem_id == b.umem().id
        s.journal().entries()[1].fields.memory_key_mkey_entry.start_addr == b.address()
        s.journal().entries()[1].fields.memory_key_mkey_entry.qpn == 0xffffff

        when: 'the device writes through the mkey'
        def out = dev.reg.RESOURCE_DUMP.read(inline_dump: 0, segment_type: 0xffff, mkey: b.mkey(), address: b.address(), size: b.size())

        then:
        out.size > 0
        b.bytes(0, 4) == [0x00, 0x04, 0xff, 0xfe] as byte[]   // the INFO segment header

        cleanup:
        b?.close()
        s.close()
    }

    def "close destroys the mkey, then the PD, then the umem"() {
        given:
        def s = session()
        def dev = s.devices()[0]
        def b = MkeyBuffer.allocate(dev, 4096)

        when:
        b.close()

        then:
        s.journal().entries()*.command == ['ALLOC_PD', 'CREATE_MKEY', 'DESTROY_MKEY', 'DEALLOC_PD']
        s.journal().entries()[2].fields.mkey_index == b.mkeyIndex()
        s.journal().entries()[3].fields.pd == b.pd()
        !b.umem().open
        !b.open
        dev.umems.isEmpty()

        when: 'the mkey is really gone on the device'
        dev.reg.RESOURCE_DUMP.read(inline_dump: 0, segment_type: 0xffff, mkey: b.mkey(), address: b.address(), size: 4096)

        then:
        thrown(FirmwareStatusException)

        when: 'closing twice is harmless'
        b.close()

        then:
        s.journal().entries().size() == 4

        cleanup:
        s.close()
    }

    def "a failed step in close does not stop the later ones, and the failure is reported after"() {
        given:
        def s = session()
        def dev = s.devices()[0]
        def b = MkeyBuffer.allocate(dev, 4096)
        ((EmulatedDevice) dev.rawChannel()).faults().failOpcode(0x202, 1, 0x03)   // DESTROY_MKEY

        when:
        b.close()

        then:
        def e = thrown(FwshException)
        e.message.startsWith('releasing mkey buffer 0x' + Integer.toHexString(b.mkey()) + ': DESTROY_MKEY')
        s.journal().entries()*.command == ['ALLOC_PD', 'CREATE_MKEY', 'DESTROY_MKEY', 'DEALLOC_PD']
        !b.umem().open

        cleanup:
        s.close()
    }

    def "a device that is gone releases quietly"() {
        given:
        def s = session()
        def dev = s.devices()[0]
        def b = MkeyBuffer.allocate(dev, 4096)
        ((EmulatedDevice) dev.rawChannel()).remove()

        when:
        b.close()

        then:
        noExceptionThrown()
        !b.open

        cleanup:
        s.close()
    }

    def "a failed CREATE_MKEY undoes the PD and the umem"() {
        given:
        def s = session()
        def dev = s.devices()[0]
        ((EmulatedDevice) dev.rawChannel()).faults().failOpcode(0x200, 1, 0x03)   // CREATE_MKEY

        when:
        MkeyBuffer.allocate(dev, 4096)

        then:
        def e = thrown(FirmwareStatusException)
        e.message.startsWith('CREATE_MKEY')
        s.journal().entries()*.command == ['ALLOC_PD', 'CREATE_MKEY', 'DEALLOC_PD']
        dev.umems.isEmpty()

        cleanup:
        s.close()
    }

    def "closing the device releases a buffer the script forgot"() {
        given:
        def s = session()
        def b = MkeyBuffer.allocate(s.devices()[0], 4096)

        when:
        s.close()

        then:
        !b.open
        !b.umem().open
    }

    def "bad input is one clear line"() {
        given:
        def s = session(emulateAs)

        when:
        MkeyBuffer.allocate(s.devices()[0], size)

        then:
        def e = thrown(FwshException)
        e.message.contains(text)

        cleanup:
        s.close()

        where:
        emulateAs       | size | text
        'cx6dx:mlx5ctl' | 0    | 'MkeyBuffer size must be positive, got 0'
        'cx6dx:fwctl'   | 4096 | 'has no umem: only the mlx5ctl driver'
    }
}
