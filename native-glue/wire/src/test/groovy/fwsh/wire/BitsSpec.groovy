package fwsh.wire

import spock.lang.Specification

class BitsSpec extends Specification {

    def "fields follow MLX5_SET: offset counted from the MSB of big-endian dwords"() {
        given: "PAOS admin_status is 0x00[11:8], ifc bit offset 20, width 4"
        byte[] buf = new byte[16]

        when:
        Bits.set(buf, 0, 20, 4, 2)

        then:
        buf[2] == (byte) 0x02
        Bits.get(buf, 0, 20, 4) == 2
        Bits.prmOffset(0, 11) == 20
    }

    def "a 64-bit counter split over two dwords reads back whole"() {
        byte[] buf = new byte[24]
        when:
        Bits.set(buf, 8, 0, 64, 0x0123456789abcdefL)
        then:
        Bits.u64(buf, 8) == 0x0123456789abcdefL
        Bits.get(buf, 8, 0, 64) == 0x0123456789abcdefL
    }

    def "random fields round-trip and leave their neighbours alone"() {
        given:
        def rnd = new Random(42)

        expect:
        1000.times {
            int width = 1 + rnd.nextInt(64)
            int off = rnd.nextInt(200)
            byte[] buf = new byte[40]
            rnd.nextBytes(buf)
            byte[] before = buf.clone()
            long v = rnd.nextLong()
            long masked = width == 64 ? v : v & ((1L << width) - 1)
            Bits.set(buf, 0, off, width, v)
            assert Bits.get(buf, 0, off, width) == masked
            // every bit outside [off, off+width) is unchanged
            for (int b = 0; b < 320; b++) {
                if (b >= off && b < off + width) continue
                assert Bits.get(buf, 0, b, 1) == Bits.get(before, 0, b, 1)
            }
        }
    }
}
