package wasimoff.eval.system;

import java.util.List;
import java.util.Optional;
import wasimoff.eval.install.InstalledBinaries;
import wasimoff.eval.install.Requirement;
import wasimoff.eval.system.wasimoff.ProviderKind;
import wasimoff.eval.workload.Workload;

/**
 * A system the harness can evaluate, as {@link Systems} registers it: its name, what it needs
 * installed on this machine, why it cannot run on a testbed, and how a new, undeployed instance is
 * made. Each system's package provides one; a new system is a new package and one line in the
 * registry.
 */
public interface SystemKind {
    /** The name scenario files, settings and results use. */
    String id();

    /** What it needs on this machine to run on {@code testbed}; the installer brings it. */
    default List<Requirement> requirements(String testbed, ProviderKind provider) {
        return List.of();
    }

    /** Why it cannot run on {@code testbed} for a reason no installation fixes, or empty. */
    default Optional<String> unavailable(String testbed) {
        return Optional.empty();
    }

    /** A new, undeployed instance. */
    SystemUnderTest create(Options options);

    /**
     * What sets an instance with our providers on {@code engine} and Wasimoff's {@code provider} kind
     * apart from this system's default set-up, as a suffix of its name in results, charts and the
     * console (e.g. {@code +deno}, {@code +chicory}), or empty: runs of one system in different set-ups
     * are never filed or charted as one.
     */
    default String variant(String engine, ProviderKind provider) {
        return "";
    }

    /**
     * What a new instance is made with.
     *
     * @param cache          where the installer put the systems' binaries
     * @param serverledgeCpu the CPU demand Serverledge's function is registered with
     * @param engine         the WebAssembly engine of our providers
     * @param workload       the TSP program every system runs
     * @param provider       Wasimoff's provider kind
     */
    record Options(InstalledBinaries cache, double serverledgeCpu, String engine, Workload workload,
                   ProviderKind provider) {
    }
}
