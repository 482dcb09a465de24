package wasimoff.eval.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Builds the seed's TSP program into the run's cache (minutes the first time, a check afterwards), as
 * the installer does before a seed-tsp run, and checks what the cache then says about it.
 */
class SeedTspTest {
    @Test
    void theSeedProgramIsBuiltIntoTheCacheWithItsHashesAndEveryLockChangeRecorded() throws Exception {
        InstallContext context = InstallContext.ofThisJvm(System.out::println);
        Assumptions.assumeTrue(WasimoffSource.configuredTree(context.settings(), context.environment(),
                context.project()).isPresent(), "no Wasimoff source tree on this machine");
        Assumptions.assumeTrue(SeedTspNativeBuild.cargo().isPresent(), "no Rust toolchain (cargo) on this machine");
        Assumptions.assumeTrue(DebianPackages.cannotInstall() == null || SeedTsp.DEBIAN.stream()
                .allMatch(t -> t.path().isPresent()), "Debian's Rust for wasm32 is missing and cannot be installed here");

        Map<String, Installer.Unmet> unmet = new Installer(context, true).ensure(Map.of("seed-tsp", SeedTsp.requirements()));

        assertThat(unmet).isEmpty();
        assertThat(new SeedTsp().missing(context)).isEmpty();
        Map<String, String> versions = context.cache().versions();
        for (String file : List.of(SeedTsp.NATIVE, SeedTsp.STATIC, SeedTsp.WASM)) {
            Path p = context.cache().directory().resolve(file);
            assertThat(versions.get(SeedTsp.shaKey(file))).as(file).isEqualTo(SeedTsp.sha256(p));
        }
        assertThat(Files.readAllBytes(context.cache().directory().resolve(SeedTsp.WASM))).startsWith(0, 'a', 's', 'm');
        assertThat(versions.get(SeedTsp.WASM_DEVIATIONS_KEY)).contains("Cargo.lock time 0.3.41 -> 0.3.20",
                "Cargo.lock lock format 4 -> 3");
        assertThat(versions.get(SeedTsp.WASM_TOOLCHAIN_KEY)).startsWith("rustc 1.63");
        assertThat(versions).containsEntry(SeedTsp.COMMIT_KEY, Pins.WASIMOFF_COMMIT);
    }
}
