import fwsh.channel.Channel
import fwsh.channel.DeviceInfo
import fwsh.channel.Mailbox
import fwsh.channel.Umem
import fwsh.wire.Bits

class HealthSpec extends PackSpecification {
    def "a healthy emulated port: state, speed from eth_proto_oper bits, MTU, PHY state, FEC, counters and OK"() {
        when:
        def r = run('link/health.groovy', '--port', '1')
        def lines = r.lines

        then:
        lines.contains('  state        up (admin up)')
        lines.contains('  speed        100G (100GAUI_2), data rate 100 Gb/s')
        lines.contains('  mtu          1522 (admin 1522, max 9978)')
        lines.contains('  phy state    active')
        lines.contains('  fec          rs_fec_528_514')
        lines.any { it ==~ /  counters     symbol_errors 0, fec corrected \d+, fec uncorrectable 0, link_down_events 0, .*/ }
        lines.any { it ==~ /  module temp  \d+\.\d C \(module 0, threshold 105\.0 C\)/ }
        lines.last() == 'link health: OK'
        r.result == 0
        session.binding().getVariable('exitCode') == 0       // set by the script, not defaulted
        r.exitCode == 0
    }

    @Requires({ PackSpecification.granted('configuration') })
    def "PAOS admin down after a write makes the verdict DOWN with exit code 4"() {
        given:
        eval("withScope('configuration') { dev.reg.PAOS.write([local_port: 1, admin_status: 2, ase: 1]) }")

        when:
        def r = run('link/health.groovy')

        then:
        r.lines.contains('  state        down (admin down)')
        r.lines.last() == 'link health: DOWN (oper_status down, admin_status down; link_down_events 1)'
        r.result == 4
        session.binding().getVariable('exitCode') == 4
        r.exitCode == 4
    }

    def "an MTU that did not take effect is DEGRADED with exit code 3"() {
        given:
        // Only the health check's view changes: PMTU answers with oper_mtu below admin_mtu.
        session.attach(new MtuTap(session.devices()[0].rawChannel()))

        when:
        def r = run('link/health.groovy', '--device', '1')

        then:
        r.lines.last() == 'link health: DEGRADED (oper_mtu 1500 != admin_mtu 1522)'
        r.result == 3
        r.exitCode == 3
    }

    def "bad arguments and a missing port are one clear line"() {
        when:
        run('link/health.groovy', args)

        then:
        def e = thrown(FwshException)
        e.message.startsWith(text)

        where:
        args            | text
        ['--port']      | "link/health.groovy: bad argument '--port' (needs a port number >= 1); usage: link/health.groovy [--port N] [--device SEL]"
        ['--port', 'x'] | "link/health.groovy: bad argument '--port' (needs a port number >= 1)"
        ['--speed']     | "link/health.groovy: bad argument '--speed'; usage"
        ['--port', '9'] | 'link/health.groovy: emu'
    }

    /** Rewrites PMTU replies so oper_mtu reads 1500. */
    static class MtuTap implements Channel {
        final Channel inner
        MtuTap(Channel inner) { this.inner = inner }
        DeviceInfo info() { inner.info() }
        byte[] rpc(Scope scope, byte[] input, int outLen) {
            byte[] out = inner.rpc(scope, input, outLen)
            if (Mailbox.opcode(input) == 0x805 && Bits.get(input, 0, 80, 16) == 0x5003) {
                Bits.set(out, 16, 0x0c * 8, 16, 1500)
            }
            out
        }
        boolean supportsUmem() { inner.supportsUmem() }
        Umem registerUmem(long size) { inner.registerUmem(size) }
        void close() { inner.close() }
    }
}
