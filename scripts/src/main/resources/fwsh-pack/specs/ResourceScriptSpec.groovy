import fwsh.dsl.dump.ResourceDumpException

class ResourceScriptSpec extends PackSpecification {
    def "without --segment the menu is printed"() {
        when:
        def r = run('dump/resource.groovy')
        def lines = r.lines

        then:
        lines[0] == "resource dump menu of ${session.devices()[0].name} (${session.devices()[0].source}): 45 segments"
        lines.contains('0x1000  FULL_QPC         QPN                index1 num1:all/active')
        lines.contains('0x1001  SND_BUFF         QPN/WQEBB          index1 index2 num1:all/active num2:all')
        r.result.size() == 45
    }

    def "a segment by name and index, inline and through umem, prints INFO, COMMAND, the resource hexdump and TERMINATE"() {
        when:
        def r = run('dump/resource.groovy', ['--segment', 'FULL_QPC', '--index1', '0x100'] + extra)
        def lines = r.lines

        then:
        lines[0] == "ResourceDump(FULL_QPC (0x1000) index1=0x100: 1 resource segment(s), 120 bytes in 1 $mode round(s))"
        lines[1] == 'INFO(0xfffe dump_version=1 hw_version=0x212 fw_version=0x162703ea)'
        lines[2] == 'COMMAND(0xfffa segment_called=0x1000 vhca_id=0 index1=0x100 index2=0x0 num_of_obj1=0 num_of_obj2=0)'
        lines[3] == 'FULL_QPC(0x1000 index1=0x100 index2=0x0 payload=64B)'
        lines[4].startsWith('00000000  00 00 01 00 ')
        lines.last() == 'TERMINATE(0xfffb)'
        session.journal().entries()*.command == journaled

        where:
        extra      | mode     | journaled
        []         | 'inline' | []
        ['--umem'] | 'mkey'   | ['ALLOC_PD', 'CREATE_MKEY', 'DESTROY_MKEY', 'DEALLOC_PD']
    }

    def "a device ERROR segment is one line; bad arguments give the usage"() {
        when:
        run('dump/resource.groovy', '--segment', '0x1000', '--index1', '5')

        then:
        def e = thrown(ResourceDumpException)
        e.message == 'RESOURCE_DUMP FULL_QPC (0x1000) index1=0x5: device error 0x2: object 5 not found'

        when:
        def u = run('dump/resource.groovy', '--index1', '5')

        then:
        u.exitCode == 2
        u.err == 'dump/resource.groovy: --index/--num need --segment; try dump/resource.groovy --help\n'
    }
}
