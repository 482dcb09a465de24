package wasimoff.eval.scenario;

/** One server a testbed must provide: its name, role, server type and location. */
public record NodeSpec(String name, NodeRole role, ServerType type, Location location) {
}
