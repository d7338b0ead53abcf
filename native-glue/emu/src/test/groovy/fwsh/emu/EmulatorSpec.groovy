package fwsh.emu

import fwsh.channel.Transport
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

import static fwsh.emu.Mbox.*

class EmulatorSpec extends Specification {
    @TempDir
    Path dir

    def "built-in profiles are listed and carry the documented identities"() {
        expect:
        Emulator.profiles().containsAll(['cx6dx', 'cx7'])
        Emulator.profile('cx6dx').num('pci.deviceId') == 0x101d
        Emulator.profile('cx6dx').num('hwId') == 0x212
        Emulator.profile('cx6dx').integer('ports') == 2
        Emulator.profile('cx7').num('pci.deviceId') == 0x1021
        Emulator.profile('cx7').num('hwId') == 0x218
        Emulator.profile('cx7').displayName() == 'ConnectX-7'
    }

    def "info describes an emulated device with its personality, pci, uid and profile"() {
        when:
        def dev = Emulator.create('cx6dx', Transport.FWCTL)
        def info = dev.info()

        then:
        info.name() ==~ /emu\d+/
        info.transport() == Transport.EMULATED
        info.personality() == Transport.FWCTL
        info.pci() ==~ /0000:[0-9a-f]{2}:00\.0/
        info.node() == null
        info.deviceType() == 1
        info.uid() > 0
        info.uctxCaps() == 0x4
        info.netdevs().size() == 2
        info.rdmaDevs().size() == 1
        info.profile() == 'cx6dx'
        info.fwctlPolicy()
    }

    def "several devices exist at once with their own addresses and state"() {
        given:
        def clock = EmuClock.virtual()
        def a = Emulator.create('cx6dx', Transport.MLX5CTL, clock, 1)
        def b = Emulator.create('cx7', Transport.MLX5CTL, clock, 1)

        when: "port 1 of a is set down"
        write(a, 0x5006, 16, [[0, 23, 16]: 1L, [0, 11, 8]: 2L, [4, 31, 31]: 1L])

        then: "b is unaffected"
        a.info().pci() != b.info().pci()
        a.info().name() != b.info().name()
        rget(read(a, 0x5006, 16, [[0, 23, 16]: 1L]), 0, 3, 0) == 2
        rget(read(b, 0x5006, 16, [[0, 23, 16]: 1L]), 0, 3, 0) == 1
        rget(read(b, 0x9020, 0xa0), 0, 15, 0) == 0x1021
    }

    def "the builder sets name, pci and profile overrides"() {
        when:
        def dev = Emulator.builder('cx6dx').name('lab0').pci('0000:3b:00.1').set('psid', 'MT_TEST').build()
        def out = read(dev, 0x9020, 0xa0)

        then:
        dev.info().name() == 'lab0'
        dev.info().pci() == '0000:3b:00.1'
        ascii(out, DATA + 0x30, 16) == 'MT_TEST'
    }

    def "a user profile directory adds profiles that include built-ins"() {
        given:
        Files.writeString(dir.resolve('mylab.profile'), '''
            # a lab variant
            include = cx6dx
            name = Lab CX6Dx
            fw.version = 22.41.1000
            psid = MT_LAB
        '''.stripIndent())
        Emulator.addProfileDirectory(dir)

        when:
        def dev = Emulator.create('mylab', Transport.FWCTL)
        def mgir = read(dev, 0x9020, 0xa0)

        then:
        Emulator.profiles().contains('mylab')
        ascii(mgir, DATA + 0x30, 16) == 'MT_LAB'
        ru32(mgir, 0x44) == 22
        ru32(mgir, 0x48) == 41
        ru32(mgir, 0x4c) == 1000
    }

    def "bad profiles are refused with one line naming the key"() {
        when:
        Emulator.builder('x').profile(ProfileLoader.parse('bad', text)).build()

        then:
        def e = thrown(ProfileException)
        e.message.contains(key)
        !e.message.contains('\n')

        where:
        text                                                                                                    | key
        'name = X'                                                                                              | 'pci.deviceId'
        'name=X\npci.deviceId=0x1\nhwId=1\nfw.version=1.2\npsid=P\nserial=S\nports=1'                        | 'fw.version'
        'name=X\npci.deviceId=0x1\nhwId=1\nfw.version=1.2.3\npsid=P\nserial=S\nports=3'                      | 'ports'
        'name=X\npci.deviceId=zz\nhwId=1\nfw.version=1.2.3\npsid=P\nserial=S\nports=1'                       | 'pci.deviceId'
        'name=X\npci.deviceId=1\nhwId=1\nfw.version=1.2.3\npsid=P\nserial=S\nports=1\ncap.general.nope=1'    | 'cap.general.nope'
        'name=X\npci.deviceId=1\nhwId=1\nfw.version=1.2.3\npsid=P\nserial=S\nports=2\ncap.general.num_ports=1' | 'cap.general.num_ports'
    }

    def "an unknown profile name lists the known ones"() {
        when:
        Emulator.create('cx99', Transport.FWCTL)

        then:
        def e = thrown(ProfileException)
        e.message.contains('cx99') && e.message.contains('cx6dx')
    }

    def "personality must be fwctl or mlx5ctl"() {
        when:
        Emulator.create('cx6dx', Transport.REPLAY)

        then:
        thrown(fwsh.base.ArgumentException)
    }
}
