// Purpose: follow the firmware tracer live: one line per message ([0x<ts>] <lost> [0x<event_id>] <text>, as the kernel's mlx5_fw tracepoint prints it), then a summary line.
// Arguments: [--for DURATION] [--count N] [--grep REGEX] [--events IDS] [--json] [--real-ts] [--wait DURATION] [--out FILE] [--device SEL]
//            (DURATION: 5s, 250ms, 2min; IDS: 0xb3 or 0xb0-0xb4 or 0xb0,0xb3; no --for/--count: until Ctrl-C)
// Scope: debug-read-only (tracer ownership, PD, mkey and umem are journaled diagnostic objects; needs mlx5ctl: on fwctl it reads the kernel's mlx5_fw tracepoint from tracefs)
// Example: fwsh trace/live.groovy --for 10s --grep 'PHY_' --real-ts
// Returns: the TraceSummary (events, messages, shown, lost, overruns, bad formats).
// Exit: 0; 2 for a bad argument; 1 an error (no tracer).

import fwsh.dsl.trace.TraceSummary

def cli = parseArgs(include: traceOptions()) {       // --for --count --grep --events --json --real-ts --wait --every
    _(longOpt: 'out', args: 1, argName: 'FILE', 'also write a capture file')
    _(longOpt: 'device', args: 1, argName: 'SEL', 'device index, name or PCI address (default: dev)')
}
def opts = traceOptions(cli)
def selected = cli.device ?: null
def file = cli.out ?: null
def d = selected != null ? device(selected) : (binding.hasVariable('dev') ? dev : null)
if (d == null) throw new FwshException('trace/live.groovy: no device in this session')

def console = binding.hasVariable('out') ? binding.getVariable('out') : System.out
TraceSummary summary
if (file != null) {
    // messages to the file, the summary also to the console
    new File(file).withWriter('UTF-8') { w -> summary = d.tracer.tail(opts + [out: w]) }
    console.println "messages written to $file"
    console.println summary.toString()
} else {
    summary = d.tracer.tail(opts + [out: console])
}
summary
