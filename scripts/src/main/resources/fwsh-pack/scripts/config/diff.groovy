// Purpose: drift check: compares one or more devices' NV configuration with a baseline written by config/backup.groovy, naming each parameter that differs, what the baseline expects, what the device has (next boot and in use) and who configured it.
// Arguments: BASELINE [--devices SEL... | --devices all] (default: dev) [--json] (one JSON object per device) [--help]
// Scope: debug-read-only (reads only)
// Example: fwsh config/diff.groovy site.json --devices all
// Exit: 0 every device matches; 3 a difference (stored in exitCode); 1 for an unreadable baseline; 2 for a bad argument.

import groovy.cli.picocli.CliBuilder
import groovy.json.JsonOutput

def cli = new CliBuilder(usage: 'config/diff.groovy BASELINE [--devices SEL... | all] [--json]', writer: new PrintWriter(out, true), stopAtNonOption: false)
cli.h(longOpt: 'help', 'print what the script does')
cli._(longOpt: 'json', 'print each device\'s differences as JSON (device, compared, differences)')
cli._(longOpt: 'devices', args: '+', valueSeparator: ',', argName: 'SEL', 'devices to compare (index, name, PCI address) or all')
def opts = cli.parse(args ?: new String[0])
if (!opts) { exitCode = 2; return 2 }
if (opts.h) { print scriptHeader(); return 0 }
if (opts.arguments().size() != 1) {
    System.err.println('config/diff.groovy: give one BASELINE file; usage: config/diff.groovy BASELINE [--devices SEL... | all]')
    exitCode = 2
    return 2
}
def sel = opts.devicess ?: []
def targets = sel == ['all'] ? devices : sel ? sel.collect { device(it ==~ /\d+/ ? it as int : it) } : [dev]
def baseline = opts.arguments()[0]
int differ = 0
def results = targets.collect { d ->
    def diff = d.nv.diff(baseline)
    println opts.json ? JsonOutput.toJson([device: diff.device, compared: diff.compared, differences: diff*.toMap()]) : diff.text()
    differ += diff.size()
    diff
}
exitCode = differ ? 3 : 0
results
