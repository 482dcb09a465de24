package wasimoff.eval.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import wasimoff.eval.testbed.ssh.ClientKey;
import wasimoff.eval.testbed.ssh.HostKey;
import wasimoff.eval.testbed.ssh.LoopbackSshd;
import wasimoff.eval.testbed.ssh.SshNode;
import wasimoff.eval.load.LoadRunner;
import wasimoff.eval.load.LoopbackHttpServer;
import wasimoff.eval.load.ResultsWriter;
import wasimoff.eval.load.RunSpec;
import wasimoff.eval.load.RunSummary;
import wasimoff.eval.workload.ResponseChecks;

class RemoteLoadRunTest {
    static final NodeSpec CLIENT = new NodeSpec("client", NodeRole.CLIENT, new ServerType("ccx13", 2, 8, true),
            new Location("nbg1", "Nuremberg", "DE", "eu-central"));

    @TempDir
    Path tmp;

    @Test
    void aLoadRunInTheClientNodesOwnJvmGivesTheSameResultsTreeAsAnInProcessRun() throws Exception {
        try (var server = new LoopbackHttpServer(i -> new LoopbackHttpServer.Reply(200, "distance = 1.000", 5));
             var testbed = new EmbeddedTestbed(tmp.resolve("testbed"), false)) {
            Node client = testbed.provision(List.of(CLIENT)).get(0);
            RunSpec spec = spec(server.url("/x"));

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

    @Test
    void aLoadRunOverSshOnAnotherNodeGivesTheSameResultsTreeAsAnInProcessRun() throws Exception {
        HostKey hostKey = HostKey.generate();
        ClientKey clientKey = ClientKey.generate();
        try (var server = new LoopbackHttpServer(i -> new LoopbackHttpServer.Reply(200, "distance = 1.000", 5));
             var sshd = LoopbackSshd.start(hostKey, clientKey, tmp.resolve("sshd"));
             var client = SshNode.connect(CLIENT, LoopbackSshd.ADDRESS, sshd.port(), "root", hostKey.publicKey(),
                     clientKey, tmp.resolve("remote-work").toString(), Duration.ofSeconds(20))) {
            RunSpec spec = spec(server.url("/x"));

            new LoadRunner(spec, ResponseChecks.named(spec.check()), line -> { }).run(tmp.resolve("in-process"));
            RunSummary remote = new RemoteLoadRun(client).run(spec, tmp.resolve("over-ssh"), line -> { });

            assertThat(files(tmp.resolve("over-ssh"))).isEqualTo(files(tmp.resolve("in-process")));
            assertThat(remote.succeeded()).isPositive();
            assertThat(remote.failed()).isZero();
            assertThat(remote.nothingLost()).isTrue();
            assertThat(remote.sent()).isEqualTo(server.requests() - inProcessRequests(tmp.resolve("in-process")));
            for (String csv : List.of("locust_stats.csv", "locust_stats_history.csv", "locust_failures.csv")) {
                assertThat(Files.readAllLines(tmp.resolve("over-ssh").resolve(csv)).get(0)).as(csv)
                        .isEqualTo(Files.readAllLines(tmp.resolve("in-process").resolve(csv)).get(0));
            }
        }
    }

    private static long inProcessRequests(Path dir) throws Exception {
        return ResultsWriter.JSON.readValue(dir.resolve("summary.json").toFile(), RunSummary.class).sent();
    }

    private static RunSpec spec(String url) {
        return new RunSpec("remote", new RunSpec.HttpRequestTemplate("POST", url, Map.of(), ""),
                ResponseChecks.WASIMOFF_RUN, 4, 4, 2000, null, "127.0.0.1", 5000, "locust");
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }
}
