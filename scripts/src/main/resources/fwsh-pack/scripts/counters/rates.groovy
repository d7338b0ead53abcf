// Purpose: take two snapshots some time apart and print the counters that changed most, with their
//          change and per-second rate (bytes scaled to kB/s, MB/s...); a clear in between is flagged.
// Arguments: [--port N] (default 1) [--over DURATION] (default 1s, e.g. 500ms, 10s) [--top N] (default 20)
//            [WORD ...] (only counters whose name, group or description contains a word).
// Scope: debug-read-only (reads only).
// Example: fwsh counters/rates.groovy --over 5s --top 10
import fwsh.dsl.counters.ScriptArgs

def a = ScriptArgs.parse(args, 'counters/rates.groovy', ['port', 'over', 'top'], [])
int port = a.integer('port', 1)
int n = a.integer('top', 20)
def over = a.duration('over', Duration.ofSeconds(1))
def names = a.positional ? a.positional.collectMany { dev.counters.list(it, port: port).names }.unique() : null
if (a.positional && !names) {
    println "no counter matches ${a.positional.join(', ')} on ${dev.name} port $port"
    return []
}
def delta = dev.counters.interval([port: port, over: over], names, 'rates')
def top = delta.top(n)
println "${dev.name} port $port: ${top.size()} counters changed most over ${fwsh.counters.Units.duration(delta.elapsedNanos())}"
def rows = top.collect { c ->
    [c.name(), Long.toUnsignedString(c.delta()), fwsh.counters.Units.formatRate(c.perSecond(), c.def().unit()),
     c.cleared() ? 'cleared' : c.wrapped() ? 'wrapped' : ''] as String[]
}
print fwsh.counters.TextTable.render(['name', 'delta', 'rate', ''] as String[], rows)
top
