// Purpose: prints the first device's name and returns it; sets exitCode 3.
// Arguments: none
// Scope: debug-read-only
// Example: fwsh scripts/name.groovy

println dev.name
exitCode = 3
dev.name
