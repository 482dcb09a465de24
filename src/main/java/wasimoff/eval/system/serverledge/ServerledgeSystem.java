package wasimoff.eval.system.serverledge;

import wasimoff.eval.system.wasimoff.ProviderKind;
import wasimoff.eval.system.SystemKind;
import wasimoff.eval.settings.TestbedKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import wasimoff.eval.load.RunSpec;
import wasimoff.eval.system.Deployment;
import wasimoff.eval.install.DebianTool;
import wasimoff.eval.install.InstalledBinaries;
import wasimoff.eval.install.Requirement;
import wasimoff.eval.install.ServerledgeBinaries;
import wasimoff.eval.system.SystemFailure;
import wasimoff.eval.system.SystemUnderTest;
import wasimoff.eval.testbed.Node;
import wasimoff.eval.testbed.RunningService;
import wasimoff.eval.testbed.ServiceDefinition;
import wasimoff.eval.testbed.docker.DockerEngine;
import wasimoff.eval.testbed.embedded.NetworkNamespace;
import wasimoff.eval.workload.ResponseChecks;
import wasimoff.eval.workload.ServerledgeFunction;
import wasimoff.eval.workload.Workload;
import wasimoff.eval.workload.Workloads;

/**
 * The {@code serverledge} system, deployed as the seed's evaluation did: etcd and the load balancer
 * on the broker node, one Serverledge node per provider ({@code cloud: yes}, one area, its pool sized
 * from the server type: RAM minus 1 GB, one CPU unit per vCPU), our TSP as a custom runtime image,
 * and the {@code tsp} function (custom runtime, 128 MB) registered after a delete-until-404. Every
 * {@link #scaleTo} starts cold, as the seed did between runs: nodes stopped (SIGINT, so they clean
 * up), function containers removed, the wanted nodes started, and the load balancer restarted once
 * etcd lists exactly them. A Serverledge node registers its host's first non-loopback address: on
 * nodes with an address of their own (containers, servers) the processes run on the node itself;
 * on nodes sharing this machine's network (embedded) each runs in a network namespace of ours, so
 * what it registers, and what the load balancer then calls, is one of our test hosts. The TSP image
 * (the workload's static native build, {@link ServerledgeImage}) is built on this machine's engine
 * where the nodes use it, otherwise on each provider's own; requests carry {@code {"n":"<n>"}}.
 */
public final class ServerledgeSystem implements SystemUnderTest {
    /** The {@code serverledge} system in the registry. */
    public static final SystemKind KIND = new SystemKind() {
        @Override
        public String id() {
            return "serverledge";
        }

        @Override
        public List<Requirement> requirements(String testbed, ProviderKind provider) {
            return ServerledgeSystem.requirements(testbed);
        }

        @Override
        public Optional<String> unavailable(String testbed) {
            return ServerledgeSystem.unavailable(testbed);
        }

        @Override
        public SystemUnderTest create(Options o) {
            return new ServerledgeSystem(o.cache(), o.serverledgeCpu(), o.workload());
        }
    };

    static final String AREA = "WASIMOFF_EVAL";
    static final int API_PORT = 1323;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String STANDARD_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private final InstalledBinaries binaries;
    private final double cpuDemand;
    private final Workload workload;
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private final Map<Node, Host> hosts = new LinkedHashMap<>();
    private final Set<Node> imageBuilt = new java.util.HashSet<>();
    private final Map<Node, RunningService> nodes = new LinkedHashMap<>();
    private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();
    private final Thread shutdownHook = new Thread(this::close, "serverledge-shutdown");
    private Deployment deployment;
    private DockerEngine engine;
    private String image;
    private Host brokerHost;
    private RunningService etcd;
    private RunningService lb;

