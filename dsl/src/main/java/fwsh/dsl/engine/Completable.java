package fwsh.dsl.engine;

import java.util.List;

/**
 * Objects whose properties are dynamic (registers of dev.reg, commands of dev.cmd, fields of a value)
 * list them here so the REPL can complete {@code obj.<TAB>} from the live object and the catalog.
 */
public interface Completable {
    List<String> completionCandidates();
}
