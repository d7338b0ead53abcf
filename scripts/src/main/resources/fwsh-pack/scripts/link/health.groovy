// Purpose: link health of one port (state, speed, MTU, PHY state, FEC, error counters, module temperature) and a verdict;
//          Ethernet or InfiniBand (cap port_type ib: speed and width from PTYS ib fields, IB port counters).
// Arguments: [--port N] (local port, default 1) [--device SEL] (default: the first device)
// Scope: debug-read-only
// Example: fwsh link/health.groovy --port 1
// Result: the last line is "link health: OK|DEGRADED|DOWN (<reasons>)". The script returns, and stores in the
//         binding variable exitCode, 0 for OK, 3 for DEGRADED, 4 for DOWN, so a batch run exits with it.
// Exit: 0 OK; 3 DEGRADED; 4 DOWN; 2 for a bad argument; 1 an error (e.g. no such port).

def opts = parseArgs {
    _(longOpt: 'port', args: 1, type: Integer, defaultValue: '1', argName: 'N', 'local port (default 1)')
    _(longOpt: 'device', args: 1, argName: 'SEL', 'device index, name or PCI address (default: dev)')
}
int localPort = opts.port
def selected = opts.device ?: null
if (localPort < 1) usageError("--port $localPort: ports start at 1")
def d = selected != null ? device(selected ==~ /\d+/ ? selected as int : selected) : dev
if (d == null) throw new FwshException('link/health.groovy: no device in this session')

def celsius = { long raw -> ((short) raw) * 0.125d }
def line = { String k, Object v -> println "  ${k.padRight(12)} $v" }

def down = []       // reasons the link is down
def degraded = []   // reasons it is up but not healthy

println "link health of ${d.name} (${d.source}) port $localPort"
def paos
try {
    paos = d.reg.PAOS.read(local_port: localPort)
} catch (FirmwareStatusException e) {
    throw new FwshException("link/health.groovy: ${d.name} has no port $localPort (PAOS refused it: ${e.message})")
}
def oper = paos.name('oper_status') ?: "${paos.oper_status}"
def admin = paos.name('admin_status') ?: "${paos.admin_status}"
line 'state', "$oper (admin $admin)"
if (paos.oper_status != 1) {
    down << "oper_status $oper" + (paos.admin_status != 1 ? ", admin_status $admin" : '')
    // why, as the firmware sees it (PDDR troubleshooting page, as mlxlink's "Troubleshooting Info")
    try {
        def t = d.reg.PDDR.read(local_port: localPort, page_select: 'troubleshooting_info').page_data.troubleshooting_page
        line 'reason', "${t.status_message} (monitor opcode ${t.status_opcode})"
    } catch (FwshException e) {
        line 'reason', "unavailable (${e.message})"
    }
}

// cap port_type 0 (ib): the port runs InfiniBand; PTYS must be asked with proto_mask ib and has no autoneg.
boolean ib = false
try {
    ib = d.cap.general.port_type == 0
} catch (FwshException ignored) {
    // no general caps: treat the port as Ethernet, as before
}
if (ib) {
    def ptys = d.reg.PTYS.read(local_port: localPort, proto_mask: 1)
    line 'speed', ptys.linkModes ? ptys.speed : 'no InfiniBand speed active'
    if (!ptys.linkModes && paos.oper_status == 1) degraded << 'no InfiniBand speed active'
} else {
    def ptys = d.reg.PTYS.read(local_port: localPort, proto_mask: 4)
    def active = ptys.linkModes
    def rate = ptys.data_rate_oper ? "${ptys.data_rate_oper / 10} Gb/s" : '-'
    line 'speed', active ? "${ptys.speed} (${active.join(', ')}), data rate $rate" : 'no link mode active'
    line 'autoneg', ptys.name('an_status') ?: ptys.an_status
    if (!active && paos.oper_status == 1) degraded << 'no Ethernet link mode active'
}

def pmtu = d.reg.PMTU.read(local_port: localPort)
line 'mtu', "${pmtu.oper_mtu} (admin ${pmtu.admin_mtu}, max ${pmtu.max_mtu})"
if (paos.oper_status == 1 && pmtu.oper_mtu != pmtu.admin_mtu) degraded << "oper_mtu ${pmtu.oper_mtu} != admin_mtu ${pmtu.admin_mtu}"

def op = d.reg.PDDR.read(local_port: localPort, page_select: 0).page_data.operation_info_page
def fsm = op.name('phy_mngr_fsm_state') ?: "${op.phy_mngr_fsm_state}"
line 'phy state', fsm
line 'fec', op.name('fec_mode_active') ?: op.fec_mode_active
if (paos.oper_status == 1 && fsm != 'active') degraded << "phy_mngr_fsm_state $fsm"

def phy = d.reg.PPCNT.read(local_port: localPort, grp: 0x12).counters
def sum = { String prefix -> phy.findAll { it.key.startsWith(prefix) }.values().sum(0L) as long }
long corrected = (phy.rs_fec_corrected_blocks as long) + sum('fc_fec_corrected_blocks_lane')
long uncorrectable = (phy.rs_fec_uncorrectable_blocks as long) + sum('fc_fec_uncorrectable_blocks_lane')
if (ib) {
    // The IB port counters (PPCNT 0x20, the PMA PortCounters); FEC from the physical layer, as on Ethernet.
    def pc = d.reg.PPCNT.read(local_port: localPort, grp: 0x20).counters
    def checks = [['symbol_error', pc.symbol_error_counter], ['link_error_recovery', pc.link_error_recovery_counter],
                  ['link_downed', pc.link_downed_counter], ['port_rcv_errors', pc.port_rcv_errors],
                  ['port_xmit_discards', pc.port_xmit_discards]]
    line 'counters', checks.collect { "${it[0]} ${it[1]}" }.join(', ')
    line 'fec blocks', "corrected ${corrected}, uncorrectable ${uncorrectable} (over ${phy.time_since_last_clear} ms)"
    checks.each { if (it[1]) degraded << "${it[0]} ${it[1]}" }
    if (uncorrectable) degraded << "fec uncorrectable blocks ${uncorrectable}"
} else {
    line 'counters', "symbol_errors ${phy.symbol_errors}, fec corrected ${corrected}, fec uncorrectable ${uncorrectable}, " +
            "link_down_events ${phy.link_down_events}, recoveries ${phy.successful_recovery_events} (over ${phy.time_since_last_clear} ms)"
    if (phy.symbol_errors) degraded << "symbol_errors ${phy.symbol_errors}"
    if (uncorrectable) degraded << "fec uncorrectable blocks ${uncorrectable}"
    if (phy.link_down_events) degraded << "link_down_events ${phy.link_down_events}"
}

try {
    int module = (d.reg.PMLP.read(local_port: localPort).lane0_module_mapping as long) & 0xff
    def t = d.reg.MTMP.read(sensor_index: 64 + module)
    double now = celsius(t.temperature), hi = celsius(t.temp_threshold_hi)
    line 'module temp', String.format('%.1f C (module %d, threshold %.1f C)', now, module, hi)
    if (t.temp_threshold_hi && now >= hi) degraded << String.format('module temperature %.1f C >= %.1f C', now, hi)
} catch (FwshException e) {
    line 'module temp', "unavailable (${e.message})"
}

def verdict = down ? 'DOWN' : degraded ? 'DEGRADED' : 'OK'
def reasons = down + degraded
println "link health: $verdict" + (reasons ? " (${reasons.join('; ')})" : '')
exitCode = down ? 4 : degraded ? 3 : 0
exitCode
