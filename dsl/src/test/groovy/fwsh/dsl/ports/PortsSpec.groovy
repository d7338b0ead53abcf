package fwsh.dsl.ports

import fwsh.base.FwshException
import fwsh.channel.Scope
import fwsh.dsl.ScriptRunner
import fwsh.dsl.Session
import fwsh.dsl.SessionOptions
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

/** dev.ports lists the device's ports with their names, protocol, state, speed, link modes, MTU and module. */
class PortsSpec extends Specification {
    @TempDir Path tmp
    Session s

    def cleanup() {
        s?.close()
    }

    Object run(String emulate, String code, Scope ceiling = Scope.DEBUG_READ_ONLY) {
        if (s == null) s = Session.open(new SessionOptions().noHardware().ceiling(ceiling).journal(tmp.resolve('j.jsonl')).emulate(emulate))
        new ScriptRunner(s).run(code, 'ports.groovy', [])
    }

    def "an Ethernet device: one entry per port the function addresses, as many as its num_ports capability"() {
        when:
        List ports = run('cx6dx:mlx5ctl', 'dev.ports')

        then:
        ports.size() == 2
        run('cx6dx:mlx5ctl', 'dev.cap.general.num_ports') == 2
        ports*.localPort == [1, 2]
        String name = s.devices()[0].name
        ports*.netdev == ["${name}p0", "${name}p1"]*.toString()
        ports*.label == ports*.netdev
        ports*.rdma == ["mlx5_$name/1", "mlx5_$name/2"]*.toString()
        ports.every { it.protocol == 'eth' && it.state == 'up' && it.state == 1 && it.adminState == 'up' }
        ports*.speed == ['100G', '100G']
        ports*.speedMbps == [100_000L, 100_000L]
        ports*.linkModes == [['100GAUI_2'], ['100GAUI_2']]
        ports[0].supportedLinkModes.containsAll(['CAUI_4', '100GAUI_2', '100GBASE_CR4', '25GBASE_SR'])
        ports[0].enabledLinkModes == ports[0].supportedLinkModes
        ports*.mtu == [1522, 1522]
        ports*.module*.number == [0, 1]
        ports[0].module.subMap(['type', 'vendor', 'pn', 'sn']) == [type: 'QSFP28', vendor: 'NVIDIA', pn: 'MCP1600-C001E30N', sn: 'MT2231VS01234']
        ports[0].toString() == "port 1 ${ports[0].label}: eth up 100G (100GAUI_2)"
        ports[1].toMap().keySet() as List == ['local_port', 'label', 'protocol', 'netdev', 'state', 'speed', 'link_modes', 'mtu', 'module']
        run('cx6dx:mlx5ctl', 'dev.port(2).localPort') == 2
    }

    def "an InfiniBand device: protocol ib, the IB speed and width"() {
        when:
        List ports = run('cx7ib:mlx5ctl', 'dev.ports')

        then:
        ports.size() == 1
        ports[0].protocol == 'ib'
        ports[0].speed == 'NDR 4x (400 Gb/s)'
        ports[0].speedMbps == 400_000L
        ports[0].linkModes == ['NDR 4x']
        ports[0].supportedLinkModes == ['SDR', 'QDR', 'FDR', 'EDR', 'HDR', 'NDR']
        ports[0].module.subMap(['type', 'pn']) == [type: 'OSFP', pn: 'MMA4Z00-NS400']
        ports[0].toString() == "port 1 ${ports[0].label}: ib up NDR 4x (400 Gb/s)"
    }

    def "state and speed are read when asked: a port taken down says so"() {
        when:
        run('cx6dx:mlx5ctl', "withScope('configuration') { dev.reg.PAOS.write(local_port: 2, admin_status: 'down', ase: 1) }", Scope.CONFIGURATION)
        def p = run('cx6dx:mlx5ctl', 'dev.port(2)')

        then:
        p.state == 'down'
        p.adminState == 'down'
        p.speed == 'no link'
        p.linkModes == []
        run('cx6dx:mlx5ctl', 'dev.port(1).state') == 'up'
    }

    def "a PTYS value names its link modes, so scripts need no mode tables"() {
        when:
        def eth = run('cx6dx:mlx5ctl', "dev.reg.PTYS.read(local_port: 1)")

        then:
        eth.ethOperModes == ['100GAUI_2']
        eth.ethCapabilityModes.contains('50GBASE_KR2')
        eth.ethAdminModes == eth.ethCapabilityModes
        eth.speed == '100G'
        !eth.infiniband

        when:
        s.close()
        s = null
        def ib = run('cx7ib:mlx5ctl', "dev.reg.PTYS.read(local_port: 1)")

        then:
        ib.infiniband
        ib.ibOperSpeed == 'NDR'
        ib.ibOperWidth == '4x'
        ib.ibCapabilityWidths == ['1x', '2x', '4x']
        ib.ethOperModes == []
    }

    def "a port number the device lacks is one clear line"() {
        when:
        run('cx7:mlx5ctl', 'dev.port(2)')

        then:
        def e = thrown(FwshException)
        e.message == 'no port 2; this device has local ports 1..1'
    }
}
