// Purpose: capture the firmware tracer's raw blocks, with the device identity, tracer caps and string DB, into a file that trace/decode.groovy reads on any machine.
// Arguments: --out FILE [--for DURATION] [--count N] [--print] [--grep REGEX] [--events IDS] [--json] [--real-ts] [--wait DURATION] [--device SEL]
//            (no --for/--count: until Ctrl-C; --print also prints the messages, filtered by --grep/--events)
// Scope: debug-read-only (tracer ownership, PD, mkey and umem are journaled diagnostic objects; mlx5ctl devices only)
// Example: fwsh trace/capture.groovy --out fw.trc --for 30s
// Returns: the TraceSummary; prints "capture: N blocks, M overruns written to FILE" and the summary.
// Exit: 0; 2 for a bad argument (or no --out); 1 an error (no tracer, a file that cannot be written).

def cli = parseArgs {
    _(longOpt: 'out', args: 1, argName: 'FILE', 'the capture file (required)')
    _(longOpt: 'for', args: 1, argName: 'DURATION', 'how long (5s, 250ms, 2min; default: until Ctrl-C or --count)')
    _(longOpt: 'count', args: 1, argName: 'N', 'stop after N messages')
    _(longOpt: 'grep', args: 1, argName: 'REGEX', 'only messages matching REGEX')
    _(longOpt: 'events', args: 1, argName: 'IDS', 'only these event ids: 0xb3, 0xb0-0xb4, 0xb0,0xb3')
    _(longOpt: 'json', 'one JSON object per message')
    _(longOpt: 'real-ts', 'wall-clock timestamps')
    _(longOpt: 'wait', args: 1, argName: 'DURATION', 'how long to wait for the tracer')
    _(longOpt: 'every', args: 1, argName: 'DURATION', 'poll period')
    _(longOpt: 'print', 'also print the messages')
    _(longOpt: 'device', args: 1, argName: 'SEL', 'device index, name or PCI address (default: dev)')
}
def opts = [:]
['for', 'count', 'grep', 'events', 'wait', 'every'].each { if (cli."$it") opts[it] = cli."$it" }
if (cli.json) opts.json = true
if (cli.'real-ts') opts.realTs = true
if (cli.print) opts.print = true
def selected = cli.device ?: null
def file = cli.out ?: null
if (file == null) usageError('--out FILE is needed')
def d = selected != null ? device(selected) : (binding.hasVariable('dev') ? dev : null)
if (d == null) throw new FwshException('trace/capture.groovy: no device in this session')

def console = binding.hasVariable('out') ? binding.getVariable('out') : System.out
d.tracer.capture(opts + [out: console], file)
