package wasimoff.eval.run;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import wasimoff.eval.net.TcpPing;
import wasimoff.eval.testbed.Node;
import wasimoff.eval.testbed.RunningService;
import wasimoff.eval.testbed.ServiceDefinition;
import wasimoff.eval.testbed.Testbed;

/**
 * The seed's ping test on any testbed: an echo service on every node, then from each node of a pair
 * to the other, one pair at a time (parallel pingers on small machines add their own scheduling
 * delay), {@code harness.jar ping} run on the sending node itself through the testbed's route, so
 * that what is measured is what the systems' traffic meets: the delay relays on local testbeds, the
 * real network between servers. Where the distance is emulated, probes over the same route without
 * the delay alternate with the others: the relays' own hand-offs and the scheduling of a small shared
 * machine cost each round trip about a millisecond, which is this machine's, not the emulation's.
 */
public final class PingTestRun {
    private PingTestRun() {
    }

    /**
     * One pair's result: the locations, the round trips over the testbed's route and, where the testbed
     * emulates the distance, over the same route without the delay ({@link Testbed#undelayedRoute}),
     * probed alternately with the first.
     */
    public record Pair(String from, String to, TcpPing.Stats stats, Optional<TcpPing.Stats> baseline) {
        /**
         * What the route adds to the machine's own round trip: the median less the baseline's median, or
         * the median itself where there is no baseline. Medians, since a probe that waited for a core on
         * a small shared machine moves an average of 32 by a part of its wait.
         */
        public double addedMillis() {
            return stats.medianMs() - baseline.map(TcpPing.Stats::medianMs).orElse(0.0);
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
                    Optional<InetSocketAddress> undelayed = testbed.undelayedRoute(from, to, ports.get(j));
                    List<String> command = new ArrayList<>(List.of("java", "-jar", from.harnessJar(), "ping",
                            "--from", from.host(), "--to", hostPort(testbed.route(from, to, ports.get(j))),
                            "--count", Integer.toString(count), "--interval-ms", Long.toString(interval.toMillis())));
                    undelayed.ifPresent(u -> command.addAll(List.of("--baseline", hostPort(u))));
                    Node.CommandResult r = from.exec(command, interval.multipliedBy(count * 2L).plus(Duration.ofMinutes(2)));
                    Pair p = parse(from, to, r);
                    progress.accept(String.format("   %s -> %s: %s%s", p.from(), p.to(), p.stats().csv(),
                            p.baseline().map(b -> String.format(Locale.ROOT, " (median %.3f; without the delay %.3f,"
                                    + " so the emulation added %.3f ms)", p.stats().medianMs(), b.medianMs(),
                                    p.addedMillis())).orElse("")));
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

    private static String hostPort(InetSocketAddress a) {
        return a.getHostString() + ":" + a.getPort();
    }

    /** The pinger's last line is the route's figures, the one before it the baseline's where one was asked. */
    private static Pair parse(Node from, Node to, Node.CommandResult r) {
        List<String> lines = r.output().strip().lines().toList();
        String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        if (r.exitCode() != 0 || !last.matches("[0-9.;]+")) {
            throw new IllegalStateException("ping from " + from.name() + " to " + to.name() + " failed ("
                    + r.exitCode() + "): " + r.output().strip());
        }
        Optional<TcpPing.Stats> baseline = lines.stream().filter(l -> l.startsWith(TcpPing.BASELINE_PREFIX))
                .findFirst().map(l -> TcpPing.Stats.parse(l.substring(TcpPing.BASELINE_PREFIX.length())));
        return new Pair(from.spec().location().id(), to.spec().location().id(), TcpPing.Stats.parse(last), baseline);
    }
}
