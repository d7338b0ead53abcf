package fwsh.dsl.nv

import fwsh.channel.Scope
import fwsh.dsl.ScriptRunner
import fwsh.dsl.Session
import fwsh.dsl.SessionOptions
import fwsh.emu.Emulator
import fwsh.nv.NvDatabase
import fwsh.nv.NvDatabases
import fwsh.nv.NvException
import fwsh.nv.NvItem
import fwsh.nv.NvValue
import fwsh.nv.ParamType
import spock.lang.Requires
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

/**
 * Every parameter of the installed mstflint database on an emulated device that supports every item of it (defaults:
 * every byte 0xff, so the capability bits the dependencies name are set): written for the next boot, read back
 * equal, reset to the default. .ci/run installs mstflint; without it there is nothing to test against.
 */
@Requires(value = { NvDatabases.installed() != null }, reason = "mstflint's mlxconfig_dbs/mlxconfig_host.db is not installed (apt-get install mstflint)")
class NvRoundTripSpec extends Specification {
    @Shared NvDatabase db = NvDatabases.installed() == null ? null : NvDatabases.open(NvDatabases.installed())
    @TempDir Path tmp

    Session session() {
        def s = Session.open(new SessionOptions().noHardware().ceiling(Scope.CONFIGURATION).journal(tmp.resolve('j.jsonl')))
        s.attach(Emulator.builder('cx7').nvItems(db.tlvs(), 0xff).build())
        s.binding().setVariable('out', new StringWriter())
        s
    }

    /** A value other than {@code now} that the parameter can hold. */
    static List<Object> candidates(fwsh.nv.ParamDef d, Object now) {
        switch (d.type()) {
            case ParamType.STRING: return ['fwsh', 'x']
            case ParamType.BYTES: return ['01020304' + '00' * (d.arrayLength() - 4)]
        }
        if (d.isArray()) return [(0..<d.arrayLength()).collect { i -> (now[i] as long) == 1 ? 2 : 1 }, (0..<d.arrayLength()).collect { 0 }]
        if (d.type() == ParamType.BOOL) return [now == 0 ? 1 : 0]
        if (d.type() == ParamType.ENUM) return d.enums().values().findAll { it != (now as long) }.toList()
        long max = d.bits() >= 63 ? Long.MAX_VALUE : (1L << d.bits()) - 1
        def nums = [d.minVal()?.isLong() ? d.minVal() as long : null, 1L, 0L, 2L, 8L, max].findAll { it != null && it != (now as long) && it <= max }
        nums.unique()
    }

    def "every parameter with an mlxconfig name: set for the next boot, read back equal, reset to the default"() {
        given:
        def s = session()
        def nv = s.devices().last().nv
        nv.database(NvDatabases.installed().toString())
        def runner = new ScriptRunner(s)
        def named = db.parameters(1)
        def done = [], refused = [:]

        when:
        def conf = { Closure c -> s.scopes().with(fwsh.dsl.engine.Privilege.CONFIGURATION, c) }
        named.each { p ->
            def helpers = []
            def row
            try {
                row = nv.param(p.name())
            } catch (NvException unmet) {
                // a dependency on another configuration value ($item.param==N): set that first, as a user would
                (p.def().dependency() =~ /\$(\w+)\.(\w+)\s*==\s*(\d+)/).each { all, item, param, n ->
                    def d = db.tlv(item)?.param(param)
                    if (d?.mlxconfigName() && !db.tlv(item).cap) {
                        def name = d.mlxconfigName() + (db.tlv(item).perPort() ? '_P1' : '')
                        conf { nv.set([(name): n as long]) }
                        helpers << name
                    }
                }
                try { row = nv.param(p.name()) } catch (NvException still) { refused[p.name()] = still.message; return }
            }
            Object chosen = null
            String why = null
            for (c in candidates(p.def(), row.next())) {
                try {
                    nv.set([(p.name()): c, dryRun: true])
                    chosen = c
                    break
                } catch (NvException e) {
                    why = e.message
                }
            }
            if (chosen == null) { refused[p.name()] = why; return }
            s.scopes().with(fwsh.dsl.engine.Privilege.CONFIGURATION) { nv.set([(p.name()): chosen]) }
            def back = nv.get(p.name())
            assert NvText.same(p.def().parse(chosen), back): "$p.name: wrote $chosen, read back $back"
            s.scopes().with(fwsh.dsl.engine.Privilege.CONFIGURATION) { nv.reset(p.name()) }
            assert NvText.same(nv.get(p.name()), row.defaultValue()): "$p.name: reset gave ${nv.get(p.name())}, default ${row.defaultValue()}"
            done << p.name()
            helpers.each { h -> conf { nv.reset(h) } }
        }
        refused.each { k, v -> println "refused by the database's own limits: $k: $v" }

        then: 'only parameters whose database expressions cannot hold on any device are refused, with the reason'
        done.size() + refused.size() == named.size()
        done.size() >= named.size() * 0.9
        refused.values().every { it =~ /cannot be checked|breaks? the rule|above the maximum|below the minimum|dependency/ }

        cleanup:
        s?.close()
    }

    def "every parameter of every item: encoded into the item, written with MNVDA, read back equal, MNVDI gives the default"() {
        given:
        def s = session()
        def dev = s.devices().last()
        def regs = new NvRegisters(dev)
        int checked = 0, capabilities = 0
        def tooBig = db.tlvs().findAll { !it.fitsMnvda() }*.name

        when:
        db.tlvs().findAll { it.fitsMnvda() }.each { t ->
            def item = NvDatabase.items(t, 1)[0]
            byte[] factory = regs.read(item, NvRegisters.FACTORY).data()
            t.params().each { p ->
                if (t.cap) {                          // read-only: what the device reports decodes
                    assert p.decode(factory) != null
                    capabilities++
                    return
                }
                def now = p.decode(factory)
                def value = candidates(p, now).find { c -> try { p.parse(c); true } catch (NvException e) { false } }
                byte[] data = factory.clone()
                p.encode(data, value)
                s.scopes().with(fwsh.dsl.engine.Privilege.CONFIGURATION) { regs.write(item, data, [item: t.name], null) }
                def back = p.decode(regs.read(item, NvRegisters.NEXT).data())
                assert NvText.same(p.parse(value), back): "$t.name.$p.name: wrote $value, read back $back"
                s.scopes().with(fwsh.dsl.engine.Privilege.CONFIGURATION) { regs.invalidate(item, [item: t.name], null) }
                assert NvText.same(p.decode(regs.read(item, NvRegisters.NEXT).data()), now)
                checked++
            }
        }

        then:
        checked + capabilities + db.tlvs().findAll { !it.fitsMnvda() }.sum { it.params().size() } == db.parameterCount()
        tooBig.every { it.startsWith('file_') }        // File items over MNVDA's 256 data bytes

        cleanup:
        s?.close()
    }
}
