package wasimoff.eval.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wasimoff.eval.workload.ResponseChecks;

/**
 * Runs Debian's Locust ({@code python3-locust}) headless against a loopback server and compares its
 * CSV files with ours, column by column. Skipped when {@code locust} is not on the PATH.
 */
class LocustCompatibilityTest {
    private static final String PATH = "/api/client/run/tsp.wasm";
    private static final List<String> SUFFIXES = List.of("_stats.csv", "_stats_history.csv", "_failures.csv",
            "_exceptions.csv");

    @TempDir
    Path dir;

    @Test
    void ourCsvFilesHaveExactlyTheColumnsOfARealLocustRun() throws Exception {
        Path locust = onPath("locust");
        Assumptions.assumeTrue(locust != null, "locust is not on the PATH (Debian: apt-get install python3-locust)");
        try (var server = new LoopbackHttpServer(i -> new LoopbackHttpServer.Reply(200, "distance = 1.000", 2))) {
            Path theirs = dir.resolve("locust");
            Files.createDirectories(theirs);
            runLocust(locust, server.url(""), theirs.resolve("locust"));

            Path ours = dir.resolve("ours");
            RunSpec spec = new RunSpec("compat", new RunSpec.HttpRequestTemplate("POST", server.url(PATH),
                    Map.of("X-Args", "rand 8"), ""), ResponseChecks.WASIMOFF_RUN, 2, 2, 2000,
                    RunSpec.SEED_PERCENTILES, "127.0.0.1", 5000, "locust");
            new LoadRunner(spec, ResponseChecks.named(spec.check()), line -> { }).run(ours);

            for (String suffix : SUFFIXES) {
                List<String> l = Files.readAllLines(theirs.resolve("locust" + suffix));
                List<String> o = Files.readAllLines(ours.resolve("locust" + suffix));
                assertThat(o.get(0)).as("header of %s", suffix).isEqualTo(l.get(0));
                assertThat(typeAndName(o)).as("rows of %s", suffix).isEqualTo(typeAndName(l));
            }
            assertThat(firstLineEnding(ours.resolve("locust_stats.csv")))
                    .isEqualTo(firstLineEnding(theirs.resolve("locust_stats.csv")));
        }
    }

    /** The Type and Name cells of the stats rows, and of one history row (Locust appends them per interval). */
    private static List<String> typeAndName(List<String> lines) {
        List<String> header = List.of(lines.get(0).split(","));
        int type = header.indexOf("Type");
        int name = header.indexOf("Name");
        if (type < 0 || name < 0) {
            return List.of();
        }
        List<String> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertThat(cells).as("cells of %s", line).hasSize(header.size());
            rows.add(cells[type] + "," + cells[name]);
        }
        return rows.stream().distinct().collect(Collectors.toList());
    }

    private static String firstLineEnding(Path file) throws Exception {
        String s = Files.readString(file, StandardCharsets.UTF_8);
        int nl = s.indexOf('\n');
        return nl > 0 && s.charAt(nl - 1) == '\r' ? "CRLF" : "LF";
    }

    private void runLocust(Path locust, String host, Path csvPrefix) throws Exception {
        String percentiles = RunSpec.SEED_PERCENTILES.stream().map(String::valueOf).collect(Collectors.joining(", "));
        Path file = dir.resolve("locustfile.py");
        Files.writeString(file, String.join("\n",
                "import locust.stats",
                "from locust import HttpUser, task, constant",
                "locust.stats.PERCENTILES_TO_REPORT = [" + percentiles + "]",
                "",
                "class Tsp(HttpUser):",
                "    wait_time = constant(0.01)",
                "",
                "    @task",
                "    def tsp(self):",
                "        self.client.post('" + PATH + "', headers={'X-Args': 'rand 8'})",
                ""));
        Process p = new ProcessBuilder(locust.toString(), "-f", file.toString(), "--headless", "-u", "2", "-r", "2",
                "-t", "3s", "--csv", csvPrefix.toString(), "--host", host, "--only-summary", "--loglevel", "WARNING")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("locust.log").toFile())
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("locust did not finish within 60 s");
        }
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("locust.log"))).isZero();
    }

    private static Path onPath(String command) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(d, command);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
