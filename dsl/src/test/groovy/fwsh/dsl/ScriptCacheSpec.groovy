package fwsh.dsl

import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors

class ScriptCacheSpec extends Specification {
    @TempDir
    Path dir

    Session session = Session.open(new SessionOptions().noHardware())

    def cleanup() {
        session.close()
    }

    private List<Path> entries() {
        Files.list(dir).withCloseable { it.toList() }
    }

    def "a script compiled once is loaded from its entry afterwards, not compiled again"() {
        given:
        def cache = new ScriptCache(dir)
        def runner = new ScriptRunner(session, cache)

        expect: 'the first run stores one entry'
        runner.run('6 * 7', 'e.groovy', []) == 42
        entries().size() == 1

        when: 'the entry is replaced by the classes of another script of the same name'
        def other = new ScriptCache(dir.resolve('other'))
        new ScriptRunner(session, other).run('"from the entry"', 'e.groovy', [])
        Files.copy(Files.list(dir.resolve('other')).findFirst().get(), entries().find { it.toString().endsWith('.classes') },
                java.nio.file.StandardCopyOption.REPLACE_EXISTING)

        then: 'a new runner runs what the entry holds: it did not compile the text'
        new ScriptRunner(session, new ScriptCache(dir)).run('6 * 7', 'e.groovy', []) == 'from the entry'
    }

    def "edited text, another name or another configuration is another entry"() {
        given:
        def cache = new ScriptCache(dir)
        def config = FwshCompiler.describe(FwshCompiler.configuration())

        expect:
        cache.key('1', 'e.groovy', config) == new ScriptCache(dir).key('1', 'e.groovy', FwshCompiler.describe(FwshCompiler.configuration()))
        cache.key('1', 'e.groovy', config) != cache.key('2', 'e.groovy', config)
        cache.key('1', 'e.groovy', config) != cache.key('1', 'f.groovy', config)
        cache.key('1', 'e.groovy', config) != cache.key('1', 'e.groovy', FwshCompiler.describe(new org.codehaus.groovy.control.CompilerConfiguration()))

        when:
        def runner = new ScriptRunner(session, cache)
        runner.run('1', 'e.groovy', [])
        runner.run('2', 'e.groovy', [])

        then:
        entries().size() == 2
    }

    def "scripts with closures and classes come back whole"() {
        given:
        def code = 'class Pt { int x }; [1, 2, 3].collect { new Pt(x: it * 2).x }.sum()'
        new ScriptRunner(session, new ScriptCache(dir)).run(code, 'c.groovy', [])

        expect:
        new ScriptRunner(session, new ScriptCache(dir)).run(code, 'c.groovy', []) == 12
    }

    def "a damaged entry is ignored and written again"() {
        given:
        new ScriptRunner(session, new ScriptCache(dir)).run('args.size()', 'e.groovy', ['a'])
        Path entry = entries()[0]
        byte[] good = Files.readAllBytes(entry)
        Files.write(entry, damage(good))

        expect:
        new ScriptRunner(session, new ScriptCache(dir)).run('args.size()', 'e.groovy', ['a', 'b']) == 2
        Files.readAllBytes(entry) == good

        where:
        damage << [{ byte[] b -> new byte[0] }, { byte[] b -> Arrays.copyOf(b, b.length.intdiv(2)) },
                   { byte[] b -> b.clone().tap { it[0] = 0 } }, { byte[] b -> (b as List<Byte>).plus(7 as byte) as byte[] },
                   { byte[] b -> b.clone().tap { it[b.length - 20] ^= 0x55 } }]
    }

    def "a script that does not compile fails as it does without a cache, and stores nothing"() {
        given:
        def uncached = thrown(session, null)
        def cached = thrown(session, new ScriptCache(dir))

        expect:
        uncached.getClass() == cached.getClass()
        uncached.message == cached.message
        !Files.exists(dir) || entries().isEmpty()
    }

    private static Throwable thrown(Session session, ScriptCache cache) {
        try {
            new ScriptRunner(session, cache).run('def x = (', 'bad.groovy', [])
            return null
        } catch (Throwable t) {
            return t
        }
    }

    def "runs at the same time on a new script all get it; one whole entry remains"() {
        given:
        def pool = Executors.newFixedThreadPool(8)
        def start = new CountDownLatch(1)
        def results = (1..8).collect { i ->
            pool.submit({
                start.await()
                def s = Session.open(new SessionOptions().noHardware())
                try {
                    new ScriptRunner(s, new ScriptCache(dir)).run('args[0].toInteger() * 3', 'p.groovy', ["$i".toString()])
                } finally {
                    s.close()
                }
            } as java.util.concurrent.Callable)
        }

        when:
        start.countDown()
        def values = results*.get()

        then:
        values == (1..8).collect { it * 3 }
        entries().size() == 1
        entries()[0].toString().endsWith('.classes')
        ScriptCache.read(entries()[0]) != null

        cleanup:
        pool.shutdown()
    }

    def "the user's cache follows FWSH_CACHE_DIR, then XDG_CACHE_HOME, and is off with FWSH_NO_SCRIPT_CACHE=1"() {
        expect:
        ScriptCache.user([FWSH_NO_SCRIPT_CACHE: '1', XDG_CACHE_HOME: '/c']) == null
        ScriptCache.user([FWSH_CACHE_DIR: '/own', XDG_CACHE_HOME: '/c']).dir == Path.of('/own', 'scripts')
        ScriptCache.user([XDG_CACHE_HOME: '/c']).dir == Path.of('/c', 'fwsh', 'scripts')
        ScriptCache.user([:]).dir == Path.of(System.getProperty('user.home'), '.cache', 'fwsh', 'scripts')
    }

    def "the key a cached run computes without building the compiler is the standard configuration's"() {
        expect: 'a customizer added to FwshCompiler.configuration() must be named in standardDescription() too'
        FwshCompiler.standardDescription() == FwshCompiler.describe(FwshCompiler.configuration())
        FwshCompiler.standardDescription() != FwshCompiler.describe(new org.codehaus.groovy.control.CompilerConfiguration())
    }
}
