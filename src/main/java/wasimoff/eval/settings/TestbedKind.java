package wasimoff.eval.settings;

import java.util.Arrays;
import java.util.List;

/**
 * The testbeds a run can choose, with what sets them apart for the layers above: whether the nodes
 * share this machine's CPUs, network and Docker engine, and whether the network between locations
 * is real or emulated. Code asks these questions instead of comparing names.
 */
public enum TestbedKind {
    /** Loopback addresses of this machine, services in this JVM or as its child processes. */
    EMBEDDED("embedded", true, true, true),
    /** Containers on this machine's Docker engine, each with an address of its own. */
    DOCKER("docker", true, false, true),
    /** Hetzner Cloud servers: paid, real machines in real locations. */
    HETZNER("hetzner", false, false, false);

    private final String id;
    private final boolean sharesThisMachine;
    private final boolean sharesThisMachinesNetwork;
    private final boolean usesThisMachinesDockerEngine;

    TestbedKind(String id, boolean sharesThisMachine, boolean sharesThisMachinesNetwork,
                boolean usesThisMachinesDockerEngine) {
        this.id = id;
        this.sharesThisMachine = sharesThisMachine;
        this.sharesThisMachinesNetwork = sharesThisMachinesNetwork;
        this.usesThisMachinesDockerEngine = usesThisMachinesDockerEngine;
    }

    /** The name settings and results use. */
    public String id() {
        return id;
    }

    /** The kind named {@code id}; refuses others with the valid names. */
    public static TestbedKind of(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown testbed '" + id + "'; valid: " + String.join(", ", ids())));
    }

    /** Every kind's name. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(TestbedKind::id).toList();
    }

    /** All nodes run on this machine and share its CPUs: more vCPUs than it has are not really there. */
    public boolean sharesThisMachine() {
        return sharesThisMachine;
    }

    /** Nodes have no address of their own (loopback addresses of this machine); the load runs in this JVM. */
    public boolean sharesThisMachinesNetwork() {
        return sharesThisMachinesNetwork;
    }

    /** Containers the nodes start run on this machine's Docker engine. */
    public boolean usesThisMachinesDockerEngine() {
        return usesThisMachinesDockerEngine;
    }

    /** The network between locations is the real one, not the emulated round-trip times. */
    public boolean realNetwork() {
        return !sharesThisMachine;
    }

    /** It creates resources that cost money: allowed only with a token and an allowed address. */
    public boolean paid() {
        return this == HETZNER;
    }
}
