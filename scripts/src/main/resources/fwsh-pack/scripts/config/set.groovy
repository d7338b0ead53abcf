// Purpose: sets NV parameters for the next boot, by mlxconfig name (as mlxconfig -d DEV set NAME=VALUE does), after every check fwsh makes; --dry-run shows exactly what would change and sends nothing.
// Arguments: NAME=VALUE... (True/False, enum names such as ETH, numbers; NAME[i]=V for one array element) [--dry-run] [--device SEL] [--help]
// Scope: configuration (start fwsh with --scope configuration; the script raises it with withScope; --dry-run needs none)
// Example: fwsh --scope configuration config/set.groovy SRIOV_EN=True NUM_OF_VFS=8 ; fwsh config/set.groovy LINK_TYPE_P1=IB --dry-run
// Exit: 0 set (or nothing to change); 1 refused (one line per parameter, nothing sent) or a partial failure (it says which were written); 2 for a bad argument.

import groovy.cli.picocli.CliBuilder

def cli = new CliBuilder(usage: 'config/set.groovy NAME=VALUE... [--dry-run] [--device SEL]', writer: new PrintWriter(out, true), stopAtNonOption: false)
cli.h(longOpt: 'help', 'print what the script does')
cli._(longOpt: 'dry-run', 'show what would change; send nothing')
cli._(longOpt: 'device', args: 1, argName: 'SEL', 'device index, name or PCI address (default: dev)')
def opts = cli.parse(args ?: new String[0])
if (!opts) { exitCode = 2; return 2 }
if (opts.h) { print scriptHeader(); return 0 }
def pairs = opts.arguments()
def bad = pairs.find { !(it ==~ /[A-Za-z0-9_]+(\[\d+])?=.*/) }
if (!pairs || bad) {
    System.err.println("config/set.groovy: ${bad ? "'$bad' is not NAME=VALUE" : 'give NAME=VALUE pairs'}; usage: config/set.groovy NAME=VALUE... [--dry-run] [--device SEL]")
    exitCode = 2
    return 2
}
def values = [:]
pairs.each { p -> def i = p.indexOf('='); values[p.substring(0, i)] = p.substring(i + 1) }
def d = opts.device ? device(opts.device ==~ /\d+/ ? opts.device as int : opts.device) : dev
def changes = opts.'dry-run' ? d.nv.set(values + [dryRun: true]) : withScope('configuration') { d.nv.set(values) }
changes.each { println it }
changes
