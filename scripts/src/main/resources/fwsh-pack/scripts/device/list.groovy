// Purpose: list the devices in reach, one line each.
// Arguments: none.
// Scope: none (no RPC is sent).
// Example: fwsh device/list.groovy
// Exit: 0; 2 for a bad argument.
parseArgs {}
devices.eachWithIndex { d, i -> println "[$i] ${d.summary()}" }
if (!devices) println 'no devices'
devices.size()
