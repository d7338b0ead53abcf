// Purpose: prints dev's name, where its answers come from, and port 1's operational MTU; returns the MTU.
// Arguments: none
// Scope: debug-read-only
// Example: fwsh scripts/mtu.groovy

def mtu = dev.reg.PMTU.read(local_port: 1).oper_mtu
println "$dev.name ($dev.source) oper_mtu $mtu"
mtu
