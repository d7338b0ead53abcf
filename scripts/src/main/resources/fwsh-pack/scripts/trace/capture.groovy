// Purpose: capture the firmware tracer's raw blocks, with the device identity, tracer caps and string DB, into a file that trace/decode.groovy reads on any machine.
// Arguments: --out FILE [--for DURATION] [--count N] [--print] [--grep REGEX] [--events IDS] [--json] [--real-ts] [--wait DURATION] [--device SEL]
//            (no --for/--count: until Ctrl-C; --print also prints the messages, filtered by --grep/--events)
// Scope: debug-read-only (tracer ownership, PD, mkey and umem are journaled diagnostic objects; mlx5ctl devices only)
// Example: fwsh trace/capture.groovy --out fw.trc --for 30s
// Returns: the TraceSummary; prints "capture: N blocks, M overruns written to FILE" and the summary.

def usage = 'usage: trace/capture.groovy --out FILE [--for DURATION] [--count N] [--print] [--grep REGEX] [--events IDS] [--json] [--real-ts] [--wait DURATION] [--device SEL]'
def argv = (args ?: new String[0]) as List
def opts = [:]
def selected = null
def file = null
def valued = ['--for': 'for', '--count': 'count', '--grep': 'grep', '--events': 'events', '--wait': 'wait', '--every': 'every']
for (int i = 0; i < argv.size(); i++) {
    def a = argv[i]
    if (valued.containsKey(a) && i + 1 < argv.size()) opts[valued[a]] = argv[++i]
    else if (a == '--json') opts.json = true
    else if (a == '--real-ts') opts.realTs = true
    else if (a == '--print') opts.print = true
    else if (a == '--out' && i + 1 < argv.size()) file = argv[++i]
    else if (a == '--device' && i + 1 < argv.size()) selected = argv[++i]
    else throw new FwshException("trace/capture.groovy: bad argument '$a'; $usage")
}
if (file == null) throw new FwshException("trace/capture.groovy: --out FILE is needed; $usage")
def d = selected != null ? device(selected) : (binding.hasVariable('dev') ? dev : null)
if (d == null) throw new FwshException('trace/capture.groovy: no device in this session')

def console = binding.hasVariable('out') ? binding.getVariable('out') : System.out
d.tracer.capture(opts + [out: console], file)
