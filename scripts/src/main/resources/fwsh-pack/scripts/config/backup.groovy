// Purpose: writes the device's NV configuration (every supported parameter's next-boot value, mlxconfig names) to a JSON baseline for config/diff.groovy and config/restore.groovy.
// Arguments: FILE [--device SEL] [--help]
// Scope: debug-read-only (reads only)
// Example: fwsh config/backup.groovy site.json
// Exit: 0; 2 for a bad argument.

import groovy.cli.picocli.CliBuilder

def cli = new CliBuilder(usage: 'config/backup.groovy FILE [--device SEL]', writer: new PrintWriter(out, true), stopAtNonOption: false)
cli.h(longOpt: 'help', 'print what the script does')
cli._(longOpt: 'device', args: 1, argName: 'SEL', 'device index, name or PCI address (default: dev)')
def opts = cli.parse(args ?: new String[0])
if (!opts) { exitCode = 2; return 2 }
if (opts.h) { print scriptHeader(); return 0 }
if (opts.arguments().size() != 1) {
    System.err.println('config/backup.groovy: give one FILE; usage: config/backup.groovy FILE [--device SEL]')
    exitCode = 2
    return 2
}
def d = opts.device ? device(opts.device ==~ /\d+/ ? opts.device as int : opts.device) : dev
d.nv.backup(opts.arguments()[0])
