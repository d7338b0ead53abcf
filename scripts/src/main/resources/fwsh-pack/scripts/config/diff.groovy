// Purpose: drift check: compares one or more devices' NV configuration with a baseline written by config/backup.groovy, naming each parameter that differs, what the baseline expects, what the device has (next boot and in use) and who configured it.
// Arguments: BASELINE [--devices SEL... | --devices all] (default: dev) [--json] (one JSON object per device) [--help]
// Scope: debug-read-only (reads only)
// Example: fwsh config/diff.groovy site.json --devices all
// Exit: 0 every device matches; 3 a difference (stored in exitCode); 1 for an unreadable baseline; 2 for a bad argument.

import groovy.json.JsonOutput

def opts = parseArgs(positional: 1) {
    _(longOpt: 'json', 'print each device\'s differences as JSON (device, compared, differences)')
    _(longOpt: 'devices', args: '+', valueSeparator: ',', argName: 'SEL', 'devices to compare (index, name, PCI address) or all')
}
if (opts.arguments().size() != 1) usageError('give one BASELINE file')
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