    /**
     * @param cpuDemand the function's CPU demand; 0 as the seed registered it, 1.0 for the
     *                  CPU-limited variant (at v1.0.0-percom23 a demand limits concurrency per node
     *                  but sets no Docker CPU quota)
     */
    public ServerledgeSystem(InstalledBinaries binaries, double cpuDemand) {
        this(binaries, cpuDemand, Workloads.own());
    }

    /** Serverledge whose function runs {@code workload}'s static native build (see {@link ServerledgeImage}). */
    public ServerledgeSystem(InstalledBinaries binaries, double cpuDemand, Workload workload) {
        this.binaries = binaries;
        this.cpuDemand = cpuDemand;
        this.workload = workload;
    }

    /**
     * What Serverledge needs here: its pinned binaries, etcd, and (where the function containers run
     * on this machine's engine) Docker; musl-gcc builds the TSP program of its image; the embedded
     * testbed's network namespaces need iproute2. Servers get Docker by their own node setup.
     */
    public static List<Requirement> requirements(String testbed) {
        List<Requirement> r = new ArrayList<>(List.of(new ServerledgeBinaries(), DebianTool.ETCD, DebianTool.MUSL_GCC));
        TestbedKind kind = TestbedKind.of(testbed);
        if (kind.usesThisMachinesDockerEngine()) {
            r.add(DebianTool.DOCKER);
        }
        if (kind.sharesThisMachinesNetwork()) {
            r.add(DebianTool.IPROUTE2);
        }
        return r;
    }

    /**
     * Why Serverledge cannot run on {@code testbed} for a reason no installation fixes, or empty:
     * on the embedded testbed, network namespaces (root).
     */
    public static Optional<String> unavailable(String testbed) {
        return TestbedKind.of(testbed).sharesThisMachinesNetwork()
                ? Optional.ofNullable(NetworkNamespace.unavailableReason()) : Optional.empty();
    }

    @Override
    public String id() {
        return "serverledge";
    }

    @Override
    public void deploy(Deployment d) {
        this.deployment = d;
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            if (d.providers().stream().allMatch(Node::usesThisMachinesDockerEngine)) {
                // this machine's side: the engine's log and the image's build directory
                Path work = Files.createDirectories(Path.of("target", "serverledge"));
                engine = DockerEngine.start(work);
                image = ServerledgeImage.ensure(binaries.require("serverledge-executor"), function(), work);
                parameters.put("docker engine", engine.version());
            } else {
                // built on each provider's own engine before its node starts
                image = ServerledgeImage.tag(binaries.require("serverledge-executor"), function());
                parameters.put("docker engine", "each provider's own (Debian docker.io)");
            }
        } catch (IOException e) {
            throw new SystemFailure("serverledge needs a Docker engine and its TSP image: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SystemFailure("interrupted while preparing serverledge", e);
        }
        brokerHost = Host.on(d.broker());
        String etcdUrl = "http://" + brokerHost.address() + ":2379";
        etcd = d.broker().start(new ServiceDefinition.ProcessService("etcd", brokerHost.command(List.of(
                d.broker().putExecutable(binaries.require("etcd")), "--name", "broker", "--data-dir", "etcd-data",
                "--listen-client-urls", etcdUrl, "--advertise-client-urls", etcdUrl,
                "--listen-peer-urls", "http://127.0.0.1:2380")), Map.of()));
        await("etcd healthy", () -> get(etcdUrl + "/health").contains("true"));
        d.broker().putFile("serverledge/lb.yaml", config(brokerHost, Map.of()).getBytes(StandardCharsets.UTF_8));
        Map<String, String> versions = binaries.versions();
        parameters.put("serverledge version", versions.getOrDefault("serverledge.version", "?"));
        parameters.put("serverledge commit", versions.getOrDefault("serverledge.commit", "?"));
        parameters.put("etcd version", versions.getOrDefault("etcd.version", "?"));
        parameters.put("function image", image);
        parameters.put("function cpu demand", Double.toString(cpuDemand));
        parameters.putAll(workload.parameters());
    }

