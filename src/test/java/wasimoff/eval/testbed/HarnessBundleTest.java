package wasimoff.eval.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarnessBundleTest {
    @TempDir
    Path root;

    @Test
    void bundleOfThisJvmRunsTheHarnessCommandLineInAFreshJvm() throws Exception {
        HarnessBundle bundle = HarnessBundle.ofThisJvm(root);

        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                bundle.directory().resolve(HarnessBundle.JAR).toString(), "load", "--out", "x")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        // LoadMain was found through the manifest's class path and judged the arguments itself
        assertThat(p.exitValue()).as(out).isEqualTo(2);
        assertThat(out).contains("--spec and --out are required");
    }

    @Test
    void sameClassPathGivesTheSameBundleAndUnknownCommandsAreNamed() throws Exception {
        HarnessBundle first = HarnessBundle.ofThisJvm(root);
        HarnessBundle second = HarnessBundle.ofThisJvm(root);
        assertThat(second.directory()).isEqualTo(first.directory());
        assertThat(first.files().get(0)).isEqualTo(Path.of(HarnessBundle.JAR));
        assertThat(first.files()).anyMatch(f -> f.toString().startsWith("lib/") && f.toString().contains("netty"));
        try (var listing = Files.list(root)) {
            assertThat(listing.toList()).hasSize(1);
        }

        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", first.directory().resolve(HarnessBundle.JAR).toString(), "frobnicate"))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(out).contains("unknown command 'frobnicate'; valid: load, service, cleanup");
    }
}
