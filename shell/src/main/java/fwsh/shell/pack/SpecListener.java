package fwsh.shell.pack;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Collects one {@link Outcome} per test (feature or iteration), plus one per failed container (setupSpec, data providers). */
final class SpecListener implements TestExecutionListener {
    private final List<Outcome> outcomes = new ArrayList<>();
    private final Map<String, Long> started = new HashMap<>();
    private TestPlan plan;

    List<Outcome> outcomes() {
        return outcomes;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        this.plan = testPlan;
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        started.put(id.getUniqueId(), System.nanoTime());
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (leaf(id)) {
            outcomes.add(new Outcome(specOf(id), id.getDisplayName(), Outcome.Status.SKIPPED, null, 0, reason));
            return;
        }
        for (TestIdentifier t : plan.getDescendants(id)) {
            if (leaf(t)) outcomes.add(new Outcome(specOf(t), t.getDisplayName(), Outcome.Status.SKIPPED, null, 0, reason));
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        Long t0 = started.remove(id.getUniqueId());
        double seconds = t0 == null ? 0 : (System.nanoTime() - t0) / 1e9;
        Throwable failure = result.getThrowable().orElse(null);
        boolean failed = result.getStatus() != TestExecutionResult.Status.SUCCESSFUL;
        if (leaf(id)) {
            if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
                outcomes.add(new Outcome(specOf(id), id.getDisplayName(), Outcome.Status.SKIPPED, null, seconds,
                        failure == null ? "aborted" : failure.getMessage()));
            } else {
                outcomes.add(new Outcome(specOf(id), id.getDisplayName(), failed ? Outcome.Status.FAILED : Outcome.Status.PASSED,
                        failure, seconds, null));
            }
        } else if (failed && id.getParentId().isPresent()) {
            // A spec that could not start (setupSpec, a data provider): one failure naming the container.
            String name = id.getSource().filter(ClassSource.class::isInstance).isPresent() ? "(spec)" : id.getDisplayName();
            outcomes.add(new Outcome(specOf(id), name, Outcome.Status.FAILED, failure, seconds, null));
        }
    }

    /** A feature or one iteration; a data-driven feature (container and test at once) counts through its iterations. */
    private static boolean leaf(TestIdentifier id) {
        return id.isTest() && !id.isContainer();
    }

    private String specOf(TestIdentifier id) {
        Optional<TestIdentifier> at = Optional.of(id);
        while (at.isPresent()) {
            TestIdentifier t = at.get();
            if (t.getSource().isPresent() && t.getSource().get() instanceof ClassSource c) return c.getClassName();
            at = plan == null ? Optional.empty() : plan.getParent(t);
        }
        return "?";
    }
}
