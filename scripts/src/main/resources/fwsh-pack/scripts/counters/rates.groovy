// Purpose: take two snapshots some time apart and print the counters that changed most, with their
//          change and per-second rate (bytes scaled to kB/s, MB/s...); a clear in between is flagged.
// Arguments: [--port N] (default 1) [--over DURATION] (default 1s, e.g. 500ms, 10s) [--top N] (default 20)
//            [WORD ...] (only counters whose name, group or description contains a word).
// Scope: debug-read-only (reads only).
// Example: fwsh counters/rates.groovy --over 5s --top 10
// Exit: 0; 2 for a bad argument; 1 an error.
import fwsh.dsl.counters.Options

def a = parseArgs(positional: true) {
    _(longOpt: 'port', args: 1, type: Integer, defaultValue: '1', argName: 'N', 'local port (default 1)')
    _(longOpt: 'over', args: 1, argName: 'DURATION', convert: { Options.parseDuration(it, '--over') }, 'interval between the snapshots (default 1s)')
    _(longOpt: 'top', args: 1, type: Integer, defaultValue: '20', argName: 'N', 'how many counters (default 20)')
}
int port = a.port
int n = a.top
def over = a.over ?: Duration.ofSeconds(1)
def words = a.arguments()
def names = words ? words.collectMany { dev.counters.list(it, port: port).names }.unique() : null
if (words && !names) {
    println "no counter matches ${words.join(', ')} on ${dev.name} port $port"
    return []
}
def delta = dev.counters.interval([port: port, over: over], names, 'rates')
def top = delta.top(n)
println "${dev.name} (${dev.source}) port $port: ${top.size()} counters changed most over ${fwsh.counters.Units.duration(delta.elapsedNanos())}"
def rows = top.collect { c ->
    [c.name(), Long.toUnsignedString(c.delta()), fwsh.counters.Units.formatRate(c.perSecond(), c.def().unit()),
     c.cleared() ? 'cleared' : c.wrapped() ? 'wrapped' : ''] as String[]
}
print fwsh.counters.TextTable.render(['name', 'delta', 'rate', ''] as String[], rows)
top
