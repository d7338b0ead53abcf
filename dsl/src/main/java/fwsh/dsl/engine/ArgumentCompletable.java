package fwsh.dsl.engine;

import java.util.List;

/**
 * Objects whose methods take named arguments from the catalog, e.g. {@code dev.reg.PAOS.read(local_port: 1)}:
 * the REPL completes names inside {@code read(}/{@code write(} from here, and enum value names after
 * {@code field: '}.
 */
public interface ArgumentCompletable {
    /** Named-argument keys the method accepts (field names). */
    List<String> argumentNames(String method);

    /** Symbolic values a named argument accepts (enum value names), empty when it takes numbers only. */
    List<String> argumentValues(String method, String argument);
}
