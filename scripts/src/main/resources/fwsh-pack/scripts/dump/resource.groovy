// Purpose: resource dump: the segment menu, or one segment's objects (INFO, COMMAND, resource segments as hexdumps, NOTICE, TERMINATE).
// Arguments: [--segment NAME|0xID] [--index1 N] [--index2 N] [--num1 N|all|active] [--num2 N|all|active] [--umem] [--device SEL]
//            (no --segment: print the menu; --umem: the device DMAs into an mkey over user memory instead of inline)
// Scope: debug-read-only (the PD and mkey of --umem are journaled diagnostic objects; mlx5ctl only)
// Example: fwsh dump/resource.groovy --segment FULL_QPC --index1 0x100
// Returns: the DumpResult (or the menu records); a device ERROR segment or a lost sequence is one error line.

import fwsh.dsl.dump.ResourceDump

def usage = 'usage: dump/resource.groovy [--segment NAME|0xID] [--index1 N] [--index2 N] [--num1 N|all|active] [--num2 N|all|active] [--umem] [--device SEL]'
def argv = (args ?: new String[0]) as List
def opts = [:]
def selected = null
def keys = ['--segment': 'segment', '--index1': 'index1', '--index2': 'index2', '--num1': 'num_of_obj1', '--num2': 'num_of_obj2']
for (int i = 0; i < argv.size(); i++) {
    def a = argv[i]
    if (keys.containsKey(a) && i + 1 < argv.size()) opts[keys[a]] = argv[++i]
    else if (a == '--umem') opts.umem = true
    else if (a == '--device' && i + 1 < argv.size()) selected = argv[++i]
    else throw new FwshException("dump/resource.groovy: bad argument '$a'; $usage")
}
def d = selected != null ? device(selected ==~ /\d+/ ? selected as int : selected) : dev
if (d == null) throw new FwshException('dump/resource.groovy: no device in this session')

if (!opts.segment) {
    if (opts.size() > (opts.umem ? 1 : 0)) throw new FwshException("dump/resource.groovy: --index/--num need --segment; $usage")
    def menu = opts.umem ? ResourceDump.menuDump(d, [umem: true]).menu : ResourceDump.menu(d)
    println "resource dump menu of ${d.name}: ${menu.size()} segments"
    println String.format('%-6s  %-16s %-18s %s', 'type', 'segment', 'index1/index2', 'supports')
    menu.each { println it.row() }
    return menu
}
def result = ResourceDump.dump(d, opts)
result.show()
result
