package wasimoff.eval.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The providers of one sweep point: one or more groups of servers of a type. Its label follows the
 * seed's results layout, {@code NNxCCc} (providers x cores each), joined by {@code +} for mixed
 * fleets, e.g. {@code 04x02c} or {@code 01x48c+01x16c}.
 */
public record Fleet(List<ProviderGroup> groups) {
    public Fleet {
        groups = List.copyOf(groups);
    }

    public int providers() {
        return groups.stream().mapToInt(ProviderGroup::count).sum();
    }

    public int vcpus() {
        return groups.stream().mapToInt(ProviderGroup::vcpus).sum();
    }

    public String label() {
        return groups.stream()
                .map(g -> String.format("%02dx%02dc", g.count(), g.type().vcpus()))
                .collect(Collectors.joining("+"));
    }

    /** The server type of each provider in order, one entry per provider. */
    public List<ServerType> providerTypes() {
        List<ServerType> types = new ArrayList<>();
        groups.forEach(g -> {
            for (int i = 0; i < g.count(); i++) {
                types.add(g.type());
            }
        });
        return types;
    }

    @Override
    public String toString() {
        return label();
    }
}
