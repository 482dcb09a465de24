package wasimoff.eval.system.reference;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import wasimoff.eval.load.RunSpec;
import wasimoff.eval.system.BrokerApi;
import wasimoff.eval.system.Deployment;
import wasimoff.eval.system.SystemFailure;
import wasimoff.eval.system.SystemUnderTest;
import wasimoff.eval.testbed.Node;
import wasimoff.eval.testbed.RunningService;
import wasimoff.eval.testbed.ServiceDefinition;
import wasimoff.eval.workload.ResponseChecks;
import wasimoff.eval.workload.Tsp;

/**
 * The {@code reference} system: our own broker and providers (Chicory, compiled mode, one worker
 * per vCPU), deployed like the real systems through node operations. Always labelled
 * {@code reference}, never as Wasimoff.
 */
public final class ReferenceSystem implements SystemUnderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private Deployment deployment;
    private RunningService broker;
    private int brokerPort;
    private final Map<Node, RunningService> providers = new LinkedHashMap<>();

    @Override
    public String id() {
        return "reference";
    }

    @Override
    public void deploy(Deployment d) {
        this.deployment = d;
        brokerPort = d.broker().freePort();
        broker = d.broker().start(new ServiceDefinition.JavaService("reference-broker", ReferenceBroker.class,
                List.of("--listen", d.broker().host() + ":" + brokerPort)));
        BrokerApi api = api(d.client());
        api.awaitHealthy(READY_TIMEOUT, () -> broker.isAlive() ? null : "exited");
        api.upload(Tsp.MODULE_NAME, Tsp.module());
    }

    @Override
    public void scaleTo(List<Node> active) {
        for (var it = providers.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (!active.contains(e.getKey())) {
                e.getValue().close();
                it.remove();
            }
        }
        for (Node node : active) {
            providers.computeIfAbsent(node, n -> {
                InetSocketAddress brokerAddress = deployment.testbed().route(n, deployment.broker(), brokerPort);
                return n.start(new ServiceDefinition.JavaService("reference-provider", ReferenceProvider.class,
                        List.of("--broker", "http://" + brokerAddress.getHostString() + ":" + brokerAddress.getPort(),
                                "--workers", Integer.toString(n.spec().type().vcpus()), "--name", n.name())));
            });
        }
        int workers = active.stream().mapToInt(n -> n.spec().type().vcpus()).sum();
        BrokerApi api = api(deployment.client());
        try {
            Awaitility.await("reference broker sees " + active.size() + " providers")
                    .atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .until(() -> {
                        var status = JSON.readTree(api.get("/api/providers"));
                        return status.path("connected").asInt() == active.size()
                                && status.path("workers").asInt() == workers;
                    });
        } catch (ConditionTimeoutException e) {
            throw new SystemFailure("reference providers did not all connect within " + READY_TIMEOUT, e);
        }
    }

    @Override
    public RunSpec.HttpRequestTemplate request(int n) {
        return new RunSpec.HttpRequestTemplate("POST", api(deployment.client()).baseUrl() + "/api/client/run/"
                + Tsp.MODULE_NAME, Map.of("X-Args", Tsp.args(n)), "");
    }

    @Override
    public String responseCheck() {
        return ResponseChecks.WASIMOFF_RUN;
    }

    @Override
    public Map<String, String> parameters() {
        return Map.of("broker", ReferenceBroker.PACKAGE, "provider", "reference", "engine", "chicory (compiled)");
    }

    @Override
    public List<RunningService> services() {
        List<RunningService> all = new ArrayList<>();
        if (broker != null) {
            all.add(broker);
        }
        all.addAll(providers.values());
        return all;
    }

    private BrokerApi api(Node from) {
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
