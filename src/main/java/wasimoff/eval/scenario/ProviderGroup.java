package wasimoff.eval.scenario;

/** {@code count} providers of one server type: one part of a fleet. */
public record ProviderGroup(int count, ServerType type) {
    public int vcpus() {
        return count * type.vcpus();
    }
}
