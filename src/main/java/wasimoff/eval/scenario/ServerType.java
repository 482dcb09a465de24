package wasimoff.eval.scenario;

/**
 * A Hetzner Cloud server type from the catalogue: how many vCPUs and how much memory a node of
 * this type has. Providers run one worker per vCPU.
 */
public record ServerType(String name, int vcpus, int ramGb, boolean dedicated) {
    @Override
    public String toString() {
        return name;
    }
}
