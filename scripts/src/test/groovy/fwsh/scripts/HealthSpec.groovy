package fwsh.scripts

import fwsh.channel.Scope
import fwsh.dsl.FwshException

class HealthSpec extends PackRun {
    def "a healthy emulated port: state, speed from eth_proto_oper bits, MTU, PHY state, FEC, counters and OK"() {
        given:
        def s = open()

        when:
        def r = run(s, 'link/health.groovy', ['--port', '1'])
        def lines = r.out.readLines()

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
        r.binding.getVariable('exitCode') == 0

        cleanup:
        s.close()
    }

    def "PAOS admin down after a write makes the verdict DOWN with exit code 4"() {
        given:
        def s = open('cx6dx:mlx5ctl', Scope.CONFIGURATION)
        eval(s, "withScope('configuration') { dev.reg.PAOS.write([local_port: 1, admin_status: 2, ase: 1]) }")

        when:
        def r = run(s, 'link/health.groovy')

        then:
        r.out.readLines().contains('  state        down (admin down)')
        r.out.readLines().last() == 'link health: DOWN (oper_status down, admin_status down; link_down_events 1)'
        r.result == 4
        r.binding.getVariable('exitCode') == 4

        cleanup:
        s.close()
    }

    def "an MTU that did not take effect is DEGRADED with exit code 1"() {
        given:
        def s = open()
        // Only the health check's view changes: PMTU answers with oper_mtu below admin_mtu.
        def tap = new MtuTap(s.devices()[0].rawChannel())
        def d = s.attach(tap)

        when:
        def r = run(s, 'link/health.groovy', ['--device', '1'])

        then:
        r.out.readLines().last() == 'link health: DEGRADED (oper_mtu 1500 != admin_mtu 1522)'
        r.result == 3

        cleanup:
        s.close()
    }

    def "bad arguments and a missing port are one clear line"() {
        given:
        def s = open()

        when:
        run(s, 'link/health.groovy', args)

        then:
        def e = thrown(FwshException)
        e.message.startsWith(text)

        cleanup:
        s.close()

        where:
        args            | text
        ['--port']      | "link/health.groovy: bad argument '--port' (needs a port number >= 1); usage: link/health.groovy [--port N] [--device SEL]"
        ['--port', 'x'] | "link/health.groovy: bad argument '--port' (needs a port number >= 1)"
        ['--speed']     | "link/health.groovy: bad argument '--speed'; usage"
        ['--port', '9'] | 'link/health.groovy: emu'
    }

    /** Rewrites PMTU replies so oper_mtu reads 1500. */
    static class MtuTap implements fwsh.channel.Channel {
        final fwsh.channel.Channel inner
        MtuTap(fwsh.channel.Channel inner) { this.inner = inner }
        fwsh.channel.DeviceInfo info() { inner.info() }
        byte[] rpc(fwsh.channel.Scope scope, byte[] input, int outLen) {
            byte[] out = inner.rpc(scope, input, outLen)
            if (fwsh.channel.Mailbox.opcode(input) == 0x805 && fwsh.wire.Bits.get(input, 0, 80, 16) == 0x5003) {
                fwsh.wire.Bits.set(out, 16, 0x0c * 8, 16, 1500)
            }
            out
        }
        boolean supportsUmem() { inner.supportsUmem() }
        fwsh.channel.Umem registerUmem(long size) { inner.registerUmem(size) }
        void close() { inner.close() }
    }
}
