// Purpose: the device's NV configuration as mlxconfig -e query shows it: each supported parameter's default, current and next-boot value and who configured it ("*" marks a changed one, "RO" one the device will not let be written).
// Arguments: [PATTERN] (glob of mlxconfig names such as 'SRIOV*'; default all) [--modified] (only changed parameters) [--json] (the rows as a JSON list) [--device SEL] [--help]
// Scope: debug-read-only (reads only)
// Example: fwsh config/show.groovy 'SRIOV*' ; fwsh --emulate=cx7 config/show.groovy --modified
// Exit: 0; 2 for a bad argument.

import groovy.json.JsonOutput

def opts = parseArgs(positional: 1) {
    _(longOpt: 'modified', 'only parameters whose default, current and next boot differ')
    _(longOpt: 'json', 'print the rows as JSON (parameter, default, current, next, writer, modified, read_only)')
    _(longOpt: 'device', args: 1, argName: 'SEL', 'device index, name or PCI address (default: dev)')
}
def d = opts.device ? device(opts.device ==~ /\d+/ ? opts.device as int : opts.device) : dev
def table = d.nv.query(opts.arguments() ? opts.arguments()[0] : '*')
if (opts.json) {
    def rows = opts.modified ? table.modified() : table
    println JsonOutput.toJson(rows*.toMap())
    return rows
}
if (opts.modified) {
    def changed = table.modified()
    changed*.toMap().each { println "${it.parameter}: default ${it.default}, current ${it.current}, next boot ${it.next}, writer ${it.writer}" }
    println "${changed.size()} of ${table.size()} parameter(s) of ${d.name} changed"
    return changed
}
print table.text()
table
