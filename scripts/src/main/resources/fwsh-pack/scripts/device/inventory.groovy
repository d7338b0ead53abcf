// Purpose: one table per device: identity, firmware, PSID, key caps, temperature, PCIe link, ports (state, speed, MTU, FEC), module;
//          InfiniBand ports (cap port_type ib) show speed and width, e.g. "NDR 4x (400 Gb/s)".
// Arguments: [--device SEL] (default: every device in the session)
// Scope: debug-read-only
// Example: fwsh device/inventory.groovy --device 0000:3b:00.0
// Returns: a list with one map per device (the same facts as the table).

import fwsh.wire.IbLinkModes
import fwsh.wire.LinkModes

def usage = 'usage: device/inventory.groovy [--device SEL]'
def argv = (args ?: new String[0]) as List
def selected = null
for (int i = 0; i < argv.size(); i++) {
    if (argv[i] == '--device' && i + 1 < argv.size()) selected = argv[++i]
    else throw new FwshException("device/inventory.groovy: unexpected argument '${argv[i]}'; $usage")
}

def celsius = { long raw -> ((short) raw) * 0.125d }           // MTMP: signed, 1/8 degree units
def c = { double v -> String.format('%.1f C', v) }
def attempt = { Closure body -> try { body() } catch (FwshException e) { "unavailable (${e.message})" } }
def ascii = { List dwords -> def b = new ByteArrayOutputStream(); dwords.each { long d -> 3.downTo(0) { b.write((int) (d >>> (8 * it)) & 0xff) } }; new String(b.toByteArray(), 'US-ASCII').replace('\u0000', '').trim() }

def table = { String title, List rows ->
    int w = rows.collect { it[0].length() }.max() ?: 0
    println "== $title " + '=' * Math.max(4, 72 - title.length())
    rows.each { println "  ${it[0].padRight(w)}  ${it[1]}" }
}

def port = { d, int p, boolean ib ->
    def paos = d.reg.PAOS.read(local_port: p)
    def state = "${paos.name('oper_status') ?: paos.oper_status} (admin ${paos.name('admin_status') ?: paos.admin_status})"
    def speed = ib ? attempt {
        def ptys = d.reg.PTYS.read(local_port: p, proto_mask: 1)
        IbLinkModes.describe(ptys.ib_proto_oper as long, ptys.ib_link_width_oper as long)
    } : attempt {
        def ptys = d.reg.PTYS.read(local_port: p, proto_mask: 4)
        def m = LinkModes.names(ptys.eth_proto_oper as long, ptys.ext_eth_proto_oper as long)
        if (!m) return 'no link'
        def (name, rate) = m[0].tokenize(' ')
        "$rate ($name)"
    }
    def mtu = attempt { def v = d.reg.PMTU.read(local_port: p); "MTU ${v.oper_mtu} (admin ${v.admin_mtu}, max ${v.max_mtu})" }
    def fec = attempt { d.reg.PDDR.read(local_port: p, page_select: 0).page_data.operation_info_page.with { "FEC ${it.name('fec_mode_active') ?: it.fec_mode_active}" } }
    [state: state, speed: speed, mtu: mtu, fec: fec]
}

def module = { d, int p ->
    try {
        def m = d.reg.PDDR.read(local_port: p, page_select: 3).page_data.module_info
        def kind = [m.name('cable_identifier'), m.name('cable_type')].findAll().join(' ')
        return [text: "${m.vendor_name} ${m.vendor_pn} SN ${m.vendor_sn}${kind ? ', ' + kind : ''}, ${c(((short) m.temperature) / 256d)}",
                vendor: m.vendor_name, pn: m.vendor_pn, sn: m.vendor_sn]
    } catch (FwshException ignored) {
        // no PDDR module page: read the SFF-8636 upper page 0 through MCIA
    }
    def mod = (d.reg.PMLP.read(local_port: p).lane0_module_mapping as long) & 0xff
    def field = { int addr -> ascii(d.reg.MCIA.read(module: mod, i2c_device_address: 0x50, page_number: 0, device_address: addr, size: 16).dword.take(4)) }
    def vendor = field(148), pn = field(168), sn = field(196)
    [text: "$vendor $pn SN $sn (MCIA module $mod)", vendor: vendor, pn: pn, sn: sn]
}

def targets = selected != null ? [device(selected ==~ /\d+/ ? selected as int : selected)] : devices
if (!targets) println 'no devices'
def result = []
for (d in targets) {
    def info = d.info
    def rows = []
    def facts = [name: info.name, pci: info.pci, transport: info.transport, profile: info.profile,
                 fw_version: info.fw_version, psid: info.psid, device_id: info.device_id]
    rows << ['device', "${info.name}  ${info.pci ?: '-'}"]
    rows << ['transport', info.transport + (info.personality ? " (${info.personality})" : '') + (info.profile ? ", profile ${info.profile}" : '')]
    if (info.identity_error) rows << ['firmware', "unavailable (${info.identity_error})"]
    else rows << ['firmware', "${info.fw_version}   PSID ${info.psid}   device id ${info.device_id}"]
    if (info.netdevs || info.rdma) rows << ['interfaces', ((info.netdevs ?: []) + (info.rdma ?: [])).join(' ')]
    def g = null
    rows << ['caps', attempt {
        g = d.cap.general
        "log_max_qp ${g.log_max_qp}  log_max_cq ${g.log_max_cq}  log_max_mkey ${g.log_max_mkey}  num_ports ${g.num_ports}  " +
                "port_type ${g.value.name('port_type') ?: g.port_type}  debug ${g.debug}  diag counters ${g.num_of_diagnostic_counters}"
    }]
    if (g != null) facts.caps = [log_max_qp: g.log_max_qp, log_max_cq: g.log_max_cq, log_max_mkey: g.log_max_mkey, num_ports: g.num_ports,
                                 port_type: g.port_type, debug: g.debug, num_of_diagnostic_counters: g.num_of_diagnostic_counters]
    rows << ['temperature', attempt {
        def t = d.reg.MTMP.read(sensor_index: 0)
        "${t.sensor_name ?: 'ASIC'} ${c(celsius(t.temperature))} (max ${c(celsius(t.max_temperature))}, threshold ${c(celsius(t.temp_threshold_hi))})"
    }]
    rows << ['pcie', attempt {
        def e = d.reg.MPEIN.read(pcie_index: 0)
        def gen = { long mask -> mask ? "Gen${[1: 1, 2: 2, 4: 3, 16: 4, 32: 5][(int) Long.highestOneBit(mask)] ?: '?'}" : '-' }
        facts.pcie = [speed: gen(e.link_speed_active as long), width: e.name('link_width_active'),
                      capable_speed: gen(e.link_speed_enabled as long), capable_width: e.name('link_width_enabled')]
        "${facts.pcie.speed} ${facts.pcie.width} (capable ${facts.pcie.capable_speed} ${facts.pcie.capable_width})"
    }]
    int ports = d.ports.size()
    facts.ports = []
    for (int p = 1; p <= ports; p++) {
        try {
            def st = port(d, p, g != null && g.port_type == 0)   // port_type 0: InfiniBand
            rows << ["port $p", "${st.state}  ${st.speed}  ${st.mtu}  ${st.fec}"]
            def m = attempt { module(d, p) }
            rows << ["module $p", m instanceof Map ? m.text : m]
            facts.ports << st + [port: p, module: m instanceof Map ? m.findAll { it.key != 'text' } : m]
        } catch (FwshException e) {
            rows << ["port $p", "unavailable (${e.message})"]
        }
    }
    table("${info.name}", rows)
    result << facts
}
result
