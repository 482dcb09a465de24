package wasimoff.eval.workload;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import wasimoff.eval.install.InstallContext;
import wasimoff.eval.install.InstalledBinaries;
import wasimoff.eval.install.Pins;
import wasimoff.eval.install.Requirement;
import wasimoff.eval.install.SeedTsp;
import wasimoff.eval.install.WasimoffSource;

/**
 * Resolves the {@code workload} setting ({@value Workload#SEED_TSP} | {@value Workload#OWN_TSP}) to a
 * {@link Workload}. Unset, it is {@value Workload#SEED_TSP} whenever Wasimoff's pinned source is
 * available here, else {@value Workload#OWN_TSP}, labelled with the reason.
 */
public final class Workloads {
    /** The values the setting accepts. */
    public static final List<String> KINDS = List.of(Workload.SEED_TSP, Workload.OWN_TSP);

    private Workloads() {
    }

    /** The kind {@code setting} names, or the default for {@code context} when it is null or blank; refuses others. */
    public static String kind(String setting, InstallContext context) {
        if (setting == null || setting.isBlank()) {
            return seedUnavailable(context).isEmpty() ? Workload.SEED_TSP : Workload.OWN_TSP;
        }
        String kind = setting.strip();
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("unknown workload '" + setting + "'; valid: " + KINDS);
        }
        return kind;
    }

    /** What the Installer must bring for the kind {@code setting} resolves to (nothing for own-tsp). */
    public static List<Requirement> requirements(String setting, InstallContext context) {
        return kind(setting, context).equals(Workload.SEED_TSP) ? SeedTsp.requirements() : List.of();
    }

    /**
     * The workload {@code setting} names (null or blank: the default). {@value Workload#SEED_TSP} must
     * be installed in the context's cache ({@link #requirements}); otherwise this fails with what is
     * missing and the command that installs it.
     */
    public static Workload resolve(String setting, InstallContext context) {
        String kind = kind(setting, context);
        if (kind.equals(Workload.OWN_TSP)) {
            if (setting == null || setting.isBlank()) {
                return own("own-tsp (default: " + seedUnavailable(context).orElse("?") + ")");
            }
            return own();
        }
        Optional<String> missing = new SeedTsp().missing(context);
        if (missing.isPresent()) {
            throw new IllegalStateException("workload seed-tsp: " + missing.get() + "; to build it: "
                    + new SeedTsp().manualCommand());
        }
        return seed(context.cache());
    }

    /** Why the seed's program cannot be the default here (no pinned source), or empty. */
    public static Optional<String> seedUnavailable(InstallContext context) {
        try {
            WasimoffSource.forBuild(context);
            return Optional.empty();
        } catch (WasimoffSource.Refused e) {
            return Optional.of("the pinned Wasimoff source is not available: " + e.getMessage());
        }
    }

    /** This project's own TSP program ({@code workload/tsp/tsp.c}). */
    public static Workload own() {
        return own("own-tsp (workload/tsp/tsp.c)");
    }

    private static Workload own(String label) {
        return new Workload(Workload.OWN_TSP, label, Tsp.module(), NativeTsp::gcc, NativeTsp::muslStatic,
                tsp -> new ServerledgeFunction(Map.of("tsp", tsp), "/tsp serverledge"), Tsp::invalid, Map.of());
    }

    /** The seed's program as built into {@code cache} by {@link SeedTsp}. */
    public static Workload seed(InstalledBinaries cache) {
        Map<String, String> versions = cache.versions();
        byte[] module;
        try {
            module = Files.readAllBytes(cache.directory().resolve(SeedTsp.WASM));
        } catch (IOException e) {
            throw new IllegalStateException(SeedTsp.WASM + " is not in " + cache.directory() + ": " + e.getMessage(), e);
        }
        String label = "seed-tsp (Wasimoff " + "wasi-apps/travelling_salesman at "
                + Pins.shortCommit(versions.getOrDefault(SeedTsp.COMMIT_KEY, "?")) + ", "
                + versions.getOrDefault(SeedTsp.SOURCE_KEY, "?") + ")";
        return new Workload(Workload.SEED_TSP, label, module, () -> cache.require(SeedTsp.NATIVE),
                () -> cache.require(SeedTsp.STATIC),
                tsp -> new ServerledgeFunction(Map.of("tsp", tsp, "wrapper", NativeTsp.serverledgeWrapper()),
                        "/wrapper /tsp"),
                SeedTspOutput::invalid,
                Map.of("workload wasm toolchain", versions.getOrDefault(SeedTsp.WASM_TOOLCHAIN_KEY, "?"),
                        "workload wasm deviations", versions.getOrDefault(SeedTsp.WASM_DEVIATIONS_KEY, "?"),
                        "workload native toolchain", versions.getOrDefault(SeedTsp.NATIVE_TOOLCHAIN_KEY, "?")));
    }
}
