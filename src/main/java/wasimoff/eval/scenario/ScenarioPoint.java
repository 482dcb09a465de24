package wasimoff.eval.scenario;

/**
 * One run of a sweep: one system, fleet, placement and TSP size under one load, and which of the
 * point's repetitions it is. Each becomes one parameterized test invocation and one results directory.
 */
public record ScenarioPoint(
        String scenarioId, String system, Placement placement, Fleet fleet, int tspN, LoadProfile load,
        int repetition, int repetitions) {

    /** The single run of a point that is not repeated. */
    public ScenarioPoint(String scenarioId, String system, Placement placement, Fleet fleet, int tspN, LoadProfile load) {
        this(scenarioId, system, placement, fleet, tspN, load, 1, 1);
    }

    /** This point's {@code k}-th of {@code of} repetitions. */
    public ScenarioPoint repetition(int k, int of) {
        return new ScenarioPoint(scenarioId, system, placement, fleet, tspN, load, k, of);
    }

    /** The results sub-path of the seed's layout, without the timestamp. */
    public String resultsPath() {
        return placement.label() + "/" + fleet.label() + "/tsp-" + tspN + "/" + system;
    }

    /** As reports name it, e.g. {@code wasimoff · 04x02c · nbg1-nbg1-nbg1 · tsp-8} (and {@code · run 2/3}). */
    @Override
    public String toString() {
        return system + " · " + fleet.label() + " · " + placement.label() + " · tsp-" + tspN
                + (repetitions > 1 ? " · run " + repetition + "/" + repetitions : "");
    }
}
