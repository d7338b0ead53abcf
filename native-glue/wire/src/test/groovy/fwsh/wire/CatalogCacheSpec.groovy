package fwsh.wire

import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.FileTime

import static fwsh.wire.CatalogImageSpec.canon

/** An installed system catalog (mstflint's ADB) is imported once and kept in the user's cache. */
class CatalogCacheSpec extends Specification {
    @TempDir Path dir
    Path adb
    Path cache
    String noSystem

    def setup() {
        noSystem = System.clearProperty(CatalogLoader.PROP_NO_SYSTEM)
        adb = dir.resolve('register_access_table.adb')
        Files.copy(Path.of(getClass().getResource('/wire/fixture.adb').toURI()), adb)
        cache = dir.resolve('cache')
    }

    def cleanup() {
        if (noSystem != null) System.setProperty(CatalogLoader.PROP_NO_SYSTEM, noSystem)
    }

    Catalog load(Map<String, String> env = [:]) {
        new CatalogLoader([FWSH_CACHE_DIR: cache.toString()] + env, adb).load()
    }

    Path entry() {
        cache.resolve('catalog/system.bin')
    }

    /** The file's bytes replaced by garbage of the same size and time: only a cache can still give its layouts. */
    void garble(Path p) {
        FileTime t = Files.getLastModifiedTime(p)
        Files.write(p, new byte[Files.size(p)])
        Files.setLastModifiedTime(p, t)
    }

    def "the first run imports and stores; later runs read the entry instead of importing"() {
        given:
        def imported = new CatalogLoader([:], adb).load(Catalog.builtin())

        when:
        def first = load()

        then:
        Files.isRegularFile(entry())
        canon(first.source()) == canon(imported.source())
        first.layoutNames().size() > Catalog.builtin().layoutNames().size()

        when: 'the file cannot be imported any more, but its size and time are unchanged'
        garble(adb)

        then:
        canon(load().source()) == canon(imported.source())
    }

    def "a changed system file is imported again"() {
        given:
        load()
        garble(adb)
        Files.setLastModifiedTime(adb, FileTime.fromMillis(Files.getLastModifiedTime(adb).toMillis() + 2000))

        when:
        def again = load()

        then: 'the garbled file was read: it is skipped with a note, as without a cache'
        again.notes().any { it.contains('register_access_table.adb skipped') }
        again.layoutNames().size() == Catalog.builtin().layoutNames().size()
    }

    def "a damaged entry is imported again and replaced"() {
        given:
        def good = load()
        byte[] stored = Files.readAllBytes(entry())
        Files.write(entry(), Arrays.copyOf(stored, stored.length).tap { it[it.length - 3] ^= 0x20 })

        expect:
        canon(load().source()) == canon(good.source())
        Files.readAllBytes(entry()) == stored
    }

    def "with the user's own catalog files nothing is cached: they are read every run"() {
        given:
        Path mine = Files.createDirectory(dir.resolve('mine'))
        Files.writeString(mine.resolve('x.prm'), 'layout thing_x\n  32 x\nend\n')

        when:
        def c = load([(CatalogLoader.ENV_PATH): mine.toString()])

        then:
        c.layoutNames().contains('thing_x')
        !Files.exists(entry())
    }
}
