package wasimoff.eval.system;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import wasimoff.eval.install.InstalledBinaries;
import wasimoff.eval.install.Installer;
import wasimoff.eval.system.wasimoff.ProviderKind;

/**
 * What tests of the real systems call first: the installer brings the system as the main job
 * does. Such a test is skipped (with the reason) only where this machine cannot install it (no
 * Go, not root, {@code -Dinstall=off}); an installation that was tried and failed fails the test.
 */
public final class InstalledForTests {
    private InstalledForTests() {
    }

    /** Installs what {@code system} needs on {@code testbed}; returns the cache it is in. */
    public static InstalledBinaries require(String system, String testbed) {
        return require(system, testbed, ProviderKind.BROWSER);
    }

    /** Installs what {@code system} with Wasimoff's {@code provider} kind needs on {@code testbed}. */
    public static InstalledBinaries require(String system, String testbed, ProviderKind provider) {
        Installer installer = Installer.ofThisJvm(System.getProperty(Installer.INSTALL), System.out::println);
        Systems.prepare(system, testbed, provider, installer).ifPresent(unmet -> {
            if (unmet.attemptFailed()) {
                fail(system + " could not be installed: " + unmet.describe());
            }
            // surefire shows a class skipped in @BeforeAll only as "0 tests run", so say why here too
            System.err.println("SKIPPED (" + system + " cannot run here): " + unmet.describe());
            assumeTrue(false, unmet.describe());
        });
        return InstalledBinaries.fromEnvironment();
    }
}
