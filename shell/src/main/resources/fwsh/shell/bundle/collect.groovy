// fwsh bundle's collection of one device, in DSL terms only: a map of phase name to a closure { Device d, BundleSink b }
// that reads through the DSL (so every RPC goes through the session's ceiling, journal and recording) and hands
// what it read to b. BundleRun runs the phases in this order, each in its own time bound; an error that ends a
// phase is BundleRun's business, what a device does not offer is b.skip(what, why).

import fwsh.dsl.dump.ResourceDump
import fwsh.dsl.engine.RpcRequest

def plain
plain = { v -> v instanceof byte[] ? '0x' + v.encodeHex().toString() : v instanceof Map ? v.collectEntries { k, x -> [k, plain(x)] } :
        v instanceof List ? v.collect { plain(it) } : v }
// The reason a read was refused: the exception's one line names the firmware status (BAD_PARAM_ERR …) or errno.
def why = { Throwable e -> e.message ?: e.class.simpleName }

[
    identity: { d, b ->
        b.json('identity.json', [device: d.info + d.source.toMap(), firmware: d.firmwareIdentity(),
                                 ports: d.ports.collect { it.toMap() }, discovery: session.banner()])
    },

    capabilities: { d, b ->
        def caps = [:]
        for (type in d.cap.list()) {
            try {
                def set = d.cap[type]
                caps[type] = [current: plain(set.toMap()), max: plain(set.max.toMap())]
            } catch (FwshException e) {
                b.skip("capabilities/$type", why(e))
            }
        }
        b.json('capabilities.json', caps)
    },

    registers: { d, b ->
        // Every register of the catalog at its first instance of each port (index fields 0, local_port each port);
        // the tracer and dump control registers are left alone (reading them starts or steers a session).
        def ports = (1..Math.max(1, d.ports.size())).toList()
        def regs = new TreeMap()
        for (name in d.reg.list()) {
            if (RpcRequest.DIAGNOSTIC_CONTROL.contains(name)) { b.skip("registers/$name", 'tracer/dump control register, not read'); continue }
            def reg = d.reg[name]
            def perPort = reg.indexFields.contains('local_port')
            for (p in (perPort ? ports : [1])) {
                def index = reg.indexFields.collectEntries { [it, it == 'local_port' ? p : it == 'proto_mask' ? 4 : 0] }
                def key = perPort ? "$name/port$p" : name
                try {
                    regs[key] = [index: index, fields: plain(reg.read(index).toMap())]
                } catch (FwshException | IllegalArgumentException e) {
                    b.skip("registers/$key", why(e))
                }
            }
        }
        b.json('registers.json', regs)
    },

    nv: { d, b ->
        def table = d.nv.query()
        b.json('nv.json', [source: d.nv.source, notes: d.nv.notes, parameters: table.toMaps()])
        b.text('nv.txt', table.text())
    },

    resource_dump: { d, b ->
        def menu = ResourceDump.menu(d)
        b.json('resource-dump/menu.json', menu.collect { it.toMap() })
        // The key segments: those that need no index, so they dump without knowing any object's number.
        for (m in menu.findAll { !it.mustHaveIndex1 && !it.mustHaveIndex2 && !(it.name in ['MENU', 'TERMINATE']) }) {
            try {
                def r = ResourceDump.dump(d, [segment: m.name])
                b.json("resource-dump/${m.name}.json", [what: r.what, mode: r.mode, bytes: r.bytes, rounds: r.rounds,
                        segments: r.segments.collect { [kind: it.kind, type: it.segmentType, name: it.name, fields: plain(it.fields), payload: it.payload] }])
                b.text("resource-dump/${m.name}.txt", r.showText())
            } catch (FwshException e) {
                b.skip("resource-dump/${m.name}", why(e))
            }
        }
    },

    journal: { d, b ->
        def pci = d.info.pci, name = d.name
        def lines = journal.entries().findAll { e -> e.device instanceof Map && (pci ? e.device.pci == pci : e.device.name == name) }
        b.json('journal.json', lines)
    },

    counters: { d, b ->
        // Every port's counters read twice, the interval apart (one wait for all ports); rates per second.
        def ports = (1..Math.max(1, d.ports.size())).toList()
        ports.each { p -> d.counters.skipped(p).each { b.skip("counters/port$p", it) } }
        def first = ports.collectEntries { p -> [p, d.counters.snapshot(port: p)] }
        b.sleep(b.countersOver)
        def out = [over_ms: b.countersOver.toMillis(), ports: [:]]
        ports.each { p -> out.ports["$p"] = d.counters.snapshot(port: p).with { later -> first[p].delta(later).toMap() } }
        b.json('counters.json', out)
    },

    trace: { d, b ->
        def status = d.tracer.status()
        b.json('tracer-status.json', plain(status))
        try {
            // start() asks for ownership once and never takes the tracer from its owner (TracerBusyException)
            def s = d.tracer.capture(b.file('trace.fwtrace').toString(), b.traceFor)
            b.json('trace-summary.json', [events: s.events(), messages: s.messages(), lost: s.lost(), overruns: s.overruns(),
                                          bad_formats: s.badFormats(), blocks: s.blocks(), ended: s.ended(), error: s.error()])
        } catch (FwshException e) {
            b.forget('trace.fwtrace')
            b.skip('trace', why(e))
        }
    },
]
