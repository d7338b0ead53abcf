class DeviceListSpec extends PackSpecification {
    def "device/list prints one line per device and returns the count"() {
        given: "the default emulated device (cx6dx behind mlx5ctl) and a second one behind fwctl"
        addDevice('cx6dx:fwctl')

        when:
        def r = run('device/list.groovy')

        then:
        r.lines == ["[0] ${session.devices()[0].summary()}", "[1] ${session.devices()[1].summary()}"]*.toString()
        r.lines[0].contains('emulated cx6dx (mlx5ctl)')
        r.result == 2
    }
}
