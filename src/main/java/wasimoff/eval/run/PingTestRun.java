package wasimoff.eval.run;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import wasimoff.eval.testbed.Node;
import wasimoff.eval.testbed.RunningService;
import wasimoff.eval.testbed.ServiceDefinition;
import wasimoff.eval.testbed.Testbed;

/**
 * The seed's ping test on any testbed: an echo service on every node, then from each node of a pair
 * to the other, one pair at a time (parallel pingers on small machines add their own scheduling
 * delay), {@code harness.jar ping} run on the sending node itself through the testbed's route, so
 * that what is measured is what the systems' traffic meets: the delay relays on local testbeds, the
 * real network between servers.
 */
public final class PingTestRun {
    private PingTestRun() {
    }

    /** One pair's result: the locations and {@code min;avg;max;mdev} in ms. */
    public record Pair(String from, String to, String stats) {
        /** The average round trip in ms. */
        public double avgMillis() {
            return Double.parseDouble(stats.split(";")[1]);
        }
    }

    /** Pings between every pair of {@code nodes} ({@code count} pings, {@code interval} apart). */
    public static List<Pair> measure(Testbed testbed, List<Node> nodes, int count, Duration interval,
                                     Consumer<String> progress) throws Exception {
        List<RunningService> echos = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        List<Pair> pairs = new ArrayList<>();
        try {
            for (Node n : nodes) {
                int port = n.freePort();
                echos.add(n.start(new ServiceDefinition.JavaService("ping-echo", PingEcho.class,
                        List.of("--bind", n.host(), "--port", Integer.toString(port)))));
                ports.add(port);
            }
            for (int i = 0; i < nodes.size(); i++) {
                for (int j = i + 1; j < nodes.size(); j++) {
                    Node from = nodes.get(i);
                    Node to = nodes.get(j);
                    InetSocketAddress target = testbed.route(from, to, ports.get(j));
                    List<String> command = List.of("java", "-jar", from.harnessJar(), "ping", "--from", from.host(),
                            "--to", target.getHostString() + ":" + target.getPort(), "--count", Integer.toString(count),
                            "--interval-ms", Long.toString(interval.toMillis()));
                    Node.CommandResult r = from.exec(command, interval.multipliedBy(count).plus(Duration.ofMinutes(2)));
                    String last = r.output().strip().lines().reduce((a, b) -> b).orElse("");
                    if (r.exitCode() != 0 || !last.matches("[0-9.;]+")) {
                        throw new IllegalStateException("ping from " + from.name() + " to " + to.name() + " failed ("
                                + r.exitCode() + "): " + r.output().strip());
                    }
                    Pair p = new Pair(from.spec().location().id(), to.spec().location().id(), last);
                    progress.accept(String.format("   %s -> %s: %s", p.from(), p.to(), p.stats()));
                    pairs.add(p);
                }
            }
        } finally {
            for (RunningService e : echos) {
                e.close();
            }
        }
        return pairs;
    }
}
