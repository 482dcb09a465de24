package wasimoff.eval.system;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import wasimoff.eval.install.InstalledBinaries;
import wasimoff.eval.install.Installer;
import wasimoff.eval.install.Requirement;
import wasimoff.eval.system.reference.ReferenceSystem;
import wasimoff.eval.system.serverledge.ServerledgeSystem;
import wasimoff.eval.system.wasimoff.ProviderKind;
import wasimoff.eval.system.wasimoff.WasimoffSystem;
import wasimoff.eval.workload.Workload;
import wasimoff.eval.workload.Workloads;

/**
 * The registry of systems: creates the systems a scenario names, says what each needs installed, or
 * why one cannot run on a testbed. {@link wasimoff.eval.settings.Kinds#SYSTEMS} lists the same names
 * for the layers below (a test keeps the two equal).
 */
public final class Systems {
    /** Every system, one line each. */
    public static final List<SystemKind> REGISTRY = List.of(ReferenceSystem.KIND, WasimoffSystem.KIND,
            ServerledgeSystem.KIND);

    private Systems() {
    }

    /** The system named {@code id}; refuses others with the valid names. */
    public static SystemKind kind(String id) {
        return REGISTRY.stream().filter(k -> k.id().equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown system '" + id + "'; valid: "
                        + REGISTRY.stream().map(SystemKind::id).toList()));
    }

    /** What {@code id} needs on this machine to run on {@code testbed}, with Wasimoff's default provider kind. */
    public static List<Requirement> requirements(String id, String testbed) {
        return requirements(id, testbed, ProviderKind.BROWSER);
    }

    /**
     * What {@code id} needs on this machine to run on {@code testbed} with {@code provider} as
     * Wasimoff's provider kind; the {@link Installer} brings it.
     */
    public static List<Requirement> requirements(String id, String testbed, ProviderKind provider) {
        return kind(id).requirements(testbed, provider);
    }

    /**
     * Why {@code id} cannot run on {@code testbed} for a reason no installation fixes (network
     * namespaces need root), or empty.
     */
    public static Optional<String> unavailable(String id, String testbed) {
        return kind(id).unavailable(testbed);
    }

    /** {@link #unavailable} as the installer reports what is missing: a reason no installation fixes. */
    public static Optional<Installer.Unmet> unfixable(String id, String testbed) {
        return unavailable(id, testbed).map(reason -> new Installer.Unmet(id, List.of(reason), "run as root", false));
    }

    /**
     * Installs what {@code id} needs with {@code installer} and returns why it still cannot run on
     * {@code testbed}, or empty when it can.
     */
    public static Optional<Installer.Unmet> prepare(String id, String testbed, Installer installer) {
        return prepare(id, testbed, ProviderKind.BROWSER, installer);
    }

    /** {@link #prepare(String, String, Installer)} with {@code provider} as Wasimoff's provider kind. */
    public static Optional<Installer.Unmet> prepare(String id, String testbed, ProviderKind provider,
                                                    Installer installer) {
        Optional<Installer.Unmet> unfixable = unfixable(id, testbed);
        if (unfixable.isPresent()) {
            return unfixable;
        }
        return Optional.ofNullable(installer.ensure(Map.of(id, requirements(id, testbed, provider))).get(id));
    }

    /**
     * A new, undeployed system using the binaries in {@code cache}. {@code serverledgeCpu} is the CPU
     * demand of Serverledge's function; {@code engine} is the WebAssembly engine of our providers. The
     * systems run our own TSP program ({@link Workloads#own()}).
     */
    public static SystemUnderTest create(String id, InstalledBinaries cache, double serverledgeCpu, String engine) {
        return create(id, cache, serverledgeCpu, engine, Workloads.own(), ProviderKind.BROWSER);
    }

    /**
     * A new, undeployed system running {@code workload} (see {@link Workloads#resolve}), with
     * {@code provider} as Wasimoff's provider kind ({@link ProviderKind#parse} reads the setting;
     * other systems ignore it).
     */
    public static SystemUnderTest create(String id, InstalledBinaries cache, double serverledgeCpu, String engine,
                                         Workload workload, ProviderKind provider) {
        return kind(id).create(new SystemKind.Options(cache, serverledgeCpu, engine, workload, provider));
    }

    /**
     * What follows {@code id} in the name results, charts and the console give it when made with these
     * settings: what differs from its default set-up ({@link SystemKind#variant}), then the workload
     * unless it is the evaluation's own program; e.g. empty, {@code +deno}, {@code +chicory+own-tsp}.
     */
    public static String variant(String id, String engine, String workload, ProviderKind provider) {
        return kind(id).variant(engine, provider) + (workload.equals(Workload.SEED_TSP) ? "" : "+" + workload);
    }
}
