package wasimoff.eval.scenario;

/** A Hetzner Cloud location (for example {@code nbg1}) where a node of a scenario is placed. */
public record Location(String id, String city, String country, String networkZone) {
    @Override
    public String toString() {
        return id;
    }
}
