// Purpose: decode a trace capture offline (no device needed): one tracepoint-format line per message, then a summary; each damaged place of the file is one line on stderr ("error: FILE: at byte offset N: ...; skipped B bytes to the next intact record at byte offset M") and decoding goes on after it.
// Arguments: FILE [--grep REGEX] [--events IDS] [--count N] [--json] [--real-ts] [--out FILE]
// Scope: none (no RPC is sent)
// Example: fwsh trace/decode.groovy fw.trc --grep 'cmd_if' --json
// Returns: the TraceSummary (damaged() and damagedRecords() say whether and how many damaged records were skipped; every intact record is decoded).
// Exit: 0 the file is intact; 1 it is damaged or cut off mid-record (what is intact was still printed); stored in the binding variable exitCode.

import fwsh.dsl.trace.TraceFiles
import fwsh.dsl.trace.TraceSummary

def usage = 'usage: trace/decode.groovy FILE [--grep REGEX] [--events IDS] [--count N] [--json] [--real-ts] [--out FILE]'
def argv = (args ?: new String[0]) as List
def opts = [:]
def input = null
def file = null
def valued = ['--count': 'count', '--grep': 'grep', '--events': 'events']
for (int i = 0; i < argv.size(); i++) {
    def a = argv[i]
    if (valued.containsKey(a) && i + 1 < argv.size()) opts[valued[a]] = argv[++i]
    else if (a == '--json') opts.json = true
    else if (a == '--real-ts') opts.realTs = true
    else if (a == '--out' && i + 1 < argv.size()) file = argv[++i]
    else if (!a.startsWith('--') && input == null) input = a
    else throw new FwshException("trace/decode.groovy: bad argument '$a'; $usage")
}
if (input == null) throw new FwshException("trace/decode.groovy: which capture file? $usage")

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
