package wasimoff.eval.testbed.hetzner;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import wasimoff.eval.scenario.NodeSpec;
import wasimoff.eval.testbed.Node;
import wasimoff.eval.testbed.Testbed;
import wasimoff.eval.testbed.hetzner.api.CreateFirewallRequest;
import wasimoff.eval.testbed.hetzner.api.CreateServerRequest;
import wasimoff.eval.testbed.hetzner.api.CreatedServer;
import wasimoff.eval.testbed.hetzner.api.FirewallRule;
import wasimoff.eval.testbed.hetzner.api.HetznerClient;
import wasimoff.eval.testbed.hetzner.api.Server;
import wasimoff.eval.testbed.ssh.HostKey;

/**
 * Hetzner Cloud servers as a scenario's nodes. Before anything is created it prices the fleet and
 * refuses above the user's cap; then it creates the run's SSH key and firewall and all servers in
 * parallel, each labelled with run, scenario and role and given a host key of its own through
 * cloud-init, and connects to each with exactly that key. Servers already created for an earlier
 * point of the scenario are reused; close (also run by a shutdown hook) deletes everything carrying
 * the run's label, including servers whose creation was interrupted.
 */
public final class HetznerTestbed implements Testbed {
    private final HetznerClient api;
    private final HetznerSettings settings;
    private final RunLabels labels;
    private final String clientKeyLine;
    private final NodeConnector connector;
    private final PrintStream out;
    private final Map<String, Provisioned> provisioned = new LinkedHashMap<>();
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private final Thread shutdownHook;
    private Long sshKeyId;
    private Long firewallId;
    private boolean closed;

    /** A created server, the host key it was given and, once connected, its node. */
    private record Provisioned(NodeSpec spec, Server server, HostKey hostKey, Node node) {
    }

    public HetznerTestbed(HetznerClient api, HetznerSettings settings, RunLabels labels, String clientKeyLine,
                          NodeConnector connector, PrintStream out) {
        this.api = api;
        this.settings = settings;
        this.labels = labels;
        this.clientKeyLine = clientKeyLine;
        this.connector = connector;
        this.out = out;
        this.shutdownHook = new Thread(this::close, "hetzner-testbed-cleanup-" + labels.runId());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        out.println("[hetzner] run " + labels.runId() + " (label " + labels.runSelector() + "); after an interrupted"
                + " run delete its servers with: mvn -Pcleanup -Drun-id=" + labels.runId());
    }

    @Override
    public String kind() {
        return "hetzner";
    }

    @Override
    public synchronized List<Node> provision(List<NodeSpec> specs) {
        if (closed) {
            throw new IllegalStateException("the Hetzner testbed of run " + labels.runId() + " is closed");
        }
        CostEstimate estimate = CostEstimate.of(specs, api.listServerTypes());
        out.println("[hetzner] cost estimate: " + estimate + "; cap " + settings.maxHourlyEur() + " EUR/h (-D"
                + HetznerSettings.MAX_HOURLY + ")");
        estimate.requireAtMost(settings.maxHourlyEur());
        parameters.put("hetzner run", labels.runId());
        parameters.put("hetzner image", settings.image());
        parameters.put("hourly cost estimate", estimate.toString());

        releaseUnwanted(specs);
        List<NodeSpec> missing = specs.stream().filter(s -> !provisioned.containsKey(s.name())).toList();
        if (!missing.isEmpty()) {
            ensureRunResources();
            create(missing);
            allowRunServers();
        }
        connectAll(specs);
        return specs.stream().map(s -> provisioned.get(s.name()).node()).toList();
    }

    /**
     * Servers whose node name the new specs give another type or location (a new placement): they
     * are deleted and created anew. Servers the specs do not name stay for later points; close
     * deletes them.
     */
    private void releaseUnwanted(List<NodeSpec> specs) {
        Map<String, NodeSpec> wanted = new LinkedHashMap<>();
        specs.forEach(s -> wanted.put(s.name(), s));
        List<Provisioned> unwanted = provisioned.values().stream()
                .filter(p -> wanted.containsKey(p.spec().name()) && !p.spec().equals(wanted.get(p.spec().name())))
                .toList();
        if (unwanted.isEmpty()) {
            return;
        }
        out.println("[hetzner] deleting " + unwanted.size() + " servers the next placement puts elsewhere");
        unwanted.forEach(p -> closeNode(p.node()));
        new HetznerCleanup(api, out).deleteServers(unwanted.stream().map(p -> p.server().id()).toList());
        unwanted.forEach(p -> provisioned.remove(p.spec().name()));
    }

    private void ensureRunResources() {
        if (sshKeyId == null) {
            sshKeyId = api.createSshKey("wasimoff-eval-" + labels.runId(), clientKeyLine, labels.run()).id();
        }
        if (firewallId == null) {
            firewallId = api.createFirewall(new CreateFirewallRequest("wasimoff-eval-" + labels.runId(), labels.run(),
                    rules(settings.allowFrom()), List.of())).firewall().id();
        }
    }

