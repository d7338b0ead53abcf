// Purpose: capability fields that differ: current vs maximum of one device, or the same capability of two devices.
// Arguments: [--type CAP] (default general; any of dev.cap.list()) [--device SEL] | [--devices SEL_A SEL_B]
// Scope: debug-read-only
// Example: fwsh device/caps-diff.groovy --type debug ; fwsh device/caps-diff.groovy --devices 0 1
// Returns: a map field -> [a, b] of the differing fields.
// Exit: 0; 2 for a bad argument; 1 an error (e.g. an unknown capability type).

def opts = parseArgs {
    _(longOpt: 'type', args: 1, defaultValue: 'general', argName: 'CAP', 'capability type (default general)')
    _(longOpt: 'device', args: 1, argName: 'SEL', 'device index, name or PCI address (default: dev)')
    _(longOpt: 'devices', args: 2, argName: 'SEL', 'two devices to compare')
}
def type = opts.type
def selected = opts.device ?: null
def pair = opts.devicess ?: null
if (selected != null && pair != null) usageError('give --device or --devices, not both')
def sel = { s -> s ==~ /\d+/ ? device(s as int) : device(s) }

def flatten
flatten = { Map m, String prefix = '' ->
    m.collectEntries { k, v -> v instanceof Map ? flatten(v, "$prefix$k.") : [("$prefix$k".toString()): v] }
}
def a, b, left, right
if (pair) {
    def (da, db) = pair.collect(sel)
    a = da.cap.get(type).toMap(); b = db.cap.get(type).toMap()
    left = da.name; right = db.name
    println "capability ${type.toUpperCase()}: ${da.name} vs ${db.name} (current values)"
} else {
    def d = selected != null ? sel(selected) : dev
    if (d == null) throw new FwshException('device/caps-diff.groovy: no device in this session')
    def cap = d.cap.get(type)
    a = cap.toMap(); b = cap.max.toMap()
    left = 'current'; right = 'max'
    println "capability ${type.toUpperCase()} of ${d.name} (${d.source}): current vs max"
}
def fa = flatten(a), fb = flatten(b)
def keys = (fa.keySet() + fb.keySet()) as LinkedHashSet
def show = { v -> v instanceof byte[] ? '0x' + v.encodeHex() : v == null ? '-' : v instanceof Number && v > 9 ? "$v (0x${Long.toHexString(v as long)})" : "$v" }
def diff = keys.findAll { !java.util.Objects.deepEquals(fa[it], fb[it]) }.collectEntries { [(it): [fa[it], fb[it]]] }
if (!diff) {
    println "no differences in ${keys.size()} fields"
} else {
    int w = Math.max(5, diff.keySet()*.length().max())
    int wa = Math.max(left.length(), diff.values().collect { show(it[0]).length() }.max())
    println "  ${'field'.padRight(w)}  ${left.padRight(wa)}  $right"
    diff.each { k, v -> println "  ${k.padRight(w)}  ${show(v[0]).padRight(wa)}  ${show(v[1])}" }
    println "${diff.size()} of ${keys.size()} fields differ"
}
diff