    private ServerledgeFunction function() throws IOException, InterruptedException {
        return workload.serverledgeFunction();
    }

    @Override
    public void scaleTo(List<Node> active) {
        stopNodes();
        removeFunctionContainers();
        for (Node n : active) {
            Host host = hosts.computeIfAbsent(n, Host::on);
            if (!n.usesThisMachinesDockerEngine() && imageBuilt.add(n)) {
                try {
                    ServerledgeImage.ensureOn(n, binaries.require("serverledge-executor"), function());
                } catch (IOException e) {
                    throw new SystemFailure("serverledge: " + e.getMessage(), e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SystemFailure("interrupted while building the TSP image on " + n.name(), e);
                }
            }
            int memoryMb = (n.spec().type().ramGb() - 1) * 1024;
            String conf = n.putFile("serverledge/node.yaml", config(brokerHost, Map.of(
                    "container.pool.memory", Integer.toString(memoryMb),
                    "container.pool.cpus", Integer.toString(n.spec().type().vcpus()))).getBytes(StandardCharsets.UTF_8));
            nodes.put(n, n.start(new ServiceDefinition.ProcessService("serverledge",
                    host.command(List.of(n.putExecutable(binaries.require("serverledge")), conf)),
                    Map.of("PATH", n.hasOwnAddress() ? STANDARD_PATH
                            : System.getenv().getOrDefault("PATH", STANDARD_PATH)), "INT")));
        }
        Set<String> wanted = active.stream().map(n -> "http://" + hosts.get(n).address() + ":" + API_PORT)
                .collect(Collectors.toCollection(TreeSet::new));
        await("etcd lists exactly the " + wanted.size() + " serverledge nodes " + wanted,
                () -> registeredNodes().equals(wanted));
        String lbConf = deployment.broker().putFile("serverledge/lb.yaml", config(brokerHost, Map.of())
                .getBytes(StandardCharsets.UTF_8));
        lb = deployment.broker().start(new ServiceDefinition.ProcessService("serverledge-lb",
                brokerHost.command(List.of(deployment.broker().putExecutable(binaries.require("serverledge-lb")),
                        lbConf)), Map.of()));
        await("load balancer answers", () -> get(apiUrl() + "/function") != null);
        registerFunction();
    }

    /** Deletes {@code tsp} until the answer is 404 (other nodes may still cache it), then creates it. */
    private void registerFunction() {
        await("tsp function deleted everywhere", () -> post("/delete", "{\"Name\":\"tsp\"}") == 404);
        String create = String.format(java.util.Locale.ROOT,
                "{\"Name\":\"tsp\",\"Runtime\":\"custom\",\"MemoryMB\":128,\"CPUDemand\":%s,\"CustomImage\":\"%s\"}",
                cpuDemand, image);
        int status = post("/create", create);
        if (status != 200) {
            throw new SystemFailure("serverledge refused to create the tsp function: HTTP " + status);
        }
    }

    @Override
    public RunSpec.HttpRequestTemplate request(int n) {
        return new RunSpec.HttpRequestTemplate("POST", apiUrl() + "/invoke/tsp",
                Map.of("Content-Type", "application/json"),
                "{\"Async\":false,\"CanDoOffloading\":true,\"QoSClass\":0,\"QoSMaxRespT\":-1,\"Params\":{\"n\":\""
                        + n + "\"}}");
    }

    @Override
    public String clientAddress(Node client) {
        return brokerHost instanceof Host.InNamespace in ? in.namespace().hostAddress() : client.host();
    }

    /**
     * Its nodes call each other and the load balancer calls them at the addresses they registered,
     * not through the testbed's delay relays.
     */
    @Override
    public boolean followsRoutes() {
        return false;
    }

    @Override
    public String responseCheck() {
        return workload.responseCheck(ResponseChecks.SERVERLEDGE_INVOKE);
    }

    @Override
    public Map<String, String> parameters() {
        return Map.copyOf(parameters);
    }

    @Override
    public List<RunningService> services() {
        List<RunningService> all = new ArrayList<>();
        if (etcd != null) {
            all.add(etcd);
        }
        if (lb != null) {
            all.add(lb);
        }
        all.addAll(nodes.values());
        return all;
    }

    /**
     * SIGKILL to Serverledge node number {@code number} (its process group; the function containers
     * it started are left to the Docker engine, as a crashed node leaves them). Its etcd registration
     * stays until its lease runs out, so the load balancer may still send it requests.
     */
    @Override
    public String killProvider(int number) {
        if (number < 1 || number > nodes.size()) {
            throw new IllegalArgumentException("provider " + number + " of " + nodes.size() + " active providers");
        }
        Node node = new ArrayList<>(nodes.keySet()).get(number - 1);
        RunningService victim = nodes.remove(node);
        return victim.name() + " on " + node.name() + ": " + victim.kill();
    }

    /** Not enacted: the broker node holds etcd and the load balancer, and neither alone is Serverledge's broker. */
    @Override
    public String restartBroker() {
        throw new UnsupportedOperationException("Serverledge has no single broker: its broker node runs etcd (the"
                + " registry) and a load balancer that forwards to the nodes; restarting either alone is not the"
                + " broker restart the other systems have, so nothing was restarted");
    }

    /** The Serverledge node services now running, for tests that stop one mid-run. */
    public List<RunningService> nodeServices() {
        return List.copyOf(nodes.values());
    }

    private String apiUrl() {
        return "http://" + brokerHost.address() + ":" + API_PORT;
    }

    private Set<String> registeredNodes() throws IOException {
        String prefix = "registry/cloud/" + AREA + "/";
        Base64.Encoder b64 = Base64.getEncoder();
        String body = String.format("{\"key\":\"%s\",\"range_end\":\"%s\"}",
                b64.encodeToString(prefix.getBytes(StandardCharsets.UTF_8)),
                b64.encodeToString(prefix.substring(0, prefix.length() - 1).concat("0").getBytes(StandardCharsets.UTF_8)));
        Request r = new Request.Builder().url("http://" + brokerHost.address() + ":2379/v3/kv/range")
                .post(RequestBody.create(body, MediaType.parse("application/json"))).build();
        try (Response response = http.newCall(r).execute()) {
            Set<String> urls = new TreeSet<>();
            for (JsonNode kv : JSON.readTree(response.body().string()).path("kvs")) {
                urls.add(new String(Base64.getDecoder().decode(kv.path("value").asText()), StandardCharsets.UTF_8));
            }
            return urls;
        }
    }

    private static String config(Host etcd, Map<String, String> extra) {
        StringBuilder b = new StringBuilder()
                .append("api.port: ").append(API_PORT).append('\n')
                .append("etcd.address: \"").append(etcd.address()).append(":2379\"\n")
                .append("registry.area: \"").append(AREA).append("\"\n")
                .append("cloud: yes\n");
        extra.forEach((k, v) -> b.append(k).append(": ").append(v).append('\n'));
        return b.toString();
    }

    private void await(String what, java.util.concurrent.Callable<Boolean> condition) {
        try {
            Awaitility.await(what).atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .failFast("a serverledge service died", () -> services().stream().anyMatch(s -> !s.isAlive()))
                    .until(condition);
        } catch (ConditionTimeoutException e) {
            throw new SystemFailure("serverledge: " + what + " did not happen within " + READY_TIMEOUT, e);
        } catch (TerminalFailureException e) {
            throw SystemFailure.servicesDied("serverledge: while waiting until " + what,
                    services().stream().filter(s -> !s.isAlive()).toList());
        }
    }

    private String get(String url) throws IOException {
        try (Response r = http.newCall(new Request.Builder().url(url).build()).execute()) {
            return r.isSuccessful() ? r.body().string() : null;
        }
    }

    private int post(String path, String json) {
        Request r = new Request.Builder().url(apiUrl() + path)
                .post(RequestBody.create(json, MediaType.parse("application/json"))).build();
        try (Response response = http.newCall(r).execute()) {
            return response.code();
        } catch (IOException e) {
            return -1;
        }
    }

    private void stopNodes() {
        if (lb != null) {
            lb.close();
            lb = null;
        }
        nodes.values().forEach(RunningService::close);
        nodes.clear();
    }

    private void removeFunctionContainers() {
        if (image == null) {
            return;
        }
        for (Node n : imageBuilt) {
            n.exec(List.of("sh", "-c", "docker ps -aq --filter ancestor=" + image + " | xargs -r docker rm -f"),
                    Duration.ofMinutes(2));
        }
        if (engine == null) {
            return;
        }
        try {
            String ids = DockerEngine.docker(List.of("ps", "-aq", "--filter", "ancestor=" + image), Duration.ofSeconds(30));
            List<String> all = ids.lines().filter(l -> !l.isBlank()).toList();
            if (!all.isEmpty()) {
                List<String> rm = new ArrayList<>(List.of("rm", "-f"));
                rm.addAll(all);
                try {
                    DockerEngine.docker(rm, Duration.ofMinutes(2));
                } catch (IOException someGone) {
                    // a node that stopped with SIGINT may have removed some of them meanwhile: what
                    // counts is that none is left
                    if (functionContainers() > 0) {
                        throw someGone;
                    }
                }
            }
        } catch (IOException e) {
            throw new SystemFailure("removing serverledge function containers failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }


    /** Function containers of this system's image that exist now (running or not). */
    public long functionContainers() throws IOException, InterruptedException {
        long remote = 0;
        for (Node n : imageBuilt) {
            remote += n.exec(List.of("docker", "ps", "-aq", "--filter", "ancestor=" + image), Duration.ofSeconds(30))
                    .output().lines().filter(l -> !l.isBlank()).count();
        }
        return remote + (engine == null ? 0 : DockerEngine.docker(List.of("ps", "-aq", "--filter",
                "ancestor=" + image), Duration.ofSeconds(30)).lines().filter(l -> !l.isBlank()).count());
    }

    /**
     * Where one Serverledge process runs: on its node, or, on a node sharing this machine's network,
     * in a network namespace of ours with an address of its own.
     */
    private sealed interface Host extends AutoCloseable {
        String address();

        List<String> command(List<String> command);

        @Override
        void close();

        static Host on(Node node) {
            return node.hasOwnAddress() ? new OnNode(node) : new InNamespace(NetworkNamespace.create());
        }

        record OnNode(Node node) implements Host {
            @Override
            public String address() {
                return node.host();
            }

            @Override
            public List<String> command(List<String> command) {
                return command;
            }

            @Override
            public void close() {
            }
        }

        record InNamespace(NetworkNamespace namespace) implements Host {
            @Override
            public String address() {
                return namespace.address();
            }

            @Override
            public List<String> command(List<String> command) {
                return namespace.command(command);
            }

            @Override
            public void close() {
                namespace.close();
            }
        }
    }

    @Override
    public synchronized void close() {
        RuntimeException first = null;
        for (Runnable step : List.<Runnable>of(this::stopNodes, this::removeFunctionContainers, () -> {
            if (etcd != null) {
                etcd.close();
                etcd = null;
            }
        }, () -> {
            hosts.values().forEach(Host::close);
            hosts.clear();
            if (brokerHost != null) {
                brokerHost.close();
                brokerHost = null;
            }
        }, () -> {
            if (engine != null) {
                engine.close();
                engine = null;
            }
        })) {
            try {
                step.run();
            } catch (RuntimeException e) {
                // every step runs, so one failure leaves nothing else behind; the first is reported
                first = first == null ? e : first;
            }
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // this is the hook running
        }
        if (first != null) {
            throw first;
        }
    }
}
