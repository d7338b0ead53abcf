package fwsh.emu

import fwsh.channel.Transport
import spock.lang.Specification

import java.time.Duration

import static fwsh.emu.Mbox.*

class PcieSpec extends Specification {
    static final int CS = 0x08   // counter_set inside MPCNT
    def clock = EmuClock.virtual()

    EmulatedDevice device(Map<String, String> profile = [:]) {
        def b = Emulator.builder('cx6dx').personality(Transport.MLX5CTL).clock(clock).seed(3).pci('0000:3b:00.1')
        profile.each { k, v -> b.set(k, v) }
        b.build()
    }

    byte[] mpcnt(EmulatedDevice d, Map<List<Integer>, Long> fields = [:]) {
        read(d, 0x9051, 0x100, fields)
    }

    def "MPEIN: the profile's link, function count, payload sizes, power and the BDF of function 0"() {
        when:
        def out = read(device(), 0x9050, 0x30)

        then:
        status(out) == 0
        rget(out, 0x08, 23, 16) == 4          // x16 enabled
        rget(out, 0x08, 15, 0) == 0x17        // Gen1..Gen4
        rget(out, 0x0c, 23, 16) == 4          // x16 negotiated
        rget(out, 0x0c, 15, 0) == 0x10        // Gen4
        rget(out, 0x10, 31, 16) == 2
        rget(out, 0x14, 31, 16) == (0x3b << 8 | 0 << 3 | 1)
        rget(out, 0x18, 31, 28) == 2 && rget(out, 0x18, 27, 24) == 1
        rget(out, 0x1c, 31, 16) == 0x17
        rget(out, 0x1c, 11, 0) == 25
    }

    def "a degraded link is the profile's to model; another PCIe node is BAD_PARAM"() {
        when:
        def out = read(device(['pcie.widthActive': '3', 'pcie.speedActive': '0x4']), 0x9050, 0x30)

        then:
        rget(out, 0x0c, 23, 16) == 3
        rget(out, 0x0c, 15, 0) == 4
        status(read(device(), 0x9050, 0x30, [[0, 23, 16]: 1L])) == FwStatus.BAD_PARAM
        status(mpcnt(device(), [[0, 15, 8]: 2L])) == FwStatus.BAD_PARAM
    }

    def "MPCNT group 0: recovery events follow the profile's hourly rates over device time, split by cause; clr zeroes them"() {
        given:
        def d = device(['pcie.rxErrorsPerHour': '120', 'pcie.txErrorsPerHour': '60'])
        clock.advance(Duration.ofMinutes(30))

        when:
        def out = mpcnt(d)

        then: "60 rx events (30 TLP, 30 DLLP CRC), 30 tx events (15 EIEOS, 15 TS)"
        status(out) == 0
        ru64(out, CS) == 30 * 60 * 1000
        ru32(out, CS + 0x08) == 60
        ru32(out, CS + 0x0c) == 30
        ru32(out, CS + 0x24) + ru32(out, CS + 0x20) == 60
        ru32(out, CS + 0x10) + ru32(out, CS + 0x14) == 30
        ru32(out, CS + 0x18) == 0

        when:
        mpcnt(d, [[4, 31, 31]: 1L])
        clock.advance(Duration.ofMinutes(1))
        def after = mpcnt(d)

        then: "two more rx events in a minute; life time keeps counting"
        ru32(after, CS + 0x08) == 2
        ru32(after, CS + 0x0c) == 1
        ru64(after, CS) == 31 * 60 * 1000
    }

    def "a clean profile counts nothing; groups other than 0 are BAD_PARAM"() {
        given:
        def d = device()
        clock.advance(Duration.ofHours(5))

        expect:
        (0x08..<0x40).step(4).every { ru32(mpcnt(d), CS + it) == 0 }
        status(mpcnt(d, [[0, 5, 0]: 1L])) == FwStatus.BAD_PARAM
    }
}
