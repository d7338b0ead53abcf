package fwsh.shell;

import fwsh.dsl.Session;

/** The one door from Main into the REPL, so the batch path never loads JLine. */
final class ReplLauncher {
    private ReplLauncher() {
    }

    static int start(Session session, Options o) {
        return Repl.onSystemTerminal(session, o);
    }
}
