// Purpose: resource dump: the segment menu, or one segment's objects (INFO, COMMAND, resource segments as hexdumps, NOTICE, TERMINATE).
// Arguments: [--segment NAME|0xID] [--index1 N] [--index2 N] [--num1 N|all|active] [--num2 N|all|active] [--umem] [--device SEL]
//            (no --segment: print the menu; --umem: the device DMAs into an mkey over user memory instead of inline)
// Scope: debug-read-only (the PD and mkey of --umem are journaled diagnostic objects; mlx5ctl only)
// Example: fwsh dump/resource.groovy --segment FULL_QPC --index1 0x100
// Returns: the DumpResult (or the menu records); a device ERROR segment or a lost sequence is one error line.
// Exit: 0; 2 for a bad argument; 1 an error (a device ERROR segment, an unknown segment).

import fwsh.dsl.dump.ResourceDump

def usage = 'usage: dump/resource.groovy [--segment NAME|0xID] [--index1 N] [--index2 N] [--num1 N|all|active] [--num2 N|all|active] [--umem] [--device SEL]'
def cli = parseArgs {
    _(longOpt: 'segment', args: 1, argName: 'NAME|0xID', 'the segment to dump (none: the menu)')
    _(longOpt: 'index1', args: 1, argName: 'N', 'first index')
    _(longOpt: 'index2', args: 1, argName: 'N', 'second index')
    _(longOpt: 'num1', args: 1, argName: 'N|all|active', 'number of objects 1')
    _(longOpt: 'num2', args: 1, argName: 'N|all|active', 'number of objects 2')
    _(longOpt: 'umem', 'DMA into an mkey over user memory (mlx5ctl)')
    _(longOpt: 'device', args: 1, argName: 'SEL', 'device index, name or PCI address (default: dev)')
}
def opts = [:]
['segment': 'segment', 'index1': 'index1', 'index2': 'index2', 'num1': 'num_of_obj1', 'num2': 'num_of_obj2'].each { k, v -> if (cli."$k") opts[v] = cli."$k" }
if (cli.umem) opts.umem = true
def selected = cli.device ?: null
def d = selected != null ? device(selected ==~ /\d+/ ? selected as int : selected) : dev
if (d == null) throw new FwshException('dump/resource.groovy: no device in this session')

if (!opts.segment) {
    if (opts.size() > (opts.umem ? 1 : 0)) usageError('--index/--num need --segment')
    def menu = opts.umem ? ResourceDump.menuDump(d, [umem: true]).menu : ResourceDump.menu(d)
    println "resource dump menu of ${d.name} (${d.source}): ${menu.size()} segments"
    println String.format('%-6s  %-16s %-18s %s', 'type', 'segment', 'index1/index2', 'supports')
    menu.each { println it.row() }
    return menu
}
def result = ResourceDump.dump(d, opts)
result.show()
result
