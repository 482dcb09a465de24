package wasimoff.eval.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expands a scenario into its points and plans the nodes to provision. Points are ordered by
 * placement, then system, then fleet from the largest down (so a testbed provisioned once for the
 * largest fleet only ever stops surplus providers, as the seed advises), then TSP size.
 */
public final class Sweep {
    private Sweep() {
    }

    public static List<ScenarioPoint> points(Scenario scenario, RunSettings settings) {
        List<Fleet> fleets = new ArrayList<>(settings.fleets());
        fleets.sort(Comparator.comparingInt(Fleet::vcpus).reversed().thenComparing(Comparator.comparingInt(
                Fleet::providers).reversed()));
        List<ScenarioPoint> points = new ArrayList<>();
        for (Placement placement : settings.placements()) {
            for (String system : settings.systems()) {
                for (Fleet fleet : fleets) {
                    for (int n : settings.tspN()) {
                        points.add(new ScenarioPoint(scenario.id(), system, placement, fleet, n, settings.load()));
                    }
                }
            }
        }
        return points;
    }

    /**
     * {@code points} with each run {@code repetitions} times; with {@code random}, every placement's
     * runs in an order shuffled by {@code seed} (placements stay together: each is provisioned once),
     * so that drift of the machine or the cloud during a sweep favours no system or fleet.
     */
    public static List<ScenarioPoint> ordered(List<ScenarioPoint> points, int repetitions, boolean random, long seed) {
        Map<Placement, List<ScenarioPoint>> byPlacement = new LinkedHashMap<>();
        for (int k = 1; k <= repetitions; k++) {
            for (ScenarioPoint p : points) {
                byPlacement.computeIfAbsent(p.placement(), x -> new ArrayList<>()).add(p.repetition(k, repetitions));
            }
        }
        java.util.Random rnd = new java.util.Random(seed);
        List<ScenarioPoint> ordered = new ArrayList<>();
        for (List<ScenarioPoint> runs : byPlacement.values()) {
            if (random) {
                java.util.Collections.shuffle(runs, rnd);
            }
            ordered.addAll(runs);
        }
        return ordered;
    }

    /**
     * The nodes that cover every fleet of the sweep at one placement: the client, the broker, and per
     * server type as many providers as the largest fleet uses of it. Provider i of the plan sits at the
     * placement's i-th provider location (round-robin).
     */
    public static List<NodeSpec> nodes(Scenario scenario, Placement placement, List<Fleet> fleets) {
        Map<ServerType, Integer> perType = new LinkedHashMap<>();
        for (Fleet f : fleets) {
            for (ProviderGroup g : f.groups()) {
                perType.merge(g.type(), g.count(), Math::max);
            }
        }
        List<NodeSpec> nodes = new ArrayList<>();
        nodes.add(new NodeSpec("client", NodeRole.CLIENT, scenario.clientType(), placement.client()));
        nodes.add(new NodeSpec("broker", NodeRole.BROKER, scenario.brokerType(), placement.broker()));
        int index = 0;
        for (var e : perType.entrySet()) {
            for (int i = 1; i <= e.getValue(); i++) {
                nodes.add(new NodeSpec(String.format("provider-%s-%02d", e.getKey().name(), i), NodeRole.PROVIDER,
                        e.getKey(), placement.providerLocation(index++)));
            }
        }
        return nodes;
    }

    /** The providers among {@code provisioned} that make up {@code fleet}: the first ones of each type. */
    public static <N> List<N> activeProviders(Fleet fleet, List<N> provisioned, java.util.function.Function<N, ServerType> type) {
        List<N> active = new ArrayList<>();
        for (ProviderGroup g : fleet.groups()) {
            provisioned.stream().filter(n -> type.apply(n).equals(g.type())).limit(g.count()).forEach(active::add);
        }
        return active;
    }
}
