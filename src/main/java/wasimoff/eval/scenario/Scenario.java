package wasimoff.eval.scenario;

import java.nio.file.Path;
import java.util.List;

/**
 * A validated scenario file: which systems to compare, on which provider fleets and placements,
 * with which TSP sizes and load. It holds the cloud values of the file; {@link RunSettings} shrinks
 * them for small testbeds.
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
        List<Placement> placements) {

    public Scenario {
        systems = List.copyOf(systems);
        tspN = List.copyOf(tspN);
        fleets = List.copyOf(fleets);
        placements = List.copyOf(placements);
    }
}
