// Purpose: prints its arguments joined by spaces; exit code = the number of arguments.
// Arguments: WORD...
// Scope: debug-read-only
// Example: fwsh scripts/echo.groovy a b

println args.join(' ')
exitCode = args.length
