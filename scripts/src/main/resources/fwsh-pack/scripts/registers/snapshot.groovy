// Purpose: read every register the device answers and save them, with the device identity, as a JSON snapshot.
// Arguments: [--out FILE] (default: JSON on stdout) [--port N] (local_port for port registers, default 1) [--device SEL]
// Scope: debug-read-only (reads only; dump/tracer control registers are not touched)
// Example: fwsh registers/snapshot.groovy --out before.json
// Returns: the snapshot map {device: {...}, port: N, registers: {NAME: {field: value}}, skipped: {...}}.

import groovy.json.JsonOutput
import fwsh.dsl.engine.RpcRequest
import fwsh.wire.Access

def usage = 'usage: registers/snapshot.groovy [--out FILE] [--port N] [--device SEL]'
def argv = (args ?: new String[0]) as List
def outFile = null
int localPort = 1
def selected = null
for (int i = 0; i < argv.size(); i++) {
    if (argv[i] == '--out' && i + 1 < argv.size()) outFile = argv[++i]
    else if (argv[i] == '--port' && i + 1 < argv.size() && argv[i + 1] ==~ /\d+/) localPort = argv[++i] as int
    else if (argv[i] == '--device' && i + 1 < argv.size()) selected = argv[++i]
    else throw new FwshException("registers/snapshot.groovy: bad argument '${argv[i]}'; $usage")
}
def d = selected != null ? device(selected ==~ /\d+/ ? selected as int : selected) : dev
if (d == null) throw new FwshException('registers/snapshot.groovy: no device in this session')

// Index values for the first instance of each register: the port, Ethernet for PTYS, sensor/module/page 0.
def INDEX = [local_port: localPort, proto_mask: 4]
def BAD_OP = 0x02, BAD_PARAM = 0x03, BAD_RES = 0x05   // BAD_RES: an indexed item the device lacks (the NV registers at index 0)
def plain
plain = { v -> v instanceof byte[] ? '0x' + v.encodeHex().toString() : v instanceof Map ? v.collectEntries { k, x -> [k, plain(x)] } :
        v instanceof List ? v.collect { plain(it) } : v }

def registers = new TreeMap()
def refused = [], failed = [:], control = []
for (name in d.reg.list()) {
    if (RpcRequest.DIAGNOSTIC_CONTROL.contains(name)) { control << name; continue }   // reading these starts dumps/traces
    def reg = d.reg[name]
    def index = reg.layout.fields().findAll { it.access() == Access.INDEX && it.isNumeric() }.collectEntries { [it.name(), INDEX[it.name()] ?: 0] }
    try {
        registers[name] = plain(reg.read(index).toMap())
    } catch (FirmwareStatusException e) {
        if (e.status in [BAD_PARAM, BAD_OP, BAD_RES]) refused << name else failed[name] = e.message
    } catch (RuntimeException e) {   // catalog encoding limits (WireException) as well as FwshException
        failed[name] = e.message
    }
}
def info = d.info
def snapshot = [device: [name: info.name, pci: info.pci, transport: info.transport, profile: info.profile,
                         psid: info.psid, fw_version: info.fw_version, device_id: info.device_id],
                taken: java.time.Instant.now().toString(), port: localPort, registers: registers,
                skipped: [refused: refused, control: control, failed: failed]]
def json = JsonOutput.prettyPrint(JsonOutput.toJson(snapshot))
if (outFile) {
    new File(outFile).text = json + '\n'
    println "snapshot of ${info.name} (${info.psid}, fw ${info.fw_version}): ${registers.size()} registers written to $outFile; " +
            "skipped ${refused.size()} refused (BAD_PARAM/BAD_OP/BAD_RES), ${control.size()} dump/trace control" + (failed ? ", ${failed.size()} failed: ${failed.keySet().join(', ')}" : '')
} else {
    println json
}
snapshot
