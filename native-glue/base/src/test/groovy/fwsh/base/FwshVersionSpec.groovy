package fwsh.base

import spock.lang.Specification

class FwshVersionSpec extends Specification {
    def "the build fills in the project version"() {
        expect:
        FwshVersion.get() ==~ /\d+\.\d+\.\d+.*/
    }
}
