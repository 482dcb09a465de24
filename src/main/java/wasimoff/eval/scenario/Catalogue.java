package wasimoff.eval.scenario;

import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The locations and server types that scenario files may name, loaded from
 * {@code scenarios/catalogue.yaml}. Lookups of unknown names fail with the list of valid ones.
 */
public final class Catalogue {
    private final SortedMap<String, Location> locations;
    private final SortedMap<String, ServerType> serverTypes;

    public Catalogue(Map<String, Location> locations, Map<String, ServerType> serverTypes) {
        this.locations = new TreeMap<>(locations);
        this.serverTypes = new TreeMap<>(serverTypes);
    }

    public Optional<Location> location(String id) {
        return Optional.ofNullable(locations.get(id));
    }

    public Optional<ServerType> serverType(String name) {
        return Optional.ofNullable(serverTypes.get(name.toLowerCase(java.util.Locale.ROOT)));
    }

    public SortedMap<String, Location> locations() {
        return java.util.Collections.unmodifiableSortedMap(locations);
    }

    public SortedMap<String, ServerType> serverTypes() {
        return java.util.Collections.unmodifiableSortedMap(serverTypes);
    }
}
