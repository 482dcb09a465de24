package wasimoff.eval.scenario;

import java.nio.file.Path;
import java.util.List;

/**
 * A validated scenario file: which systems to compare, on which provider fleets and placements,
 * with which TSP sizes and load. It holds the cloud values of the file; {@link RunSettings} shrinks
 * them for small testbeds. {@code serverledgeCpu} is the CPU demand Serverledge's {@code tsp} function is
 * registered with: 0 as in the seed, 1.0 for its CPU-limited variant (file key {@code serverledge-cpu}).
 * {@code schedule} (empty for the throughput scenarios) lists when the provider count changes during
 * one run, for the live-scaling evaluation. {@code workload} is the file's {@code workload:}
 * ({@code seed-tsp} or {@code own-tsp}), or null for the default; {@code repetitions} how often
 * each point runs (file key {@code repetitions}, default 1); {@code provider} Wasimoff's provider
 * kind ({@code browser} or {@code ours}, file key {@code provider}), or null for the default;
 * {@code events} (empty but for the faults evaluation) the faults to enact during one run.
 */
public record Scenario(
        String id,
        String description,
        Path source,
        List<String> systems,
        List<Integer> tspN,
        LoadProfile load,
        ServerType clientType,
        ServerType brokerType,
        List<Fleet> fleets,
        List<Placement> placements,
        double serverledgeCpu,
        List<Phase> schedule,
        String workload,
        int repetitions,
        String provider,
        List<FaultEvent> events) {

    public Scenario {
        systems = List.copyOf(systems);
        tspN = List.copyOf(tspN);
        fleets = List.copyOf(fleets);
        placements = List.copyOf(placements);
        schedule = List.copyOf(schedule);
        events = List.copyOf(events);
    }

    /** From {@code at} on (since the run's start), the run has {@code providers} providers. */
    public record Phase(java.time.Duration at, int providers) {
    }
}
