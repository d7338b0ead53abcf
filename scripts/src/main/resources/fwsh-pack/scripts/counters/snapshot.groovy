// Purpose: read every counter of a port once (PPCNT groups with ethtool names, vport, congestion, temperature)
//          and print the non-zero ones as a table: name, value, unit, group.
// Arguments: [--port N] (default 1) [--all] (zeros too) [WORD ...] (only counters whose name, group or
//            description contains a word, e.g. crc, prio3, temperature).
// Scope: debug-read-only (reads only).
// Example: fwsh counters/snapshot.groovy --port 1 crc discard
// Exit: 0; 2 for a bad argument; 1 an error.
def a = parseArgs(positional: true) {
    _(longOpt: 'port', args: 1, type: Integer, defaultValue: '1', argName: 'N', 'local port (default 1)')
    _(longOpt: 'all', 'zeros too')
}
int port = a.port
def words = a.arguments()
def listed = words ? words.collectMany { dev.counters.list(it, port: port).names }.unique()
                          : dev.counters.list(port: port).names
if (!listed) {
    println "no counter matches ${words.join(', ')} on ${dev.name} port $port; counters/snapshot.groovy --all lists them all"
    return null
}
def snap = dev.counters.snapshot(listed, port: port)
def rows = []
snap.defs().eachWithIndex { d, i ->
    long v = snap.value(i)
    if (v != 0 || a.all) rows << ([d.name(), d.isGauge() ? Long.toString(v) : Long.toUnsignedString(v), d.unit(), d.group()] as String[])
}
println "${dev.name} (${dev.source}) port $port: ${rows.size()} of ${snap.defs().size()} counters${a.all ? '' : ' non-zero'}"
print fwsh.counters.TextTable.render(['name', 'value', 'unit', 'group'] as String[], rows)
snap
