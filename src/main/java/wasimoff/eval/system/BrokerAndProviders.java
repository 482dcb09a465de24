package wasimoff.eval.system;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import wasimoff.eval.load.RunSpec;
import wasimoff.eval.system.engine.WasmEngine;
import wasimoff.eval.testbed.Node;
import wasimoff.eval.testbed.RunningService;
import wasimoff.eval.testbed.ServiceDefinition;
import wasimoff.eval.workload.ResponseChecks;
import wasimoff.eval.workload.Tsp;
import wasimoff.eval.workload.Workload;

/**
 * The shape shared by the systems whose clients speak Wasimoff's client API: one broker service on
 * the broker node, one provider service per active provider node, the workload's TSP module uploaded
 * to the broker's storage as {@code tsp.wasm} (the seed's name for it) and run with
 * {@code POST /api/client/run/tsp.wasm} and {@code X-Args: rand <n>}.
 * Subclasses say how to start the broker and a provider and how to count ready workers.
 */
public abstract class BrokerAndProviders implements SystemUnderTest {
    protected static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    /** How long a restarted broker waits for its providers to reconnect before it says who did not. */
    private static final Duration RECONNECT_TIMEOUT = Duration.ofSeconds(30);

    /** The provider engine name ({@code chicory} or {@code wasmtime}). */
    protected final String engine;
    /** The TSP program the providers run. */
    protected final Workload workload;
    private Deployment deployment;
    private RunningService broker;
    private ServiceDefinition brokerDefinition;
    private int brokerPort;
    private final Map<Node, RunningService> providers = new LinkedHashMap<>();

    protected BrokerAndProviders(String engine, Workload workload) {
        WasmEngine.describe(engine);
        this.engine = engine;
        this.workload = workload;
    }

    /** The broker service, listening on {@code port} of the broker node's address (native binaries are put on the node first). */
    protected abstract ServiceDefinition brokerService(Node broker, int port);

    /** The provider service on {@code node}, dialling the broker at {@code brokerUrl}. */
    protected abstract ServiceDefinition providerService(Node node, String brokerUrl);

    /** How many providers and workers the broker counts as connected now. */
    protected abstract ProviderCount connectedProviders(BrokerApi api) throws Exception;

    /** Called once the broker is healthy, before the module is uploaded. */
    protected void brokerReady(BrokerApi api) throws Exception {
    }

    /** Connected providers and their total workers, as a broker reports them. */
    public record ProviderCount(int providers, int workers) {
    }

    @Override
    public final void deploy(Deployment d) {
        this.deployment = d;
        brokerPort = d.broker().freePort();
        brokerDefinition = brokerService(d.broker(), brokerPort);
        startBroker();
    }

    private void startBroker() {
        broker = deployment.broker().start(brokerDefinition);
        BrokerApi api = api(deployment.client());
        api.awaitHealthy(READY_TIMEOUT, () -> broker.isAlive() ? null : "exited");
        try {
            brokerReady(api);
        } catch (Exception e) {
            throw new SystemFailure(id() + " broker answered unexpectedly: " + e.getMessage(), e);
        }
        api.upload(Tsp.MODULE_NAME, workload.module());
    }

    @Override
    public final String killProvider(int number) {
        if (number < 1 || number > providers.size()) {
            throw new IllegalArgumentException("provider " + number + " of " + providers.size() + " active providers");
        }
        Map.Entry<Node, RunningService> victim = new ArrayList<>(providers.entrySet()).get(number - 1);
        providers.remove(victim.getKey());
        return victim.getValue().name() + " on " + victim.getKey().name() + ": " + victim.getValue().kill();
    }

    /**
     * Kills the broker, starts the same service on the same port, uploads the module again (the
     * brokers keep it in memory) and waits up to {@link #RECONNECT_TIMEOUT} for the providers that are
     * still alive to reconnect by themselves.
     */
    @Override
    public final String restartBroker() {
        long t0 = System.nanoTime();
        String killed = broker.kill();
        startBroker();
        long up = (System.nanoTime() - t0) / 1_000_000;
        int wanted = (int) providers.values().stream().filter(RunningService::isAlive).count();
        BrokerApi api = api(deployment.client());
        int[] seen = {0};
        String back;
        try {
            Awaitility.await().atMost(RECONNECT_TIMEOUT).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .until(() -> (seen[0] = connectedProviders(api).providers()) >= wanted);
            back = "all " + wanted + " providers reconnected " + (System.nanoTime() - t0) / 1_000_000
                    + " ms after the kill";
        } catch (ConditionTimeoutException e) {
            back = "only " + seen[0] + " of " + wanted + " providers reconnected within " + RECONNECT_TIMEOUT.toSeconds()
                    + " s of the restart";
        }
        return "broker " + killed + "; started again on port " + brokerPort + ", healthy with the module uploaded again"
                + " " + up + " ms after the kill; " + back;
    }

    @Override
    public final void scaleTo(List<Node> active) {
        for (var it = providers.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (!active.contains(e.getKey())) {
                e.getValue().close();
                it.remove();
            }
        }
        for (Node node : active) {
            providers.computeIfAbsent(node, n -> {
                InetSocketAddress a = deployment.testbed().route(n, deployment.broker(), brokerPort);
                return n.start(providerService(n, "http://" + a.getHostString() + ":" + a.getPort()));
            });
        }
        ProviderCount wanted = new ProviderCount(active.size(),
                active.stream().mapToInt(n -> n.spec().type().vcpus()).sum());
        BrokerApi api = api(deployment.client());
        try {
            Awaitility.await(id() + " broker sees " + wanted.providers() + " providers with " + wanted.workers()
                            + " workers")
                    .atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .failFast("a service died", () -> services().stream().anyMatch(s -> !s.isAlive()))
                    .until(() -> connectedProviders(api).equals(wanted));
        } catch (ConditionTimeoutException e) {
            throw new SystemFailure(id() + " providers did not all connect within " + READY_TIMEOUT, e);
        } catch (org.awaitility.core.TerminalFailureException e) {
            throw SystemFailure.servicesDied(id() + " while waiting for providers",
                    services().stream().filter(s -> !s.isAlive()).toList());
        }
    }

    @Override
    public final RunSpec.HttpRequestTemplate request(int n) {
        return new RunSpec.HttpRequestTemplate("POST", api(deployment.client()).baseUrl() + "/api/client/run/"
                + Tsp.MODULE_NAME, Map.of("X-Args", workload.xArgs(n)), "");
    }

    @Override
    public final String responseCheck() {
        return workload.responseCheck(ResponseChecks.WASIMOFF_RUN);
    }

    @Override
    public final List<RunningService> services() {
        List<RunningService> all = new ArrayList<>();
        if (broker != null) {
            all.add(broker);
        }
        all.addAll(providers.values());
        return all;
    }

    /** The nodes this system was deployed onto (null before {@link #deploy}). */
    protected final Deployment deployment() {
        return deployment;
    }

    /** The broker's base URL as the client node reaches it. */
    /** The TSP program this system runs. */
    public Workload workload() {
        return workload;
    }

    public final String brokerUrl() {
        return api(deployment.client()).baseUrl();
    }

    /** The broker's API as {@code from} reaches it. */
    protected final BrokerApi api(Node from) {
        InetSocketAddress a = deployment.testbed().route(from, deployment.broker(), brokerPort);
        return new BrokerApi("http://" + a.getHostString() + ":" + a.getPort());
    }

    @Override
    public void close() {
        providers.values().forEach(RunningService::close);
        providers.clear();
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }
}
