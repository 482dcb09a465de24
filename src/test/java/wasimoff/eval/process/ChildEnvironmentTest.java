package wasimoff.eval.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Child processes get an allow-listed environment: the Hetzner token and anything unnamed stay in the JVM. */
class ChildEnvironmentTest {
    private static final Map<String, String> PARENT = Map.of(
            "PATH", "/usr/local/bin:/usr/bin:/bin",
            "HOME", "/home/eval",
            "LC_ALL", "C.UTF-8",
            "LC_TIME", "de_DE.UTF-8",
            "HCLOUD_TOKEN", "hc-secret-token",
            "AWS_SECRET_ACCESS_KEY", "also-secret",
            "DOCKER_HOST", "unix:///run/docker.sock");

    @Test
    void theChildGetsTheBaseVariablesButNotTheTokenNorAnythingUnnamed() {
        Map<String, String> child = ChildEnvironment.base().from(PARENT);

        assertThat(child).containsOnlyKeys("PATH", "HOME", "LC_ALL", "LC_TIME");
        assertThat(child).containsEntry("PATH", "/usr/local/bin:/usr/bin:/bin");
    }

    @Test
    void aCallerAllowsWhatItsProgramNeedsAndSetsExtras() {
        Map<String, String> child = ChildEnvironment.base().allow(ChildEnvironment.DOCKER)
                .with(Map.of("WASI_ENV", "{}", "PATH", "/opt/bin")).from(PARENT);

        assertThat(child).containsOnlyKeys("PATH", "HOME", "LC_ALL", "LC_TIME", "DOCKER_HOST", "WASI_ENV");
        assertThat(child).containsEntry("PATH", "/opt/bin").containsEntry("WASI_ENV", "{}");
        assertThat(child).doesNotContainKey("HCLOUD_TOKEN");
    }

    @Test
    void askingToPassTheTokenIsRefused() {
        assertThatThrownBy(() -> ChildEnvironment.base().allow("HCLOUD_TOKEN")).hasMessageContaining("HCLOUD_TOKEN");
        assertThatThrownBy(() -> ChildEnvironment.base().allow("HCLOUD_*")).hasMessageContaining("HCLOUD_TOKEN");
        assertThatThrownBy(() -> ChildEnvironment.base().allow("*")).hasMessageContaining("HCLOUD_TOKEN");
        assertThatThrownBy(() -> ChildEnvironment.base().with("HCLOUD_TOKEN", "x"))
                .hasMessageContaining("HCLOUD_TOKEN");
    }

    @Test
    void aRealChildStartedThroughTheHelperLacksTheTokenAndTheMarker() throws Exception {
        Map<String, String> parent = new HashMap<>(System.getenv());
        parent.put("WASIMOFF_EVAL_LEAK_MARKER", "marker-5c1e");
        parent.put("HCLOUD_TOKEN", "hc-token-that-must-stay");

        Process p = ChildEnvironment.base().with("CHILD_EXTRA", "extra-9d2b").command(List.of("env"), parent)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("CHILD_EXTRA=extra-9d2b").contains("PATH=")
                .doesNotContain("WASIMOFF_EVAL_LEAK_MARKER").doesNotContain("marker-5c1e")
                .doesNotContain("HCLOUD_TOKEN").doesNotContain("hc-token-that-must-stay");
    }

    @Test
    void everyProcessTheHarnessStartsIsBuiltByTheHelper() throws IOException {
        Path sources = Path.of("src/main/java");
        assertThat(sources).isDirectory();
        try (Stream<Path> files = Files.walk(sources)) {
            List<Path> direct = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.endsWith(Path.of("wasimoff/eval/process/ChildEnvironment.java")))
                    .filter(f -> {
                        try {
                            String text = Files.readString(f);
                            return text.contains("new ProcessBuilder(") || text.contains("Runtime.getRuntime().exec(");
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).toList();
            assertThat(direct).as("processes started with the whole parent environment").isEmpty();
        }
    }
}
