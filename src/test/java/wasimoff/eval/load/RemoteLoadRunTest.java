package wasimoff.eval.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wasimoff.eval.scenario.Location;
import wasimoff.eval.scenario.NodeRole;
import wasimoff.eval.scenario.NodeSpec;
import wasimoff.eval.scenario.ServerType;
import wasimoff.eval.testbed.Node;
import wasimoff.eval.testbed.embedded.EmbeddedTestbed;
import wasimoff.eval.workload.ResponseChecks;

class RemoteLoadRunTest {
    @TempDir
    Path tmp;

    @Test
    void aLoadRunInTheClientNodesOwnJvmGivesTheSameResultsTreeAsAnInProcessRun() throws Exception {
        try (var server = new LoopbackHttpServer(i -> new LoopbackHttpServer.Reply(200, "distance = 1.000", 5));
             var testbed = new EmbeddedTestbed(tmp.resolve("testbed"), false)) {
            Node client = testbed.provision(List.of(new NodeSpec("client", NodeRole.CLIENT,
                    new ServerType("ccx13", 2, 8, true), new Location("nbg1", "Nuremberg", "DE", "eu-central")))).get(0);
            RunSpec spec = new RunSpec("remote", new RunSpec.HttpRequestTemplate("POST", server.url("/x"), Map.of(), ""),
                    ResponseChecks.WASIMOFF_RUN, 4, 4, 2000, null, "127.0.0.1", 5000, "locust");

            RunSummary inProcess = new LoadRunner(spec, ResponseChecks.named(spec.check()), line -> { })
                    .run(tmp.resolve("in-process"));
            RunSummary remote = new RemoteLoadRun(client).run(spec, tmp.resolve("remote"), line -> { });

            assertThat(files(tmp.resolve("remote"))).isEqualTo(files(tmp.resolve("in-process")));
            assertThat(remote.succeeded()).isPositive();
            assertThat(remote.failed()).isZero();
            assertThat(remote.nothingLost()).isTrue();
            assertThat(Files.readAllLines(tmp.resolve("remote/locust_stats.csv")).get(0))
                    .isEqualTo(Files.readAllLines(tmp.resolve("in-process/locust_stats.csv")).get(0));
            assertThat(inProcess.succeeded()).isPositive();
        }
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }
}
