package fwsh.scripts

import fwsh.dsl.ScriptRunner
import fwsh.dsl.Session
import fwsh.dsl.SessionOptions
import spock.lang.Shared
import spock.lang.Specification

class PackCompilesSpec extends Specification {
    @Shared Session session = Session.open(new SessionOptions().noHardware())
    @Shared ScriptRunner runner = new ScriptRunner(session)

    static List<String> scripts() {
        def root = PackCompilesSpec.getResource('/fwsh-pack')
        def dir = new File(root.toURI())
        def found = []
        dir.eachFileRecurse { if (it.name.endsWith('.groovy')) found << dir.toPath().relativize(it.toPath()).toString() }
        found.sort()
    }

    def "the pack has scripts"() {
        expect:
        scripts().contains('device/list.groovy')
    }

    def "#name compiles with the shared configuration"() {
        expect:
        runner.shell().parse(getClass().getResource("/fwsh-pack/$name").text, name) != null

        where:
        name << scripts()
    }

    def cleanupSpec() {
        session.close()
    }
}
