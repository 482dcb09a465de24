package wasimoff.eval.testbed.hetzner;

import wasimoff.eval.settings.TestbedKind;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
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
import wasimoff.eval.testbed.hetzner.api.ServerType;
import wasimoff.eval.testbed.ssh.HostKey;

/**
 * Hetzner Cloud servers as a scenario's nodes. Before anything is created it prices the fleet and
 * refuses above the user's cap; then it creates the run's SSH key and firewall and all servers in
 * parallel, each labelled with run, scenario and role and given a host key of its own through
 * cloud-init, and connects to each with exactly that key. Servers already created for an earlier
 * point of the scenario are reused; close (also run by a shutdown hook) deletes everything carrying
 * the run's label, including servers whose creation was interrupted, without waiting for a provisioning
 * in progress. At start it lists the servers other runs left, with their price and the command
 * deleting them, and leaves them alone.
 */
public final class HetznerTestbed implements Testbed {
    /** How long close waits for create requests already sent, so that their servers are found and deleted. */
    private static final Duration PROVISIONING_GRACE = Duration.ofSeconds(30);

    private final HetznerClient api;
    private final HetznerSettings settings;
    private final RunLabels labels;
    private final String clientKeyLine;
    private final NodeConnector connector;
    private final PrintStream out;
    private final Map<String, Provisioned> provisioned = new LinkedHashMap<>();
    private final Map<String, String> parameters = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    private final Thread shutdownHook;
    /** Held by provision; close does not take it, so it can abort a provisioning in progress. */
    private final ReentrantLock provisionLock = new ReentrantLock();
    /** Threads in a step close may interrupt: waits (boots, SSH), never a create request on its way. */
    private final Set<Thread> interruptible = new HashSet<>();
    private final Object closeLock = new Object();
    private volatile boolean closed;
    /** Set when the provisioning thread is interrupted by someone else than close: workers stop too. */
    private volatile boolean aborted;
    private boolean swept;
    private Long sshKeyId;
    private Long firewallId;

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
        out.println("[hetzner] run " + labels.runId() + " (label " + labels.runSelector() + "); after an interrupted"
                + " run delete its servers with: mvn -Pcleanup -Drun-id=" + labels.runId());
        reportOtherRuns();
        this.shutdownHook = new Thread(this::close, "hetzner-testbed-cleanup-" + labels.runId());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Prints the servers earlier runs left behind (a run killed before its cleanup), with type, location
     * and hourly price, and the command deleting each run's. They are another run's: this one leaves them.
     */
    private void reportOtherRuns() {
        List<Server> others = api.listServers(RunLabels.harnessSelector() + "," + RunLabels.RUN + "!=" + labels.runId());
        if (others.isEmpty()) {
            return;
        }
        Map<String, ServerType> types = new HashMap<>();
        Map<String, List<Server>> byRun = new TreeMap<>();
        others.forEach(s -> byRun.computeIfAbsent(s.labels().getOrDefault(RunLabels.RUN, "?"), r -> new ArrayList<>())
                .add(s));
        List<String> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<String, List<Server>> run : byRun.entrySet()) {
            BigDecimal runTotal = BigDecimal.ZERO;
            List<String> serverLines = new ArrayList<>();
            for (Server s : run.getValue()) {
                String type = s.serverType() == null ? "?" : s.serverType().name();
                String location = s.location() == null ? "?" : s.location().name();
                Optional<BigDecimal> hourly = hourlyPrice(s, types);
                runTotal = runTotal.add(hourly.orElse(BigDecimal.ZERO));
                serverLines.add(String.format("[hetzner]     %s (id %d, %s @ %s, %s)", s.name(), s.id(), type, location,
                        hourly.map(h -> h.setScale(4, RoundingMode.HALF_UP) + " EUR/h").orElse("price unknown")));
            }
            total = total.add(runTotal);
            String command = run.getKey().equals("?") ? "mvn -Pcleanup -Dall=true (no run label: deletes every run's)"
                    : "mvn -Pcleanup -Drun-id=" + run.getKey();
            lines.add(String.format("[hetzner]   run %s: %d servers, %s EUR/h; delete with: %s", run.getKey(),
                    run.getValue().size(), runTotal.setScale(2, RoundingMode.HALF_UP), command));
            lines.addAll(serverLines);
        }
        out.printf("[hetzner] %d servers of other runs of this harness still exist, billed %s EUR/h (incl. VAT)"
                + " together; this run does not touch them:%n", others.size(), total.setScale(2, RoundingMode.HALF_UP));
        lines.forEach(out::println);
    }

    /** The gross hourly price of {@code server}'s type in its location: from the server, else from the price list. */
    private Optional<BigDecimal> hourlyPrice(Server server, Map<String, ServerType> types) {
        if (server.serverType() == null || server.location() == null) {
            return Optional.empty();
        }
        String location = server.location().name();
        Optional<BigDecimal> own = server.serverType().priceIn(location).map(p -> p.priceHourly().gross());
        if (own.isPresent()) {
            return own;
        }
        if (types.isEmpty()) {
            api.listServerTypes().forEach(t -> types.put(t.name(), t));
        }
        return Optional.ofNullable(types.get(server.serverType().name())).flatMap(t -> t.priceIn(location))
                .map(p -> p.priceHourly().gross());
    }

    @Override
    public String kind() {
        return TestbedKind.HETZNER.id();
    }

    /**
     * Creates what {@code specs} need and connects to it. A {@link #close()} from another thread (or the
     * shutdown hook, on Ctrl-C) aborts it: this then throws, saying the testbed was closed while provisioning.
     */
    @Override
    public List<Node> provision(List<NodeSpec> specs) {
        provisionLock.lock();
        try {
            aborted = false;
            checkpoint();
            enterInterruptible();
            try {
                List<Node> nodes = provisionOpen(specs);
                checkpoint();
                return nodes;
            } catch (RuntimeException e) {
                throw closed ? closedWhileProvisioning(e) : e;
            } finally {
                leaveInterruptible();
            }
        } finally {
            provisionLock.unlock();
        }
    }

    private List<Node> provisionOpen(List<NodeSpec> specs) {
        CostEstimate estimate = CostEstimate.of(specs, api.listServerTypes());
        out.println("[hetzner] cost estimate: " + estimate + "; cap " + settings.maxHourlyEur() + " EUR/h (-D"
                + HetznerSettings.MAX_HOURLY + ")");
        estimate.requireAtMost(settings.maxHourlyEur());
        parameters.put("hetzner run", labels.runId());
        parameters.put("hetzner image", settings.image());
        parameters.put("hourly cost estimate", estimate.toString());

        releaseUnwanted(specs);
        List<NodeSpec> missing;
        synchronized (provisioned) {
            missing = specs.stream().filter(s -> !provisioned.containsKey(s.name())).toList();
        }
        if (!missing.isEmpty()) {
            ensureRunResources();
            create(missing);
            allowRunServers();
        }
        connectAll(specs);
        synchronized (provisioned) {
            return specs.stream().map(s -> provisioned.get(s.name()).node()).toList();
        }
    }

    /** Throws once close has begun (or provisioning was interrupted): nothing new may be created or connected. */
    private void checkpoint() {
        if (closed) {
            throw closedWhileProvisioning(null);
        }
        if (aborted) {
            throw new IllegalStateException("provisioning was interrupted");
        }
    }

    private IllegalStateException closedWhileProvisioning(Throwable cause) {
        return new IllegalStateException("the Hetzner testbed of run " + labels.runId() + " was closed while"
                + " provisioning (Ctrl-C, or the end of the run); everything labelled " + labels.runSelector()
                + " is deleted", cause);
    }

    private void enterInterruptible() {
        synchronized (interruptible) {
            interruptible.add(Thread.currentThread());
        }
    }

    /** Ends an interruptible step; an interrupt close sent is then cleared, the next checkpoint throws instead. */
    private void leaveInterruptible() {
        synchronized (interruptible) {
            interruptible.remove(Thread.currentThread());
            if (closed) {
                Thread.interrupted();
            }
        }
    }

    private <T> T interruptibly(java.util.function.Supplier<T> step) {
        enterInterruptible();
        try {
            return step.get();
        } finally {
            leaveInterruptible();
        }
    }

    /**
     * Servers whose node name the new specs give another type or location (a new placement): they
     * are deleted and created anew. Servers the specs do not name stay for later points; close
     * deletes them.
     */
    private void releaseUnwanted(List<NodeSpec> specs) {
        Map<String, NodeSpec> wanted = new LinkedHashMap<>();
        specs.forEach(s -> wanted.put(s.name(), s));
        List<Provisioned> unwanted;
        synchronized (provisioned) {
            unwanted = provisioned.values().stream()
                    .filter(p -> wanted.containsKey(p.spec().name()) && !p.spec().equals(wanted.get(p.spec().name())))
                    .toList();
        }
        if (unwanted.isEmpty()) {
            return;
        }
        out.println("[hetzner] deleting " + unwanted.size() + " servers the next placement puts elsewhere:");
        unwanted.forEach(p -> out.printf("[hetzner]   server %s (id %d, %s @ %s)%n", p.server().name(), p.server().id(),
                p.spec().type().name(), p.spec().location().id()));
        unwanted.forEach(p -> closeNode(p.node()));
        new HetznerCleanup(api, out).deleteServers(unwanted.stream().map(p -> p.server().id()).toList());
        synchronized (provisioned) {
            unwanted.forEach(p -> provisioned.remove(p.spec().name()));
        }
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
            checkpoint();
            HostKey hostKey = HostKey.generate();
            // not interruptible: an aborted request may still create a server no one then knows of
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
            checkpoint();
            Server running = interruptibly(() -> {
                api.awaitActions(created.allActions(), settings.bootDeadline());
                return api.getServer(created.server().id());
            });
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
        synchronized (provisioned) {
            provisioned.values().forEach(p -> p.server().ipv4Address().ifPresent(ip -> sources.add(ip + "/32")));
        }
        api.awaitActions(api.setFirewallRules(firewallId, rules(sources)), settings.bootDeadline());
    }

    private static List<FirewallRule> rules(List<String> sources) {
        return List.of(
                FirewallRule.inbound("tcp", "1-65535", sources).withDescription("ssh and services"),
                FirewallRule.inbound("udp", "1-65535", sources).withDescription("services"),
                FirewallRule.inbound("icmp", null, sources).withDescription("ping test"));
    }

    private void connectAll(List<NodeSpec> specs) {
        List<Provisioned> unconnected;
        synchronized (provisioned) {
            unconnected = specs.stream().map(s -> provisioned.get(s.name())).filter(p -> p.node() == null).toList();
        }
        if (unconnected.isEmpty()) {
            out.println("[hetzner] reusing " + specs.size() + " servers");
            return;
        }
        out.printf("[hetzner] connecting to %d servers and setting them up%n", unconnected.size());
        inParallel(unconnected.stream().map(Provisioned::spec).toList(), spec -> {
            checkpoint();
            Provisioned p;
            synchronized (provisioned) {
                p = provisioned.get(spec.name());
            }
            Node node = interruptibly(() -> connector.connect(spec, p.server(), p.hostKey()));
            if (closed) {
                closeNode(node);
                throw closedWhileProvisioning(null);
            }
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
                    aborted = true;
                    interruptWorkers();
                    throw new IllegalStateException("interrupted while provisioning", e);
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            pool.shutdown();
            awaitWorkers(pool);
        }
    }

    /** Interrupts every thread in an interruptible step (the workers' waits and the provisioning thread). */
    private void interruptWorkers() {
        synchronized (interruptible) {
            interruptible.forEach(Thread::interrupt);
        }
    }

    /** Waits for the pool's workers, which end at their next checkpoint; a create already sent is let finish. */
    private void awaitWorkers(ExecutorService pool) {
        long end = System.nanoTime() + PROVISIONING_GRACE.toNanos();
        boolean interrupted = false;
        while (!pool.isTerminated() && System.nanoTime() < end) {
            try {
                pool.awaitTermination(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (!pool.isTerminated()) {
            pool.shutdownNow();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private String serverName(NodeSpec spec) {
        return "we-" + labels.runId() + "-" + spec.name();
    }

    /** The run id, image and cost estimate, for every result of this testbed. */
    @Override
    public Map<String, String> parameters() {
        synchronized (parameters) {
            return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        }
    }

    @Override
    public InetSocketAddress route(Node from, Node to, int port) {
        // real servers in real locations: the distance is the network's own
        return new InetSocketAddress(to.host(), port);
    }

    /**
     * Closes every connection, then deletes everything labelled with this run. It does not wait for a
     * provisioning in progress: it stops it (new servers are no longer created, waits for boots and SSH are
     * interrupted), deletes what exists, lets create requests already sent finish (up to 30 s) and
     * deletes again what they made.
     */
    @Override
    public void close() {
        closed = true;
        boolean wasProvisioning = provisionLock.isLocked() && !provisionLock.isHeldByCurrentThread();
        interruptWorkers();
        synchronized (closeLock) {
            if (swept) {
                return;
            }
            try {
                List<Provisioned> open;
                synchronized (provisioned) {
                    open = List.copyOf(provisioned.values());
                }
                open.forEach(p -> closeNode(p.node()));
                HetznerCleanup cleanup = new HetznerCleanup(api, out);
                cleanup.sweep(labels.runSelector(), false);
                if (wasProvisioning) {
                    out.println("[hetzner] closed while provisioning: waiting up to " + PROVISIONING_GRACE.toSeconds()
                            + " s for create requests already sent, then deleting what they made");
                    awaitProvisioningEnd();
                    cleanup.sweep(labels.runSelector(), false);
                }
                synchronized (provisioned) {
                    provisioned.clear();
                }
                swept = true;
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException alreadyShuttingDown) {
                    // this close is the hook itself, or runs while the JVM shuts down
                }
            }
        }
    }

    private void awaitProvisioningEnd() {
        try {
            if (provisionLock.tryLock(PROVISIONING_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                provisionLock.unlock();
            } else {
                out.println("[hetzner] provisioning still runs after " + PROVISIONING_GRACE.toSeconds()
                        + " s; deleting what exists now");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
