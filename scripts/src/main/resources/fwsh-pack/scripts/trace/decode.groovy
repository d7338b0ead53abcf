// Purpose: decode a trace capture offline (no device needed): one tracepoint-format line per message, then a summary; each damaged place of the file is one line on stderr ("error: FILE: at byte offset N: ...; skipped B bytes to the next intact record at byte offset M") and decoding goes on after it.
// Arguments: FILE [--grep REGEX] [--events IDS] [--count N] [--json] [--real-ts] [--out FILE]
// Scope: none (no RPC is sent)
// Example: fwsh trace/decode.groovy fw.trc --grep 'cmd_if' --json
// Returns: the TraceSummary (damaged() and damagedRecords() say whether and how many damaged records were skipped; every intact record is decoded).
// Exit: 0 the file is intact; 1 it is damaged or cut off mid-record (what is intact was still printed; stored in the binding variable exitCode); 2 for a bad argument.

import fwsh.dsl.trace.TraceFiles
import fwsh.dsl.trace.TraceSummary

def cli = parseArgs(positional: 1) {
    _(longOpt: 'grep', args: 1, argName: 'REGEX', 'only messages matching REGEX')
    _(longOpt: 'events', args: 1, argName: 'IDS', 'only these event ids: 0xb3, 0xb0-0xb4, 0xb0,0xb3')
    _(longOpt: 'count', args: 1, argName: 'N', 'stop after N messages')
    _(longOpt: 'json', 'one JSON object per message')
    _(longOpt: 'real-ts', 'wall-clock timestamps')
    _(longOpt: 'out', args: 1, argName: 'FILE', 'write the lines to FILE')
}
def opts = [:]
['grep', 'events', 'count'].each { if (cli."$it") opts[it] = cli."$it" }
if (cli.json) opts.json = true
if (cli.'real-ts') opts.realTs = true
def input = cli.arguments() ? cli.arguments()[0] : null
def file = cli.out ?: null
if (input == null) usageError('which capture file? give FILE')

def console = binding.hasVariable('out') ? binding.getVariable('out') : System.out
TraceSummary summary
if (file != null) {
    new File(file).withWriter('UTF-8') { w -> summary = TraceFiles.decode(opts + [out: w], input) }
    console.println "messages written to $file"
    console.println summary.toString()
} else {
    summary = TraceFiles.decode(opts + [out: console], input)
}
exitCode = summary.damaged() ? 1 : 0
summary
