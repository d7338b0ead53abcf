// Purpose: the register fields that changed between two snapshots written by registers/snapshot.groovy.
// Arguments: A.json B.json
// Scope: none (reads files only)
// Example: fwsh registers/diff.groovy before.json after.json
// Result: prints "REGISTER.field: a -> b" per change and a summary; returns, and stores in the binding variable
//         exitCode, 0 when nothing changed and 3 when something did.
// Exit: 0 no change; 3 something changed; 2 for a bad argument; 1 an error (a file missing or not a snapshot).

import groovy.json.JsonSlurper

def usage = 'usage: registers/diff.groovy A.json B.json'
def argv = parseArgs(positional: 2) {}.arguments()
if (argv.size() != 2) usageError('needs two snapshot files')
def load = { String path ->
    def f = new File(path)
    if (!f.isFile()) throw new FwshException("registers/diff.groovy: no snapshot file '$path'; $usage")
    def s
    try { s = new JsonSlurper().parse(f) } catch (Exception e) { throw new FwshException("registers/diff.groovy: '$path' is not JSON (${e.message.readLines()[0]})") }
    if (!(s instanceof Map) || !(s.registers instanceof Map)) throw new FwshException("registers/diff.groovy: '$path' is not a registers/snapshot.groovy snapshot (no 'registers')")
    s
}
def (a, b) = argv.collect(load)
def flatten
flatten = { Map m, String prefix = '' ->
    m.collectEntries { k, v -> v instanceof Map ? flatten(v, "$prefix$k.") : [("$prefix$k".toString()): v] }
}
def ida = a.device ?: [:], idb = b.device ?: [:]
println "${argv[0]}: ${ida.name} ${ida.psid} fw ${ida.fw_version} at ${a.taken}"
println "${argv[1]}: ${idb.name} ${idb.psid} fw ${idb.fw_version} at ${b.taken}"
if (ida.psid != idb.psid || ida.pci != idb.pci) println 'note: the snapshots are of different devices'
if (a.port != b.port) println "note: the snapshots are of different ports (${a.port} vs ${b.port})"

int changes = 0
def registers = [] as Set
(a.registers.keySet() + b.registers.keySet()).toSorted().each { name ->
    def ra = a.registers[name], rb = b.registers[name]
    if (ra == null) { println "+ $name (only in ${argv[1]})"; changes++; registers << name; return }
    if (rb == null) { println "- $name (only in ${argv[0]})"; changes++; registers << name; return }
    def fa = flatten(ra), fb = flatten(rb)
    (fa.keySet() + fb.keySet()).each { f ->
        if (fa[f] != fb[f]) {
            println "$name.$f: ${fa[f] ?: (fa.containsKey(f) ? fa[f] : '(absent)')} -> ${fb.containsKey(f) ? fb[f] : '(absent)'}"
            changes++
            registers << name
        }
    }
}
println changes ? "$changes field(s) changed in ${registers.size()} register(s)" : 'no changes'
exitCode = changes ? 3 : 0
exitCode
