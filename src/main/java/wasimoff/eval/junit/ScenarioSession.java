package wasimoff.eval.junit;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.opentest4j.TestAbortedException;
import wasimoff.eval.load.RunSpec;
import wasimoff.eval.load.RunSummary;
import wasimoff.eval.report.RunResult;
import wasimoff.eval.run.PointNotRunException;
import wasimoff.eval.run.ScenarioConfigurationException;
import wasimoff.eval.run.ScenarioRun;
import wasimoff.eval.scenario.RunSettings;
import wasimoff.eval.scenario.Scenario;
import wasimoff.eval.scenario.ScenarioPoint;
import wasimoff.eval.settings.SettingValues;
import wasimoff.eval.testbed.Testbeds;

/**
 * What a scenario class's test methods receive: the JUnit face of a {@link ScenarioRun}. A scenario
 * that cannot start fails the class ({@link ExtensionConfigurationException}); a point of a system
 * that cannot run here is skipped ({@link TestAbortedException}) with the reason and the install
 * command. Everything else is the run's.
 */
public final class ScenarioSession implements AutoCloseable {
    private final ScenarioRun run;
    private final ThroughputBounds bounds;

    private ScenarioSession(ScenarioRun run) {
        this.run = run;
        this.bounds = ThroughputBounds.from(run.values());
    }

    /** Loads scenario {@code id}, checks its settings, installs what it needs and provisions its first placement. */
    public static ScenarioSession open(String id, Properties properties) {
        return open(id, properties, Testbeds::create);
    }

    /** {@link #open(String, Properties)} with the testbed made by {@code testbeds}. */
    public static ScenarioSession open(String id, Properties properties, Testbeds.Factory testbeds) {
        try {
            return new ScenarioSession(ScenarioRun.open(id, properties, testbeds));
        } catch (ScenarioConfigurationException e) {
            throw new ExtensionConfigurationException(e.getMessage(), e);
        }
    }

    /** The orchestration behind this session, for evaluations that deploy and load on their own. */
    public ScenarioRun orchestrator() {
        return run;
    }

    public Scenario scenario() {
        return run.scenario();
    }

    public RunSettings settings() {
        return run.settings();
    }

    /** Every setting the run was given, parsed and checked. */
    public SettingValues values() {
        return run.values();
    }

    /** The bounds every point's throughput is asserted against. */
    public ThroughputBounds bounds() {
        return bounds;
    }

    public List<ScenarioPoint> points() {
        return run.points();
    }

    /** Runs one point and returns its results as read back from its results directory. */
    public RunResult run(ScenarioPoint point) throws Exception {
        try {
            return run.run(point);
        } catch (PointNotRunException e) {
            throw new TestAbortedException(e.getMessage());
        }
    }

    /** {@link ScenarioRun#runLiveScaling}, a point of a system that cannot run skipped. */
    public RunResult runLiveScaling(ScenarioPoint point, double timeScale) throws Exception {
        try {
            return run.runLiveScaling(point, timeScale);
        } catch (PointNotRunException e) {
            throw new TestAbortedException(e.getMessage());
        }
    }

    /** {@link ScenarioRun#runFaults}, a point of a system that cannot run skipped. */
    public RunResult runFaults(ScenarioPoint point, double timeScale) throws Exception {
        try {
            return run.runFaults(point, timeScale);
        } catch (PointNotRunException e) {
            throw new TestAbortedException(e.getMessage());
        }
    }

    /** {@link ScenarioRun#deploy}, a point of a system that cannot run skipped. */
    public ScenarioRun.Deployed deploy(ScenarioPoint point) throws Exception {
        try {
            return run.deploy(point);
        } catch (PointNotRunException e) {
            throw new TestAbortedException(e.getMessage());
        }
    }

    /** {@link ScenarioRun#runLoad}: load from the deployed system's client node. */
    public RunSummary runLoad(RunSpec spec, Path dir) throws Exception {
        return run.runLoad(spec, dir);
    }

    /** {@link ScenarioRun#evaluationDirectory}. */
    public Path evaluationDirectory(String evaluation, String system) throws java.io.IOException {
        return run.evaluationDirectory(evaluation, system);
    }

    @Override
    public void close() {
        run.close();
    }
}
