// Purpose: diagnostic (debug) counters. Prints the DEBUG capability (supported counter ids, buffer size, minimum
//          period); then programs sampling with SET_DIAGNOSTIC_PARAMS, collects every sample the device takes for
//          a while (device timestamps, at the device's sample period) and prints them, and finally disables
//          sampling. On fwctl, SET_DIAGNOSTIC_PARAMS taints the kernel: a warning says so before it is sent.
// Arguments: [--caps] (only print the capability; needs no extra scope) [--ids 0x2006,0x401] (default: all
//            supported) [--period DURATION] (default 1us, rounded up to 2^n device clocks) [--samples N]
//            (buffer slots per counter, power of two, default 64) [--mode repetitive|single] [--for DURATION]
//            (default 10ms) [--keep] (leave sampling enabled).
// Scope: debug-write for the set-up: start fwsh with --scope debug-write (the script raises it with withScope).
// Example: fwsh --scope debug-write counters/diag.groovy --ids 0x2006,0x1001 --period 1ms --for 100ms
// Exit: 0; 2 for a bad argument; 1 an error.
import fwsh.dsl.counters.Options

def a = parseArgs {
    _(longOpt: 'caps', 'only print the capability')
    _(longOpt: 'ids', args: 1, argName: 'IDS', 'counter ids, e.g. 0x2006,0x401 (default: all supported)')
    _(longOpt: 'period', args: 1, argName: 'DURATION', convert: { Options.parseDuration(it, '--period') }, 'sample period (default 1us)')
    _(longOpt: 'samples', args: 1, type: Integer, defaultValue: '64', argName: 'N', 'buffer slots per counter (default 64)')
    _(longOpt: 'mode', args: 1, defaultValue: 'repetitive', argName: 'MODE', 'repetitive or single')
    _(longOpt: 'for', args: 1, argName: 'DURATION', convert: { Options.parseDuration(it, '--for') }, 'how long to collect (default 10ms)')
    _(longOpt: 'keep', 'leave sampling enabled')
}
def diag = dev.counters.diag
if (!diag.caps.supported) {
    println "${dev.name} has no diagnostic counters (DEBUG cap or num_of_diagnostic_counters is 0)"
    return []
}
print diag.capsTable()
if (a.caps) return diag.caps
if (!session.scopes().ceiling().covers(Privilege.DEBUG_WRITE)) {
    println "counters/diag.groovy: setting up diagnostic counters sends SET_DIAGNOSTIC_PARAMS, which needs scope " +
            "debug-write (and taints the kernel on fwctl); start fwsh with --scope debug-write, or pass --caps"
    return []
}
def setup = [period: a.period ?: Duration.ofNanos(1000), samples: a.samples, mode: a.mode]
if (a.ids) setup.ids = a.ids.split(',')*.trim().findAll()
diag.warnings = { String line -> println line }
def samples
try {
    def r = withScope('debug-write') { diag.setup(setup) }
    println "sampling ${r.ids.join(', ')} every ${fwsh.counters.Units.duration(r.period_ns)} (2^${r.log_sample_period} device clocks), ${r.mode}"
    samples = diag.collect(a.for ?: Duration.ofMillis(10))
} finally {
    if (!a.keep && diag.configured) withScope('debug-write') { diag.disable() }
}
println "${samples.size()} samples:"
samples.each { println it }
samples
