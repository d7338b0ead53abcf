// Purpose: the PCIe link of a device: negotiated speed and width against what it and the peer support, payload sizes, slot power, signal-integrity counters, and a verdict.
// Arguments: [--device SEL] (default: the first device) [--over SECONDS] (count recovery events over that interval instead of since the last clear)
// Scope: debug-read-only
// Example: fwsh device/pcie.groovy --over 10
// Result: the last line is "pcie: OK" or "pcie: DEGRADED (<reasons>)"; the script returns, and stores in the binding
//         variable exitCode, 0 for OK and 3 for DEGRADED, so a batch run exits with it.
// Exit: 0 OK; 3 DEGRADED; 2 for a bad argument; 1 an error (e.g. no MPEIN).

def opts = parseArgs {
    _(longOpt: 'device', args: 1, argName: 'SEL', 'device index, name or PCI address (default: dev)')
    _(longOpt: 'over', args: 1, type: BigDecimal, argName: 'SECONDS', 'count over that interval instead of since the last clear')
}
def selected = opts.device ?: null
BigDecimal over = opts.over
if (over != null && over <= 0) usageError("--over $over: give a positive number of seconds")
def d = selected != null ? device(selected ==~ /\d+/ ? selected as int : selected) : dev
if (d == null) throw new FwshException('device/pcie.groovy: no device in this session')

// MPEIN speeds are bit masks: bit 0 Gen1 ... bit 5 Gen5 (bit 3 unused).
def gens = [(0x1): ['Gen1', '2.5 GT/s'], (0x2): ['Gen2', '5 GT/s'], (0x4): ['Gen3', '8 GT/s'], (0x10): ['Gen4', '16 GT/s'], (0x20): ['Gen5', '32 GT/s']]
def highest = { long mask -> mask == 0 ? 0L : Long.highestOneBit(mask) }
def gen = { long bit -> gens[(int) bit]?.get(0) ?: String.format('speed 0x%x', bit) }
def width = { Decoded v, String field -> v.name(field) ?: "width code ${v[field]}" }
def sizes = { String code -> code ? code.substring(1) + ' B' : '?' }
def line = { String k, Object v -> println "  ${k.padRight(10)} $v" }

def info
try {
    info = d.reg.MPEIN.read(pcie_index: 0)
} catch (FirmwareStatusException e) {
    throw new FwshException("device/pcie.groovy: ${d.name} does not report its PCIe link (MPEIN: ${e.message})")
}
long active = info.link_speed_active as long
long capable = highest(info.link_speed_enabled as long)
long peer = highest(info.link_peer_max_speed as long)
def reasons = []

println "pcie of ${d.name} (${d.source}; ${d.info.pci ?: 'no PCI address'})"
line 'link', "${gen(active)} ${width(info, 'link_width_active')} (${gens[(int) active]?.get(1) ?: '?'}), " +
        "capable ${gen(capable)} ${width(info, 'link_width_enabled')}, peer up to ${gen(peer)}"
if ((info.link_width_active as long) < (info.link_width_enabled as long))
    reasons << "width ${width(info, 'link_width_active')} of ${width(info, 'link_width_enabled')}"
long expected = Math.min(capable, peer ?: capable)
if (active < expected) reasons << "speed ${gen(active)} below ${gen(expected)} that both ends support"
line 'functions', "${info.num_of_pfs} PF, ${info.num_of_vfs} VF; function 0 at ${String.format('%02x:%02x.%x', (info.bdf0 as int) >> 8, ((info.bdf0 as int) >> 3) & 0x1f, (info.bdf0 as int) & 7)}"
line 'payload', "${sizes(info.name('max_payload_size'))} (max read request ${sizes(info.name('max_read_request_size'))})"
def power = info.name('pwr_status') ?: "${info.pwr_status}"
line 'power', "${info.pci_power ? "${info.pci_power} W reported" : 'no power reported'}, $power"
if (power == 'insufficient') reasons << 'slot power insufficient'

def perf = d.reg.MPCNT.prepare(pcie_index: 0, grp: 'pcie_performance')
def counters = perf.read().counters
if (over != null) {
    sleep((over * 1000) as long)
    def later = perf.read().counters
    counters = later.collectEntries { k, v -> [k, v instanceof Number ? (v as long) - (counters[k] as long) : v] }
}
long rx = counters.rx_errors as long
long tx = counters.tx_errors as long
String window = over != null ? "in $over s" : 'since the last clear'
line 'errors', "rx_pci_signal_integrity $rx (crc tlp ${counters.crc_error_tlp}, crc dllp ${counters.crc_error_dllp}, " +
        "framing ${counters.l0_to_recovery_framing}), tx_pci_signal_integrity $tx (eieos ${counters.l0_to_recovery_eieos}, " +
        "ts ${counters.l0_to_recovery_ts}), buffer overflow ${counters.tx_overflow_buffer_pkt} $window"
if (rx + tx > 0) reasons << "${rx + tx} signal-integrity recovery event${rx + tx == 1 ? '' : 's'} $window"
if (info.device_status as long) reasons << String.format('device_status 0x%x', info.device_status as long)

println(reasons ? "pcie: DEGRADED (${reasons.join('; ')})" : 'pcie: OK')
exitCode = reasons ? 3 : 0
