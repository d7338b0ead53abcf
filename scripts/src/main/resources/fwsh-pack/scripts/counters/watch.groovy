// Purpose: health check. Samples the counters the rules name every period and prints one line per breach
//          ("BREACH <time> <rule>: rate = 12 packets/s"), then a summary line. The shell exits with the
//          script's exitCode in batch mode, so `fwsh counters/watch.groovy ... && echo healthy` works.
// Arguments: RULE ... or --rule RULE (repeatable); a rule is NAME [value|delta|rate] OP NUMBER, e.g.
//            "'rx_crc_errors_phy' rate > 0", "temperature > 70", "rx_discards_phy delta >= 10".
//            [--port N] (default 1) [--every DURATION] (default 1s) [--for DURATION] (default: until Ctrl-C)
//            [--show NAME] (repeatable: more counters in the summary).
// Scope: debug-read-only (reads only).
// Example: fwsh counters/watch.groovy --every 1s --for 5min "rx_crc_errors_phy rate > 0" "temperature > 85"
// Exit: 0 no rule breached; 3 at least one breached; 2 for a bad argument or a bad rule; 1 an error.
import fwsh.dsl.counters.Options

def a = parseArgs(positional: true) {
    _(longOpt: 'port', args: 1, type: Integer, defaultValue: '1', argName: 'N', 'local port (default 1)')
    _(longOpt: 'every', args: 1, argName: 'DURATION', convert: { Options.parseDuration(it, '--every') }, 'sampling period (default 1s)')
    _(longOpt: 'for', args: 1, argName: 'DURATION', convert: { Options.parseDuration(it, '--for') }, 'how long (default: until Ctrl-C)')
    _(longOpt: 'rule', args: 1, argName: 'RULE', 'a rule (repeatable)')
    _(longOpt: 'show', args: 1, argName: 'NAME', 'another counter for the summary (repeatable)')
}
def rules = (a.rules ?: []) + a.arguments()
if (!rules) usageError("give at least one rule, e.g. \"'rx_crc_errors_phy' rate > 0\"")
def opts = [port: a.port, every: a.every ?: Duration.ofSeconds(1), out: { String line -> println line }]
if (a.for) opts.for = a.for
if (a.shows) opts.show = a.shows
def w
try {
    w = dev.counters.watch(opts, rules)
} catch (ArgumentException e) {
    usageError(e.message)
}
w.render().each { println it }
exitCode = w.exitStatus()
exitCode
