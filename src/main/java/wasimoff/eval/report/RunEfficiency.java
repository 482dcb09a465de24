package wasimoff.eval.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import wasimoff.eval.load.ResultsWriter;

/**
 * A run's efficiency as the orchestrator added it to {@code summary.json}: successful requests per
 * second over the CPU-bound limit, {@code cpusUsable} / single-request service time.
 *
 * @param cpusUsable the CPUs the run could use: its fleet's vCPUs ({@code workers}), or fewer where a
 *                   local testbed asked for more than the machine has
 */
public record RunEfficiency(double efficiency, double serviceTimeMillis, int cpusUsable, int workers,
                            double cpuBoundLimitPerSecond) {

    /** The efficiency recorded in the run's {@code summary.json}; empty for a run that has none (older runs). */
    public static Optional<RunEfficiency> of(RunResult run) throws IOException {
        Path file = run.directory().resolve("summary.json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode summary = ResultsWriter.JSON.readTree(file.toFile());
        if (!summary.path("efficiency").isNumber()) {
            return Optional.empty();
        }
        return Optional.of(new RunEfficiency(summary.path("efficiency").asDouble(),
                summary.path("serviceTimeMillis").asDouble(Double.NaN), summary.path("cpusUsable").asInt(),
                summary.path("workers").asInt(), summary.path("cpuBoundLimitPerSecond").asDouble(Double.NaN)));
    }

    /**
     * True when the fleet asked for more vCPUs than the machine could give: the limit, and so the
     * efficiency, are the machine's, not the system's.
     */
    public boolean machineBound() {
        return cpusUsable < workers;
    }
}
