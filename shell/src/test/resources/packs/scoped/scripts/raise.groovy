// Purpose: raises the scope to SCOPE with withScope and prints 'raised SCOPE'.
// Arguments: SCOPE
// Scope: configuration
// Example: fwsh --scope configuration scripts/raise.groovy configuration

withScope(args[0]) { println "raised ${args[0]}" }
