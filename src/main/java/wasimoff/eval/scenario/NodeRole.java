package wasimoff.eval.scenario;

/** What a node does in a scenario. */
public enum NodeRole {
    CLIENT, BROKER, PROVIDER;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
