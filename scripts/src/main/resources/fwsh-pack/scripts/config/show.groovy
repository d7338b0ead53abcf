// Purpose: the device's NV configuration as mlxconfig -e query shows it: each supported parameter's default, current and next-boot value and who configured it ("*" marks a changed one, "RO" one the device will not let be written).
// Arguments: [PATTERN] (glob of mlxconfig names such as 'SRIOV*'; default all) [--modified] (only changed parameters) [--json] (the rows as a JSON list) [--device SEL] [--help]
// Scope: debug-read-only (reads only)
// Example: fwsh config/show.groovy 'SRIOV*' ; fwsh --emulate=cx7 config/show.groovy --modified
// Exit: 0; 2 for a bad argument.

import groovy.cli.picocli.CliBuilder
import groovy.json.JsonOutput

def cli = new CliBuilder(usage: 'config/show.groovy [PATTERN] [--modified] [--json] [--device SEL]', writer: new PrintWriter(out, true), stopAtNonOption: false)
cli.h(longOpt: 'help', 'print what the script does')
cli._(longOpt: 'modified', 'only parameters whose default, current and next boot differ')
cli._(longOpt: 'json', 'print the rows as JSON (parameter, default, current, next, writer, modified, read_only)')
cli._(longOpt: 'device', args: 1, argName: 'SEL', 'device index, name or PCI address (default: dev)')
def opts = cli.parse(args ?: new String[0])
if (!opts || opts.arguments().size() > 1) { exitCode = 2; return 2 }
if (opts.h) { print scriptHeader(); return 0 }
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
