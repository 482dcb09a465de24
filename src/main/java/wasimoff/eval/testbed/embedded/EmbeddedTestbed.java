package wasimoff.eval.testbed.embedded;

import wasimoff.eval.settings.TestbedKind;
import wasimoff.eval.process.RunRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import wasimoff.eval.net.LatencyCatalogue;
import wasimoff.eval.net.DelayRelay;
import wasimoff.eval.net.WanEmulation;
import wasimoff.eval.scenario.Location;
import wasimoff.eval.scenario.NodeSpec;
import wasimoff.eval.testbed.Node;
import wasimoff.eval.testbed.RunningService;
import wasimoff.eval.testbed.Testbed;

/**
 * The default testbed: every node is a loopback address of this machine with a work directory;
 * our services run in this JVM, native ones as child processes, and all talk over real TCP, across
 * locations with the measured Hetzner round-trip times added.
 * It costs nothing and needs nothing installed beyond a JDK.
 */
public final class EmbeddedTestbed implements Testbed {
    private final Path workRoot;
    private final WanEmulation wan;
    private final List<RunningService> services = Collections.synchronizedList(new ArrayList<>());
    private final Thread shutdownHook = new Thread(this::stopServices, "embedded-testbed-shutdown");

    /** A testbed whose nodes keep their files and logs under {@code workRoot}, with WAN emulation. */
    public EmbeddedTestbed(Path workRoot) {
        this(workRoot, true);
    }

    /**
     * A testbed whose nodes keep their files and logs under {@code workRoot}; with {@code emulateWan},
     * connections between locations pay the measured round-trip times of {@link LatencyCatalogue}.
     */
    public EmbeddedTestbed(Path workRoot, boolean emulateWan) {
        RunRecord.sweepDeadRunsOnce(System.out::println);
        this.workRoot = workRoot;
        this.wan = emulateWan ? new WanEmulation(LatencyCatalogue.hetzner(), LoopbackAddresses::next) : null;
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    @Override
    public String kind() {
        return TestbedKind.EMBEDDED.id();
    }

    @Override
    public List<Node> provision(List<NodeSpec> specs) {
        List<Node> nodes = new ArrayList<>();
        for (NodeSpec spec : specs) {
            Path dir = workRoot.resolve(spec.name());
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            nodes.add(new EmbeddedNode(spec, LoopbackAddresses.next(), dir, services::add));
        }
        return nodes;
    }

    @Override
    public InetSocketAddress route(Node from, Node to, int port) {
        InetSocketAddress direct = new InetSocketAddress(to.host(), port);
        return wan == null ? direct
                : wan.route(from.spec().location().id(), to.spec().location().id(), direct);
    }

    @Override
    public java.util.Optional<InetSocketAddress> undelayedRoute(Node from, Node to, int port) {
        return java.util.Optional.ofNullable(wan).map(w -> w.undelayedRoute(from.spec().location().id(),
                to.spec().location().id(), new InetSocketAddress(to.host(), port)));
    }

    /** Partitions two locations by cutting the WAN emulation's relays between them. */
    @Override
    public String cut(Location a, Location b, DelayRelay.Cut how) {
        return wan().cut(a.id(), b.id(), how);
    }

    @Override
    public String heal(Location a, Location b) {
        return wan().heal(a.id(), b.id());
    }

    private WanEmulation wan() {
        if (wan == null) {
            throw new UnsupportedOperationException("the WAN emulation is off (-Dwan=off): no relays between locations"
                    + " to cut");
        }
        return wan;
    }

    /** Services started on this testbed's nodes that are still running. */
    public List<RunningService> runningServices() {
        synchronized (services) {
            return services.stream().filter(RunningService::isAlive).toList();
        }
    }

    @Override
    public void close() {
        stopServices();
        if (wan != null) {
            wan.close();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run; nothing left to remove
        }
    }

    private void stopServices() {
        List<RunningService> copy;
        synchronized (services) {
            copy = new ArrayList<>(services);
            services.clear();
        }
        Collections.reverse(copy);
        for (RunningService s : copy) {
            try {
                s.close();
            } catch (RuntimeException e) {
                System.err.println("[testbed] stopping " + s.name() + " failed: " + e.getMessage());
            }
        }
    }
}
