package wasimoff.eval.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import wasimoff.eval.junit.fixtures.OptimalFixture;
import wasimoff.eval.junit.fixtures.UnknownScenarioFixture;

class ScenarioExtensionTest {
    @TempDir
    Path results;

    @Test
    void runsOnePassingTestPerPointAndWritesOneResultsDirectoryEach() throws IOException {
        Events tests = run(OptimalFixture.class, "fleets", "02x02c,04x02c", "assert.max-failure-ratio", "0")
                .testEvents();
        tests.assertStatistics(s -> s.started(2).succeeded(2).failed(0));
        try (Stream<Path> files = Files.walk(results)) {
            List<Path> stats = files.filter(p -> p.getFileName().toString().equals("locust_stats.csv")).toList();
            assertThat(stats).hasSize(2);
            assertThat(stats).allSatisfy(p -> assertThat(results.relativize(p).toString())
                    .matches("nbg1-nbg1-nbg1/0[24]x02c/tsp-8/reference/\\d{4}-\\d\\d-\\d\\dT\\d{6}Z/locust_stats.csv"));
        }
        assertNoProviderThreadsLeft();
    }

    @Test
    void repeatedPointsRunInASeededOrderAndTheRunEndsWithItsComparisonAndEfficiencies() throws IOException {
        Events tests = run(OptimalFixture.class, "fleets", "02x02c", "repetitions", "3", "order.seed", "7",
                "assert.max-failure-ratio", "0").testEvents();
        tests.assertStatistics(s -> s.started(3).succeeded(3));
        assertThat(tests.started().stream().map(e -> e.getTestDescriptor().getDisplayName()))
                .allMatch(name -> name.matches("reference · 02x02c · nbg1-nbg1-nbg1 · tsp-8 · run [123]/3"));
        List<Path> runs;
        try (Stream<Path> files = Files.walk(results)) {
            runs = files.filter(p -> p.getFileName().toString().equals("summary.json")).toList();
        }
        assertThat(runs).hasSize(3);
        for (Path summary : runs) {
            var json = wasimoff.eval.load.ResultsWriter.JSON.readTree(summary.toFile());
            assertThat(json.path("serviceTimeMillis").asDouble()).isPositive();
            assertThat(json.path("efficiency").asDouble()).isPositive();
            assertThat(json.path("cpusUsable").asInt()).isBetween(1, 4);
            assertThat(Files.readString(summary.resolveSibling("parameters.json"))).contains("\"order seed\" : \"7\"")
                    .contains("\"scenario run\" : \"optimal-");
        }
        try (Stream<Path> files = Files.walk(results.resolve("comparison"))) {
            Path csv = files.filter(p -> p.getFileName().toString().equals("comparison.csv")).findFirst().orElseThrow();
            List<String> lines = Files.readAllLines(csv);
            assertThat(lines.get(0)).endsWith(",99%,Efficiency,Repetitions,Requests/s CI95 low,Requests/s CI95 high");
            assertThat(lines.get(1)).startsWith("optimal,nbg1-nbg1-nbg1/02x02c/tsp-8/reference,").contains(",3,");
            assertThat(Double.parseDouble(lines.get(1).split(",")[11])).as("the median efficiency").isPositive();
            assertThat(csv.resolveSibling("nbg1-nbg1-nbg1/tsp-8/efficiency.png")).isRegularFile();
            assertThat(csv.resolveSibling("comparison.md")).content().contains("Efficiency (successful requests/s"
                    + " over the CPU-bound limit): reference ");
        }
        assertThat(results.resolve("nbg1-nbg1-nbg1/02x02c/tsp-8/reference/latest")).isSymbolicLink();
    }

    @Test
    void aFailingPointStillTearsEverythingDown() {
        run(OptimalFixture.class, "fleets", "02x02c", "assert.min-rps", "1000000").testEvents()
                .assertStatistics(s -> s.started(1).failed(1))
                .assertThatEvents().haveExactly(1, event(finishedWithFailure(
                        message(m -> m.contains("is not above the floor 1000000.00")))));
        assertNoProviderThreadsLeft();
    }

    @Test
    void anUnknownScenarioFailsTheClassWithTheValidIds() {
        run(UnknownScenarioFixture.class).containerEvents().assertThatEvents().haveExactly(1, event(
                finishedWithFailure(message(m -> m.contains("no such scenario 'optimum'; valid ids are")))));
    }

    @Test
    void aSystemThatCannotBeInstalledIsSkippedAtEachOfItsPointsWithTheReasonInItsResults(@TempDir Path emptyCache)
            throws IOException {
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(OptimalFixture.class))
                .configurationParameter("install", "off").configurationParameter("cache.dir", emptyCache.toString())
                .configurationParameter("fleets", "02x02c").configurationParameter("tsp-n", "8")
                .configurationParameter("run-time", "2s").configurationParameter("users", "2")
                .configurationParameter("results.dir", results.toString()).execute().testEvents();
        tests.assertStatistics(s -> s.started(3).succeeded(1).aborted(2).failed(0));
        tests.aborted().assertThatEvents().allMatch(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                .map(t -> t.getMessage().contains("is not run here") && t.getMessage().contains("To install: mvn -Pinstall"))
                .orElse(false));
        // nothing is installed in the empty cache, the evaluation's TSP program neither: our own runs, and
        // every result directory says so
        for (String system : List.of("wasimoff", "serverledge")) {
            try (Stream<Path> files = Files.walk(results.resolve("nbg1-nbg1-nbg1/02x02c/tsp-8/" + system + "+own-tsp"))) {
                Path why = files.filter(p -> p.getFileName().toString().equals("not-run.json")).findFirst().orElseThrow();
                assertThat(Files.readString(why)).contains("\"status\" : \"not run\"").contains("-Dinstall=off")
                        .contains("mvn -Pinstall -Dsystems=" + system);
            }
        }
        assertThat(results.resolve("nbg1-nbg1-nbg1/02x02c/tsp-8/reference+own-tsp")).isDirectory();
    }

    @Test
    void aSystemNamedOnTheCommandLineThatCannotRunFailsTheScenario(@TempDir Path emptyCache) {
        run(OptimalFixture.class, "systems", "wasimoff", "install", "off", "cache.dir", emptyCache.toString())
                .containerEvents().assertThatEvents().haveExactly(1, event(finishedWithFailure(message(m ->
                        m.contains("wasimoff cannot run: wasimoff-broker is not built") && m.contains("mvn -Pinstall")))));
    }

    private org.junit.platform.testkit.engine.EngineExecutionResults run(Class<?> fixture, String... extra) {
        var kit = EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture))
                .configurationParameter("systems", "reference")
                .configurationParameter("run-time", "2s")
                .configurationParameter("users", "2")
                .configurationParameter("tsp-n", "8")
                .configurationParameter("results.dir", results.toString());
        for (int i = 0; i < extra.length; i += 2) {
            kit = kit.configurationParameter(extra[i], extra[i + 1]);
        }
        return kit.execute();
    }

    private static void assertNoProviderThreadsLeft() {
        await("provider worker threads gone").atMost(Duration.ofSeconds(10)).until(() ->
                Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith("provider-")));
    }
}
