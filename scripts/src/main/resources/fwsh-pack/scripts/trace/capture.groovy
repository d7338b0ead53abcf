// Purpose: capture the firmware tracer's raw blocks, with the device identity, tracer caps and string DB, into a file that trace/decode.groovy reads on any machine.
// Arguments: --out FILE [--for DURATION] [--count N] [--print] [--grep REGEX] [--events IDS] [--json] [--real-ts] [--wait DURATION] [--device SEL]
//            (no --for/--count: until Ctrl-C; --print also prints the messages, filtered by --grep/--events)
// Scope: debug-read-only (tracer ownership, PD, mkey and umem are journaled diagnostic objects; mlx5ctl devices only)
// Example: fwsh trace/capture.groovy --out fw.trc --for 30s
// Returns: the TraceSummary; prints "capture: N blocks, M overruns written to FILE" and the summary.
// Exit: 0; 2 for a bad argument (or no --out); 1 an error (no tracer, a file that cannot be written).

def cli = parseArgs(include: traceOptions()) {       // --for --count --grep --events --json --real-ts --wait --every
    _(longOpt: 'out', args: 1, argName: 'FILE', 'the capture file (required)')
    _(longOpt: 'print', 'also print the messages')
    _(longOpt: 'device', args: 1, argName: 'SEL', 'device index, name or PCI address (default: dev)')
}
def opts = traceOptions(cli)
if (cli.print) opts.print = true
def selected = cli.device ?: null
def file = cli.out ?: null
if (file == null) usageError('--out FILE is needed')
def d = selected != null ? device(selected) : (binding.hasVariable('dev') ? dev : null)
if (d == null) throw new FwshException('trace/capture.groovy: no device in this session')

def console = binding.hasVariable('out') ? binding.getVariable('out') : System.out
d.tracer.capture(opts + [out: console], file)
