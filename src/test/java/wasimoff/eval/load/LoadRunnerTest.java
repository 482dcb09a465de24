package wasimoff.eval.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wasimoff.eval.workload.ResponseChecks;

class LoadRunnerTest {
    /** Locust 2.12's stats CSV header with the seed's percentiles (25 .. 100). */
    private static final String LOCUST_STATS_HEADER = "Type,Name,Request Count,Failure Count,Median Response Time,"
            + "Average Response Time,Min Response Time,Max Response Time,Average Content Size,Requests/s,Failures/s,"
            + "25%,50%,75%,80%,90%,95%,98%,99%,100%";
    private static final String LOCUST_HISTORY_HEADER = "Timestamp,User Count,Type,Name,Requests/s,Failures/s,"
            + "25%,50%,75%,80%,90%,95%,98%,99%,100%,Total Request Count,Total Failure Count,"
            + "Total Median Response Time,Total Average Response Time,Total Min Response Time,"
            + "Total Max Response Time,Total Average Content Size";

    @TempDir
    Path out;

    @Test
    void everyRequestIsASuccessOrANamedFailureAndTheServerSawEachOne() throws Exception {
        try (var server = new LoopbackHttpServer(i -> i % 10 == 0
                ? new LoopbackHttpServer.Reply(500, "boom", 2)
                : new LoopbackHttpServer.Reply(200, "distance = 123.456\n", 2))) {
            RunSummary s = new LoadRunner(spec(server.url("/api/client/run/tsp.wasm"), 4, 3000),
                    ResponseChecks.named(ResponseChecks.WASIMOFF_RUN), line -> { }).run(out);
            assertThat(s.nothingLost()).isTrue();
            assertThat(s.sent()).isEqualTo(server.requests()).isGreaterThan(100);
            assertThat(s.failed()).isBetween(s.sent() / 10 - 1, s.sent() / 10 + 1);
            assertThat(s.failures()).containsOnlyKeys("HTTP 500: boom");
            assertThat(s.requestsPerSecond()).isGreaterThan(0);
        }
    }

    @Test
    void writesLocustCompatibleCsvFiles() throws Exception {
        try (var server = new LoopbackHttpServer(i -> new LoopbackHttpServer.Reply(200, "distance = 1.000", 1))) {
            RunSummary s = new LoadRunner(spec(server.url("/api/client/run/tsp.wasm"), 2, 3000),
                    ResponseChecks.named(ResponseChecks.WASIMOFF_RUN), line -> { }).run(out);
            List<String> stats = Files.readAllLines(out.resolve("locust_stats.csv"));
            assertThat(stats.get(0)).isEqualTo(LOCUST_STATS_HEADER);
            assertThat(stats.get(1)).startsWith("POST,/api/client/run/tsp.wasm," + s.sent() + ",0,");
            assertThat(stats.get(2)).startsWith(",Aggregated," + s.sent() + ",0,");
            List<String> history = Files.readAllLines(out.resolve("locust_stats_history.csv"));
            assertThat(history.get(0)).isEqualTo(LOCUST_HISTORY_HEADER);
            assertThat(history).hasSizeBetween(1 + 3, 1 + 5);
            long total = Long.parseLong(history.get(history.size() - 1).split(",")[15]);
            assertThat(total).isEqualTo(s.sent());
            assertThat(Files.readAllLines(out.resolve("locust_failures.csv"))).containsExactly(
                    "Method,Name,Error,Occurrences");
            assertThat(Files.readAllLines(out.resolve("locust_exceptions.csv"))).containsExactly(
                    "Count,Message,Traceback,Nodes");
            assertThat(out.resolve("summary.json")).exists();
            assertThat(out.resolve("run.json")).exists();
        }
    }

    @Test
    void usersAreSpawnedAtTheSpawnRate() throws Exception {
        try (var server = new LoopbackHttpServer(i -> new LoopbackHttpServer.Reply(200, "distance = 1.000", 20))) {
            RunSpec spec = new RunSpec("spawn", new RunSpec.HttpRequestTemplate("POST", server.url("/x"), Map.of(), ""),
                    ResponseChecks.HTTP_2XX, 6, 2, 3500, null, "127.0.0.1", 5000, "locust");
            new LoadRunner(spec, ResponseChecks.named(spec.check()), line -> { }).run(out);
            List<Integer> users = new ArrayList<>();
            for (String line : Files.readAllLines(out.resolve("locust_stats_history.csv")).subList(1, 4)) {
                users.add(Integer.parseInt(line.split(",")[1]));
            }
            // one user at once, then two more per second
            assertThat(users).containsExactly(3, 5, 6);
        }
    }

