package fwsh.dsl

import fwsh.wire.Mlx5IfcImporter
import spock.lang.Specification

class CatalogSourceSpec extends Specification {
    def "layouts a header cannot resolve are one line per file; other notes stay as they are"() {
        given: "a header whose two structs use layouts it does not define, like mlx5_ifc.h and its fpga header"
        def header = '''
struct mlx5_ifc_good_bits {
\tu8         a[0x20];
};
struct mlx5_ifc_uses_fpga_bits {
\tstruct mlx5_ifc_fpga_cap_bits fpga_cap;
};
struct mlx5_ifc_uses_fpga_too_bits {
\tstruct mlx5_ifc_fpga_access_reg_bits reg;
};
'''
        def notes = Mlx5IfcImporter.parse(header, 'lab_ifc.h').notes()

        when:
        def shown = CatalogSource.summarize(notes + ['layout paos_reg from user.prm replaces the one from built-in'])

        then:
        notes.count { it.contains('cannot be resolved yet') } == 2
        shown == ['layout paos_reg from user.prm replaces the one from built-in',
                  'lab_ifc.h: 2 layouts skipped, they use layouts no catalog file defines: uses_fpga, uses_fpga_too']
    }

    def "a single unresolved layout keeps its full note"() {
        given:
        def note = 'x.h: lonely cannot be resolved yet: x.h:3: lonely.f: no layout \'nowhere\''

        expect:
        CatalogSource.summarize([note]) == [note]
    }
}
