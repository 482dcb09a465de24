package wasimoff.eval.scenario;

/**
 * One run of a sweep: one system, fleet, placement and TSP size under one load. Each point becomes
 * one parameterized test invocation and one results directory.
 */
public record ScenarioPoint(
        String scenarioId, String system, Placement placement, Fleet fleet, int tspN, LoadProfile load) {

    /** The results sub-path of the seed's layout, without the timestamp. */
    public String resultsPath() {
        return placement.label() + "/" + fleet.label() + "/tsp-" + tspN + "/" + system;
    }

    @Override
    public String toString() {
        return system + " | " + fleet.label() + " | " + placement.label() + " | tsp-" + tspN;
    }
}
