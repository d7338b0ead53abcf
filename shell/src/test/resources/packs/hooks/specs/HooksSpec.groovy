import fwsh.channel.ChannelException
import fwsh.dsl.engine.FirmwareStatusException
import fwsh.wire.UnknownFieldException

class HooksSpec extends PackSpecification {
    def "addDevice attaches an emulated device as --emulate makes it; useDevice makes it the scripts' dev"() {
        when:
        def d = useDevice(addDevice('cx7ib:fwctl', seed: 2))
        def r = run('mtu')

        then:
        session.devices()[1].is(d)
        d.info.personality == 'fwctl'
        r.lines == ["${d.name} (emulated cx7ib) oper_mtu 4096".toString()]
        eval('dev.name') == d.name
    }

    def "advance moves the time of the devices added with clock: 'virtual', and only then does traffic flow"() {
        given:
        def d = addDevice('cx6dx', clock: 'virtual', 'traffic.fcsErrorRate': '1e-4')
        def before = d.emu.traffic(1)

        when:
        def still = d.emu.traffic(1)
        advance(Duration.ofSeconds(1))
        def after = d.emu.traffic(1)

        then:
        still == before
        after.rx_frames > before.rx_frames
        after.fcs_errors > 0
        d.reg.PPCNT.read(local_port: 1, grp: 'ieee_802_3').counters.a_frames_received_ok == after.rx_frames
    }

    def "advance with no device on a virtual clock is one clear line"() {
        when:
        advance(Duration.ofSeconds(1))

        then:
        def e = thrown(FwshException)
        e.message == "advance(PT1S): no device on a virtual clock; add one with addDevice(PROFILE, clock: 'virtual')"
    }

    def "overrideAnswer: a view of the device whose register answers carry the given fields; the device itself is unchanged"() {
        when:
        def view = useDevice(overrideAnswer('PMTU', oper_mtu: 1500))
        def r = run('mtu')

        then:
        session.devices()[1].is(view)
        r.result == 1500
        r.lines == ["${device.name} (emulated cx6dx) oper_mtu 1500".toString()]
        device.reg.PMTU.read(local_port: 1).oper_mtu == 1522
        view.reg.PMTU.read(local_port: 1).admin_mtu == 1522
        view.reg.PAOS.read(local_port: 1).oper_status == device.reg.PAOS.read(local_port: 1).oper_status
    }

    def "overrideAnswer of a command's output"() {
        when:
        def view = overrideAnswer('QUERY_ADAPTER', 'query_adapter_struct.ieee_vendor_id': 0x1234)

        then:
        view.cmd.QUERY_ADAPTER().query_adapter_struct.ieee_vendor_id == 0x1234
        device.cmd.QUERY_ADAPTER().query_adapter_struct.ieee_vendor_id != 0x1234
    }

    def "failAnswer: a firmware status in the reply, or an errno instead of one"() {
        when:
        useDevice(failAnswer('PMTU', status: 'BAD_PARAM_ERR'))
        run('mtu')

        then:
        def s = thrown(FirmwareStatusException)
        s.message.startsWith('ACCESS_REG PMTU read: firmware status BAD_PARAM_ERR')

        when:
        useDevice(failAnswer('PMTU', errno: 'EIO'))
        run('mtu')

        then:
        def c = thrown(ChannelException)
        c.errnoName() == 'EIO'
        c.message.contains('PMTU: EIO (injected by the spec)')
        device.reg.PMTU.read(local_port: 1).oper_mtu == 1522
    }

    def "a misspelt register, field, status or errno fails when the spec sets it up"() {
        when:
        overrideAnswer('PMTU', oper_mut: 1500)
        then:
        thrown(UnknownFieldException)

        when:
        overrideAnswer('PMTUX', oper_mtu: 1500)
        then:
        def e = thrown(FwshException)
        e.message == "no register or command 'PMTUX' in the catalog; e.g. PMTU or QUERY_HCA_CAP"

        when:
        failAnswer('PMTU', status: 'SO_BAD')
        then:
        thrown(FwshException)

        when:
        failAnswer('PMTU', errno: 'EWHAT')
        then:
        e = thrown(FwshException)
        e.message == "unknown errno 'EWHAT'; e.g. EIO, ENODEV, ETIMEDOUT, EBUSY"

        when:
        failAnswer('PMTU', status: 'INT_ERR', errno: 'EIO')
        then:
        e = thrown(FwshException)
        e.message == "failAnswer('PMTU', status, errno): give status: NAME or errno: NAME"
        session.devices().size() == 1
    }

    def "dev.emu: remove makes the device's RPCs fail; reinsert and rediscover bring it back"() {
        given:
        def name = device.name

        when:
        device.emu.remove()
        run('mtu')

        then:
        def e = thrown(ChannelException)
        e.errnoName() == 'ENODEV'

        when:
        def gone = device
        session.detach(gone)
        gone.emu.reinsert()
        def back = session.rediscover()

        then:
        back*.name == [name]
        useDevice(back[0])
        run('mtu').lines == ["$name (emulated cx6dx) oper_mtu 1522".toString()]
    }
}
