package fwsh.scripts

class DeviceListSpec extends PackRun {
    def "device/list prints one line per device and returns the count"() {
        given:
        def s = open('cx6dx:mlx5ctl,cx6dx:fwctl')

        when:
        def r = run(s, 'device/list.groovy')

        then:
        r.out.readLines() == ["[0] ${s.devices()[0].summary()}", "[1] ${s.devices()[1].summary()}"]*.toString()
        r.out.readLines()[0].contains('emulated cx6dx (mlx5ctl)')
        r.result == 2

        cleanup:
        s.close()
    }
}
