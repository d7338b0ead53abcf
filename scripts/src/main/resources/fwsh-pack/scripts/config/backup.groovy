// Purpose: writes the device's NV configuration (every supported parameter's next-boot value, mlxconfig names) to a JSON baseline for config/diff.groovy and config/restore.groovy.
// Arguments: FILE [--device SEL] [--help]
// Scope: debug-read-only (reads only)
// Example: fwsh config/backup.groovy site.json
// Exit: 0; 2 for a bad argument.

def opts = parseArgs(positional: 1) {
    _(longOpt: 'device', args: 1, argName: 'SEL', 'device index, name or PCI address (default: dev)')
}
if (opts.arguments().size() != 1) usageError('give one FILE')
def d = opts.device ? device(opts.device ==~ /\d+/ ? opts.device as int : opts.device) : dev
d.nv.backup(opts.arguments()[0])
