package wasimoff.eval.scenario;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Where the client, the broker and the providers of a scenario sit. Providers are assigned to the
 * listed locations round-robin, so {@code [fsn1, hel1, ash, hil]} spreads a fleet evenly.
 */
public record Placement(String name, Location client, Location broker, List<Location> providers) {
    public Placement {
        providers = List.copyOf(providers);
    }

    public Location providerLocation(int index) {
        return providers.get(index % providers.size());
    }

    /** The seed's results folder name: {@code <client>-<broker>-<providers>}. */
    public String label() {
        return client.id() + "-" + broker.id() + "-"
                + providers.stream().map(Location::id).collect(Collectors.joining("+"));
    }
}