    private void create(List<NodeSpec> missing) {
        out.printf("[hetzner] creating %d servers (%s, up to %d at once)%n", missing.size(), settings.image(),
                settings.parallelism());
        AtomicInteger done = new AtomicInteger();
        inParallel(missing, spec -> {
            HostKey hostKey = HostKey.generate();
            CreatedServer created = api.createServer(CreateServerRequest.builder(serverName(spec),
                            spec.type().name(), settings.image())
                    .location(spec.location().id())
                    .labels(labels.server(spec.role()))
                    .userData(CloudConfig.withHostKey(hostKey))
                    .sshKeyIds(List.of(sshKeyId))
                    .firewallIds(List.of(firewallId))
                    .build());
            synchronized (provisioned) {
                provisioned.put(spec.name(), new Provisioned(spec, created.server(), hostKey, null));
            }
            api.awaitActions(created.allActions(), settings.bootDeadline());
            Server running = api.getServer(created.server().id());
            synchronized (provisioned) {
                provisioned.put(spec.name(), new Provisioned(spec, running, hostKey, null));
            }
            out.printf("[hetzner] %d/%d running: %s %s @ %s -> %s%n", done.incrementAndGet(), missing.size(),
                    running.name(), spec.type().name(), spec.location().id(), running.ipv4Address().orElse("no IPv4"));
            return running;
        });
    }

    /** Lets the run's servers reach each other on every port; before this only the user's address could. */
    private void allowRunServers() {
        List<String> sources = new ArrayList<>(settings.allowFrom());
        provisioned.values().forEach(p -> p.server().ipv4Address().ifPresent(ip -> sources.add(ip + "/32")));
        api.awaitActions(api.setFirewallRules(firewallId, rules(sources)), settings.bootDeadline());
    }

    private static List<FirewallRule> rules(List<String> sources) {
        return List.of(
                FirewallRule.inbound("tcp", "1-65535", sources).withDescription("ssh and services"),
                FirewallRule.inbound("udp", "1-65535", sources).withDescription("services"),
                FirewallRule.inbound("icmp", null, sources).withDescription("ping test"));
    }

    private void connectAll(List<NodeSpec> specs) {
        List<Provisioned> unconnected = specs.stream().map(s -> provisioned.get(s.name()))
                .filter(p -> p.node() == null).toList();
        if (unconnected.isEmpty()) {
            out.println("[hetzner] reusing " + specs.size() + " servers");
            return;
        }
        out.printf("[hetzner] connecting to %d servers and setting them up%n", unconnected.size());
        inParallel(unconnected.stream().map(Provisioned::spec).toList(), spec -> {
            Provisioned p = provisioned.get(spec.name());
            Node node = connector.connect(spec, p.server(), p.hostKey());
            synchronized (provisioned) {
                provisioned.put(spec.name(), new Provisioned(spec, p.server(), p.hostKey(), node));
            }
            return node;
        });
    }

    private <T> void inParallel(List<NodeSpec> specs, Function<NodeSpec, T> work) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(settings.parallelism(), specs.size())));
        try {
            List<Future<T>> futures = specs.stream().map(s -> pool.submit(() -> work.apply(s))).toList();
            RuntimeException failure = null;
            for (int i = 0; i < futures.size(); i++) {
                try {
                    futures.get(i).get();
                } catch (ExecutionException e) {
                    RuntimeException cause = e.getCause() instanceof RuntimeException r ? r
                            : new IllegalStateException(e.getCause());
                    if (failure == null) {
                        failure = new IllegalStateException("server " + specs.get(i).name() + ": "
                                + cause.getMessage(), cause);
                    } else {
                        failure.addSuppressed(cause);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while provisioning", e);
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private String serverName(NodeSpec spec) {
        return "we-" + labels.runId() + "-" + spec.name();
    }

    /** The run id, image and cost estimate, for every result of this testbed. */
    @Override
    public synchronized Map<String, String> parameters() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    @Override
    public InetSocketAddress route(Node from, Node to, int port) {
        // real servers in real locations: the distance is the network's own
        return new InetSocketAddress(to.host(), port);
    }

    /** Closes every connection, then deletes everything labelled with this run. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            provisioned.values().forEach(p -> closeNode(p.node()));
            new HetznerCleanup(api, out).sweep(labels.runSelector(), false);
            provisioned.clear();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // this close is the hook itself, or runs while the JVM shuts down
            }
        }
    }

    private void closeNode(Node node) {
        if (node instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                out.println("[hetzner] closing " + node.name() + " failed: " + e.getMessage());
            }
        }
    }
}
