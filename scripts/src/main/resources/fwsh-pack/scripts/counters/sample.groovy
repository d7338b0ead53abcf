// Purpose: high-frequency sampling of a few counters on a dedicated thread, streamed to a CSV or JSON-lines
//          file as it goes (or kept in memory), then schedule statistics: samples taken of requested, achieved
//          rate, interval error (jitter) p50/p99/max, sampler CPU use. Ctrl-C stops it cleanly.
// Arguments: [NAME ...] counters (default rx_packets_phy tx_packets_phy rx_bytes_phy tx_bytes_phy)
//            [--port N] (default 1) [--every DURATION] (default 1ms; 100us and up) [--for DURATION] (default 5s)
//            [--out FILE.csv|FILE.jsonl] [--ring N] (samples kept in memory) [--nice N] (e.g. -10, best effort).
// Scope: debug-read-only (reads only).
// Example: fwsh counters/sample.groovy --every 1ms --for 5s --out rx.csv rx_bytes_phy rx_packets_phy
// Exit: 0; 2 for a bad argument; 1 an error.
import fwsh.dsl.counters.Options

def a = parseArgs(positional: true) {
    _(longOpt: 'port', args: 1, type: Integer, defaultValue: '1', argName: 'N', 'local port (default 1)')
    _(longOpt: 'every', args: 1, argName: 'DURATION', convert: { Options.parseDuration(it, '--every') }, 'sampling period (default 1ms)')
    _(longOpt: 'for', args: 1, argName: 'DURATION', convert: { Options.parseDuration(it, '--for') }, 'how long (default 5s)')
    _(longOpt: 'out', args: 1, argName: 'FILE', 'stream to FILE.csv or FILE.jsonl')
    _(longOpt: 'ring', args: 1, type: Integer, argName: 'N', 'samples kept in memory')
    _(longOpt: 'nice', args: 1, type: Integer, argName: 'N', 'sampler thread niceness (best effort)')
}
def names = a.arguments() ?: ['rx_packets_phy', 'tx_packets_phy', 'rx_bytes_phy', 'tx_bytes_phy']
def opts = [port: a.port, every: a.every ?: Duration.ofMillis(1), for: a.for ?: Duration.ofSeconds(5)]
if (a.out) opts.to = a.out
if (a.ring != null && a.ring != false) opts.ring = a.ring
if (a.nice != null && a.nice != false) opts.nice = a.nice
def series = dev.counters.sample(opts, names)
def st = series.stats()
def U = fwsh.counters.Units
println "sampled ${names.join(', ')} on ${dev.name} (${dev.source}) port ${opts.port} every ${U.duration(st.periodNanos())}"
println String.format(Locale.ROOT, 'samples: %d of %d requested (%.2f%%), %d missed', st.taken(), st.requested(), st.takenPercent(), st.missed())
println String.format(Locale.ROOT, 'achieved rate: %.1f Hz of %.1f Hz', st.achievedHz(), 1e9 / st.periodNanos())
println "interval error: p50 ${U.duration(st.p50ErrorNanos())}, p99 ${U.duration(st.p99ErrorNanos())}, max ${U.duration(st.maxErrorNanos())}"
println(st.cpuNanos() < 0 ? 'cpu: not measurable' : String.format(Locale.ROOT, 'cpu: %.1f%% of one core', st.cpuPercent()))
if (opts.to) println "written: ${opts.to}"
if (st.failure()) println "stopped early: ${st.failure()}"
series
