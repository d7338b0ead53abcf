package fwsh.channel

import spock.lang.Specification

class FwctlPolicySpec extends Specification {

    def "ACCESS_REG writes are allowed at configuration scope, reads need debug-read-only"() {
        expect:
        FwctlPolicy.allows(Opcode.ACCESS_REG, 0, Scope.CONFIGURATION)
        !FwctlPolicy.allows(Opcode.ACCESS_REG, 1, Scope.CONFIGURATION)
        FwctlPolicy.allows(Opcode.ACCESS_REG, 1, Scope.DEBUG_READ_ONLY)
    }

    def "minimum scopes from the driver table"() {
        expect:
        FwctlPolicy.minScope(op, 0) == Optional.ofNullable(scope)

        where:
        op                               | scope
        Opcode.QUERY_HCA_CAP             | Scope.CONFIGURATION
        Opcode.QUERY_ISSI                | Scope.DEBUG_READ_ONLY
        Opcode.QUERY_VPORT_COUNTER       | Scope.DEBUG_READ_ONLY
        Opcode.QUERY_DIAGNOSTIC_COUNTERS | Scope.DEBUG_READ_ONLY
        Opcode.SET_DIAGNOSTIC_PARAMS     | Scope.DEBUG_WRITE
        Opcode.CREATE_MKEY               | null
        Opcode.ALLOC_PD                  | null
        Opcode.CREATE_UMEM               | null
    }

    def "scope labels parse in every spelling"() {
        expect:
        Scope.parse('debug-write') == Scope.DEBUG_WRITE
        Scope.parse('DEBUG_READ_ONLY') == Scope.DEBUG_READ_ONLY
        Scope.parse('3') == Scope.DEBUG_WRITE_FULL

        when:
        Scope.parse('root')
        then:
        def e = thrown(fwsh.base.ArgumentException)
        e.message.contains('debug-read-only')
    }
}
