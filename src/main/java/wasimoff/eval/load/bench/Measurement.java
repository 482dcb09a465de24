package wasimoff.eval.load.bench;

/**
 * What one load generator achieved in the benchmark.
 *
 * @param tool      for example {@code wrk -t1}
 * @param rps       requests per second over the run
 * @param p50Millis median response time
 * @param p99Millis 99th percentile response time
 * @param cpuCores  CPU seconds per second of the tool's whole process
 * @param targetCores  CPU seconds per second of the target's process (0 when unknown)
 * @param othersCores  CPU seconds per second used by everything else on the machine meanwhile
 * @param note      what else is worth knowing, never null
 */
public record Measurement(String tool, double rps, double p50Millis, double p99Millis, double cpuCores,
                          double targetCores, double othersCores, String note) {
    /** This measurement with the machine's load during it. */
    Measurement with(MachineLoad.Usage load) {
        return new Measurement(tool, rps, p50Millis, p99Millis, cpuCores, load.target(), load.others(cpuCores), note);
    }
}
