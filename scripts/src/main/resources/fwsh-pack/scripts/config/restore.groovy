// Purpose: shows how the device differs from a baseline written by config/backup.groovy and sets the baseline's values for the next boot (parameters the device lacks are skipped, one line each).
// Arguments: FILE [--dry-run] [--device SEL] [--help]
// Scope: configuration (start fwsh with --scope configuration; the script raises it with withScope; --dry-run needs none)
// Example: fwsh --scope configuration config/restore.groovy site.json
// Exit: 0 restored (or nothing to restore); 1 refused or a partial failure; 2 for a bad argument.

import groovy.cli.picocli.CliBuilder

def cli = new CliBuilder(usage: 'config/restore.groovy FILE [--dry-run] [--device SEL]', writer: new PrintWriter(out, true), stopAtNonOption: false)
cli.h(longOpt: 'help', 'print what the script does')
cli._(longOpt: 'dry-run', 'show what would change; send nothing')
cli._(longOpt: 'device', args: 1, argName: 'SEL', 'device index, name or PCI address (default: dev)')
def opts = cli.parse(args ?: new String[0])
if (!opts) { exitCode = 2; return 2 }
if (opts.h) { print scriptHeader(); return 0 }
if (opts.arguments().size() != 1) {
    System.err.println('config/restore.groovy: give one baseline FILE; usage: config/restore.groovy FILE [--dry-run] [--device SEL]')
    exitCode = 2
    return 2
}
def d = opts.device ? device(opts.device ==~ /\d+/ ? opts.device as int : opts.device) : dev
def file = opts.arguments()[0]
opts.'dry-run' ? d.nv.restore([dryRun: true], file) : withScope('configuration') { d.nv.restore(file) }
