// Purpose: health check. Samples the counters the rules name every period and prints one line per breach
//          ("BREACH <time> <rule>: rate = 12 packets/s"), then a summary line. The script's result is the exit
//          status: 0 = no rule breached, 3 = at least one breached (2 is left for usage errors: a bad rule or
//          option throws, which the shell reports with status 2). The shell exits with an Integer result in
//          batch mode, so `fwsh counters/watch.groovy ... && echo healthy` works.
// Arguments: RULE ... or --rule RULE (repeatable); a rule is NAME [value|delta|rate] OP NUMBER, e.g.
//            "'rx_crc_errors_phy' rate > 0", "temperature > 70", "rx_discards_phy delta >= 10".
//            [--port N] (default 1) [--every DURATION] (default 1s) [--for DURATION] (default: until Ctrl-C)
//            [--show NAME] (repeatable: more counters in the summary).
// Scope: debug-read-only (reads only).
// Example: fwsh counters/watch.groovy --every 1s --for 5min "rx_crc_errors_phy rate > 0" "temperature > 85"
import fwsh.dsl.counters.ScriptArgs

def a = ScriptArgs.parse(args, 'counters/watch.groovy', ['port', 'every', 'for', 'rule', 'show'], [])
def rules = a.all('rule') + a.positional
if (!rules) throw new FwshException("counters/watch.groovy: give at least one rule, e.g. \"'rx_crc_errors_phy' rate > 0\"")
def opts = [port: a.integer('port', 1), every: a.duration('every', Duration.ofSeconds(1)), out: { String line -> println line }]
if (a.has('for')) opts.for = a.duration('for', null)
if (a.all('show')) opts.show = a.all('show')
def w = dev.counters.watch(opts, rules)
w.render().each { println it }
exitCode = w.exitStatus()
exitCode