    @Test
    void slowRequestsAtTheEndAreAwaitedAndCounted() throws Exception {
        try (var server = new LoopbackHttpServer(i -> new LoopbackHttpServer.Reply(200, "distance = 1.000", 700))) {
            RunSummary s = new LoadRunner(spec(server.url("/x"), 3, 1000),
                    ResponseChecks.named(ResponseChecks.WASIMOFF_RUN), line -> { }).run(out);
            assertThat(s.nothingLost()).isTrue();
            assertThat(s.succeeded()).isEqualTo(server.requests());
        }
    }

    @Test
    void timeoutsAreNamedFailures() throws Exception {
        try (var server = new LoopbackHttpServer(i -> new LoopbackHttpServer.Reply(200, "distance = 1.000", 1500))) {
            RunSpec spec = new RunSpec("timeouts", new RunSpec.HttpRequestTemplate("POST", server.url("/x"), Map.of(), ""),
                    ResponseChecks.WASIMOFF_RUN, 2, 10, 1000, null, null, 300, "locust");
            RunSummary s = new LoadRunner(spec, ResponseChecks.named(spec.check()), line -> { }).run(out);
            assertThat(s.failures()).containsOnlyKeys("timeout after 300 ms");
            assertThat(s.nothingLost()).isTrue();
        }
    }

    @Test
    void reportsTheCpuOfItsOwnThreads() throws Exception {
        try (var server = new LoopbackHttpServer(i -> new LoopbackHttpServer.Reply(200, "ok", 0))) {
            RunSpec spec = new RunSpec("cpu", new RunSpec.HttpRequestTemplate("GET", server.url("/x"), Map.of(), ""),
                    ResponseChecks.HTTP_2XX, 4, 100, 1000, null, null, 5000, "locust", null, null, 2);
            RunSummary s = new LoadRunner(spec, ResponseChecks.named(spec.check()), line -> { }).run(out);
            assertThat(s.generatorThreads()).isEqualTo(2 + 1);
            assertThat(s.generatorCpuCores()).isPositive().isLessThanOrEqualTo(3);
            assertThat(s.generatorBusiestThread()).isPositive().isLessThanOrEqualTo(s.generatorCpuCores() + 1e-9);
            assertThat(s.generatorEngine()).startsWith("netty 4.").endsWith("2 event loops");
            assertThat(Files.readString(out.resolve("summary.json"))).contains("\"generatorWarning\"",
                    "\"generatorCpuCores\"");
        }
    }

    @Test
    void aRefusedConnectionIsANamedFailureAndNothingIsLost() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        RunSpec spec = new RunSpec("refused", new RunSpec.HttpRequestTemplate("GET", "http://127.0.0.1:" + port + "/x",
                Map.of(), ""), ResponseChecks.HTTP_2XX, 2, 100, 500, null, null, 1000, "locust");
        RunSummary s = new LoadRunner(spec, ResponseChecks.named(spec.check()), line -> { }).run(out);
        assertThat(s.nothingLost()).isTrue();
        assertThat(s.succeeded()).isZero();
        assertThat(s.failures()).containsOnlyKeys("connection error: connection refused");
    }

    @Test
    void usersOfADeadServiceBackOffInsteadOfStormingIt() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        RunSpec spec = new RunSpec("dead", new RunSpec.HttpRequestTemplate("GET", "http://127.0.0.1:" + port + "/x",
                Map.of(), ""), ResponseChecks.HTTP_2XX, 2, 100, 2000, null, null, 1000, "locust");
        RunSummary s = new LoadRunner(spec, ResponseChecks.named(spec.check()), line -> { }).run(out);
        // backing off 10, 20, 40 ... 1000 ms, a user tries at most about ten times in two seconds; without it,
        // thousands of refused connections
        assertThat(s.sent()).isBetween(2L, 2L * 12);
        assertThat(s.nothingLost()).isTrue();
    }

    @Test
    void theServerClosingTheConnectionAfterEachAnswerIsNoFailure() throws Exception {
        try (var server = new LoopbackHttpServer(i -> new LoopbackHttpServer.Reply(200, "ok", 0, true))) {
            RunSpec spec = spec(server.url("/x"), 2, 1000);
            RunSummary s = new LoadRunner(spec, ResponseChecks.named(ResponseChecks.HTTP_2XX), line -> { }).run(out);
            assertThat(s.nothingLost()).isTrue();
            assertThat(s.failed()).isZero();
            assertThat(s.sent()).isEqualTo(server.requests()).isGreaterThan(10);
        }
    }

    private static RunSpec spec(String url, int users, long runMillis) {
        return new RunSpec("test", new RunSpec.HttpRequestTemplate("POST", url, Map.of("X-Args", "rand 8"), ""),
                ResponseChecks.WASIMOFF_RUN, users, 100, runMillis, null, "127.0.0.1", 10_000, "locust");
    }
}
