package fwsh.wire

import spock.lang.Requires
import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Path

/**
 * The importers against each other, on the real files .ci/run installs (mstflint's register database and Debian's
 * kernel headers): a register both describe must come out with the same offsets, whoever wrote the file.
 */
class GroundTruthSpec extends Specification {
    static Path adbFile() {
        def p = Files.isRegularFile(CatalogLoader.MSTFLINT_ADB) ? CatalogLoader.MSTFLINT_ADB : null
        if (p == null) println 'skipping the ADB ground truth: install mstflint (register_access_table.adb)'
        p
    }

    static Path header() {
        WireImportSpec.realHeader()
    }

    /**
     * Fields whose offsets may differ, and why. A later PRM widened a field into its reserved neighbour bits (the
     * field keeps its least significant bit: only width and start move), or the kernel declares a variable-length
     * tail where the ADB gives the register's fixed maximum, or both have a tail and count it in different units.
     * Anything else is a placement bug.
     */
    static String explain(List adb, List ifc) {
        int adbEnd = adb[0] + adb[1]
        int ifcEnd = ifc[0] + ifc[1]
        if (adb[1] != ifc[1] && adbEnd == ifcEnd) return 'widened into reserved bits in one PRM revision (same LSB)'
        if (adb[0] != ifc[0]) return null
        if (adb[1] == 0 && ifc[1] == 0) return "a variable-length tail of ${adb[2]}-bit elements in the ADB, ${ifc[2]}-bit in mlx5_ifc.h"
        if (adb[1] == 0 || ifc[1] == 0) return 'a variable-length tail in one file, its fixed maximum in the other'
        null
    }

    /** Leaf fields by path (union members by name, "_ext" dropped as the ADB adds it): [bit offset, bits, element bits]. */
    static Map<String, List> leaves(Layout l, String prefix = '', int base = 0, Map<String, List> out = [:]) {
        l.namedFields().each { f ->
            String n = prefix + f.name().replaceAll(/_ext$/, '')
            if (f.kind() == Field.Kind.STRUCT && f.layout() != null) leaves(f.layout(), n + '.', base + f.bitOffset(), out)
            else out[n] = [base + f.bitOffset(), f.bitWidth(), f.kind() == Field.Kind.ARRAY ? f.elementBits() : f.bitWidth()]
        }
        out
    }

    @Requires({ GroundTruthSpec.adbFile() != null })
    def "mstflint's installed ADB: arrays of bytes start where the PRM says (MGIR psid at 0x30, MQIS info_string at 0x10)"() {
        when:
        def c = AdbImporter.parse(adbFile())

        then:
        c.register('MGIR').layout().field('fw_info.psid').byteOffset() == 0x30
        c.register('MGIR').layout().field('fw_info.psid[15]').byteOffset() == 0x3f
        c.register('MQIS').layout().field('info_string').byteOffset() == 0x10
        c.notes().findAll { it.contains('skipped layout') }.isEmpty()
    }

    @Requires({ GroundTruthSpec.adbFile() != null && GroundTruthSpec.header() != null && Files.isRegularFile(GroundTruthSpec.header()) })
    def "every register in both the installed ADB and the kernel's mlx5_ifc.h has the same field offsets, or an explained difference"() {
        given:
        def adb = AdbImporter.parse(adbFile())
        def ifc = Mlx5IfcImporter.parse(header())

        when:
        int registers = 0
        int agree = 0
        List<String> explained = []
        List<String> unexplained = []
        adb.registers().each { r ->
            String n = r.name().toLowerCase(Locale.ROOT)
            String k = [n + '_reg', n, n + '_register'].find { ifc.findLayout(it).isPresent() }
            if (k == null) return
            registers++
            Map<String, List> a = leaves(r.layout())
            Map<String, List> b = leaves(ifc.layout(k))
            a.each { path, v ->
                if (!b.containsKey(path)) return
                if (b[path] == v) { agree++; return }
                String why = explain(v, b[path])
                (why ? explained : unexplained) << "${r.name()} ($k) $path: ADB bit 0x${Integer.toHexString(v[0])} width ${v[1]}, mlx5_ifc.h bit 0x${Integer.toHexString(b[path][0])} width ${b[path][1]}${why ? ' — ' + why : ''}".toString()
            }
        }
        println "ADB vs mlx5_ifc.h: $registers registers, $agree fields agree; differences:\n  " + explained.join('\n  ')

        then:
        registers >= 40
        agree >= 300
        unexplained == []
    }
}
