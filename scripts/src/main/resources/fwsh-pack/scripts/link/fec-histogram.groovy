// Purpose: RS-FEC histogram of one port: codewords by number of symbol errors (PPHCR bins, PPCNT group 0x23), as ethtool --show-fec --hist.
// Arguments: [--port N] (local port, default 1) [--over SECONDS] (what each bin gained over that interval, not totals) [--device SEL]
// Scope: debug-read-only
// Example: fwsh link/fec-histogram.groovy --port 1 --over 5
// Result: a table of bins (symbol errors, codewords, share) and a line with the highest bin reached against the code's
//         correction limit; returns the rows as maps (bin, symbol_errors, codewords, share). No histogram: one line, [].
// Exit: 0; 2 for a bad argument; 1 an error (e.g. no such port).

def opts = parseArgs {
    _(longOpt: 'port', args: 1, type: Integer, defaultValue: '1', argName: 'N', 'local port (default 1)')
    _(longOpt: 'over', args: 1, type: BigDecimal, argName: 'SECONDS', 'what each bin gained over that interval')
    _(longOpt: 'device', args: 1, argName: 'SEL', 'device index, name or PCI address (default: dev)')
}
int localPort = opts.port
BigDecimal over = opts.over
def selected = opts.device ?: null
if (localPort < 1) usageError("--port $localPort: ports start at 1")
if (over != null && over <= 0) usageError("--over $over: give a positive number of seconds")
def d = selected != null ? device(selected ==~ /\d+/ ? selected as int : selected) : dev
if (d == null) throw new FwshException('link/fec-histogram.groovy: no device in this session')

def conf
try {
    conf = d.reg.PPHCR.read(local_port: localPort)
} catch (FirmwareStatusException e) {
    throw new FwshException("link/fec-histogram.groovy: ${d.name} port $localPort has no FEC histogram configuration (PPHCR: ${e.message})")
}
String type = conf.name('active_hist_type') ?: "${conf.active_hist_type}"
int bins = conf.num_of_bins as int
if (conf.active_hist_type == 0 || bins == 0) {
    println "${d.name} port $localPort: no RS-FEC histogram (the active FEC has none)"
    return []
}
// Symbols a code corrects: (n - k) / 2 for RS(n, k).
def correctable = [rs_544_514: 15, rs_528_514: 7, llrs: 7][type]

def histogram = d.reg.PPCNT.prepare(local_port: localPort, grp: 'rs_fec_histogram')
List<Long> counts = histogram.read().counter_set.hist.take(bins)*.longValue()
if (over != null) {
    sleep((over * 1000) as long)
    List<Long> later = histogram.read().counter_set.hist.take(bins)*.longValue()
    counts = (0..<bins).collect { later[it] - counts[it] }
}

long total = counts.sum(0L) as long
def rows = (0..<bins).collect { int i ->
    long lo = conf.bin_range[i].low_val as long
    long hi = conf.bin_range[i].high_val as long
    [bin: i, symbol_errors: lo == hi ? "$lo" : "$lo-$hi", codewords: counts[i],
     share: total == 0 ? '-' : counts[i] == 0 ? '0 %' : String.format('%.3g %%', 100.0d * counts[i] / total)]
}

println "RS-FEC histogram of ${d.name} (${d.source}) port $localPort ($type, $bins bins${over != null ? ", gained over $over s" : ', since the last clear'})"
println String.format('%4s  %13s  %20s  %9s', 'bin', 'symbol errors', 'codewords', 'share')
rows.each { r -> println String.format('%4d  %13s  %,20d  %9s', r.bin, r.symbol_errors, r.codewords, r.share) }
def highest = rows.findAll { it.codewords > 0 }.max { it.bin }
if (highest == null) println 'no codewords counted'
else println "highest bin reached: ${highest.bin} (${highest.symbol_errors} symbol error${highest.symbol_errors == '1' ? '' : 's'})" +
        (correctable != null ? "; $type corrects up to $correctable symbols" : '')
rows
