package wasimoff.eval.scenario;

/**
 * One run of a sweep: one system, fleet, placement and TSP size under one load, and which of the
 * point's repetitions it is. Each becomes one parameterized test invocation and one results directory.
 *
 * @param variant what follows the system's id where results, reports and the console name it: empty
 *                for the system's default set-up, else what differs (e.g. {@code +deno},
 *                {@code +chicory+own-tsp}), so that runs in different set-ups are never taken for one
 */
public record ScenarioPoint(
        String scenarioId, String system, Placement placement, Fleet fleet, int tspN, LoadProfile load,
        int repetition, int repetitions, String variant) {

    /** The single run of a point that is not repeated, in the system's default set-up. */
    public ScenarioPoint(String scenarioId, String system, Placement placement, Fleet fleet, int tspN, LoadProfile load) {
        this(scenarioId, system, placement, fleet, tspN, load, 1, 1, "");
    }

    /** This point's {@code k}-th of {@code of} repetitions. */
    public ScenarioPoint repetition(int k, int of) {
        return new ScenarioPoint(scenarioId, system, placement, fleet, tspN, load, k, of, variant);
    }

    /** This point with the system in the set-up {@code variant} names. */
    public ScenarioPoint withVariant(String v) {
        return new ScenarioPoint(scenarioId, system, placement, fleet, tspN, load, repetition, repetitions, v);
    }

    /** The system as results, reports and the console name it: its id and {@link #variant}, e.g. {@code wasimoff+deno}. */
    public String systemLabel() {
        return system + variant;
    }

    /** The results sub-path of the seed's layout, without the timestamp. */
    public String resultsPath() {
        return placement.label() + "/" + fleet.label() + "/tsp-" + tspN + "/" + systemLabel();
    }

    /** As reports name it, e.g. {@code wasimoff · 04x02c · nbg1-nbg1-nbg1 · tsp-8} (and {@code · run 2/3}). */
    @Override
    public String toString() {
        return systemLabel() + " · " + fleet.label() + " · " + placement.label() + " · tsp-" + tspN
                + (repetitions > 1 ? " · run " + repetition + "/" + repetitions : "");
    }
}
