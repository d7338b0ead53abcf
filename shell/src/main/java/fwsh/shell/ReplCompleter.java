package fwsh.shell;

import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

import java.util.List;

/** Feeds {@link CompletionEngine} offers to JLine. */
final class ReplCompleter implements Completer {
    private final CompletionEngine engine;

    ReplCompleter(CompletionEngine engine) {
        this.engine = engine;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        for (Completion c : engine.complete(line.line(), line.cursor())) {
            candidates.add(new Candidate(c.value(), c.display(), c.group(), null, null, null, c.complete()));
        }
    }
}
