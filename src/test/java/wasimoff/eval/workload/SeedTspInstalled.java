package wasimoff.eval.workload;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import wasimoff.eval.install.InstallContext;
import wasimoff.eval.install.Installer;

/**
 * For tests that run the seed's TSP program: builds it into the run's cache as a seed-tsp run would
 * (minutes the first time), or skips the test where this machine has no pinned Wasimoff source.
 * A build that is tried and fails fails the test.
 */
public final class SeedTspInstalled {
    private SeedTspInstalled() {
    }

    /** The seed-tsp workload from this JVM's cache, installed first if needed. */
    public static Workload workload() {
        InstallContext context = InstallContext.ofThisJvm(System.out::println);
        Optional<String> noSource = Workloads.seedUnavailable(context);
        Assumptions.assumeTrue(noSource.isEmpty(), () -> noSource.orElse(""));
        Map<String, Installer.Unmet> unmet = new Installer(context, true)
                .ensure(Map.of(Workload.SEED_TSP, Workloads.requirements(Workload.SEED_TSP, context)));
        Installer.Unmet u = unmet.get(Workload.SEED_TSP);
        if (u != null && u.attemptFailed()) {
            throw new AssertionError("building the seed's TSP program failed: " + u.describe());
        }
        Assumptions.assumeTrue(u == null, () -> u.describe());
        return Workloads.resolve(Workload.SEED_TSP, context);
    }
}
