package fwsh.dsl.engine;

import fwsh.channel.Scope;

/**
 * One kind of command as the engine admits it, decided once rather than per RPC: how errors and the journal
 * name it, the fwctl scope it is sent at (the opcode's minimum) and the privilege it needs.
 *
 * @param what          e.g. "ACCESS_REG PAOS write"
 * @param stateChanging whether it changes device state (journaled; needs more than read-only)
 * @param register      register name for ACCESS_REG, else null
 * @param scope         the scope it is sent at; null when fwctl filters the opcode at every scope
 * @param needed        the privilege the scope in force must cover; null with a null scope
 */
record Route(String what, int opcode, int opMod, boolean stateChanging, String register, Scope scope,
             Privilege needed) {
}
