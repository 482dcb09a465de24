package wasimoff.eval.system.wasimoff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import wasimoff.eval.system.BrokerAndProviders;
import wasimoff.eval.system.BrokerApi;
import wasimoff.eval.install.InstalledBinaries;
import wasimoff.eval.install.WasimoffBroker;
import wasimoff.eval.system.engine.WasmEngine;
import wasimoff.eval.testbed.Node;
import wasimoff.eval.testbed.ServiceDefinition;
import wasimoff.eval.workload.Workload;
import wasimoff.eval.workload.Workloads;

/**
 * The {@code wasimoff} system: the real Wasimoff broker (the pinned binary the installer built,
 * {@link WasimoffBroker}, run as a native service on the broker node) with our
 * {@link WasimoffProvider}s speaking its provider protocol. Wasimoff's own providers (Deno, or a
 * browser) need images or runtimes this machine cannot fetch, so every result names the provider
 * kind that ran.
 */
public final class WasimoffSystem extends BrokerAndProviders {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InstalledBinaries binaries;
    private final Map<String, String> parameters = new LinkedHashMap<>();

    /** Wasimoff running our own TSP program ({@link Workloads#own()}). */
    public WasimoffSystem(InstalledBinaries binaries, String engine) {
        this(binaries, engine, Workloads.own());
    }

    /** Wasimoff with providers on {@code engine} running {@code workload}. */
    public WasimoffSystem(InstalledBinaries binaries, String engine, Workload workload) {
        super(engine, workload);
        this.binaries = binaries;
    }

    @Override
    public String id() {
        return "wasimoff";
    }

    @Override
    protected ServiceDefinition brokerService(Node broker, int port) {
        return new ServiceDefinition.ProcessService("wasimoff-broker",
                List.of(broker.putExecutable(binaries.require(WasimoffBroker.BINARY))),
                Map.of("WASIMOFF_HTTP_LISTEN", broker.host() + ":" + port, "WASIMOFF_METRICS", "true",
                        "WASIMOFF_FILESTORAGE", ":memory:"));
    }

    @Override
    protected void brokerReady(BrokerApi api) throws Exception {
        JsonNode version = JSON.readTree(api.get("/api/version"));
        parameters.put("broker", version.path("package").asText());
        Map<String, String> installed = binaries.versions();
        // the commit is the installer's record: a broker built without VCS data reports "devel" itself
        parameters.put("broker commit", installed.getOrDefault(WasimoffBroker.COMMIT_KEY, "?"));
        parameters.put("broker source", installed.getOrDefault(WasimoffBroker.SOURCE_KEY, "?"));
        parameters.put("broker version", installed.getOrDefault("wasimoff.broker.version", "?"));
        parameters.put("broker revision (self-reported)", version.path("revision").asText());
        parameters.put("broker go", version.path("go").asText());
        parameters.put("provider", "wasimoff-eval Java provider on wasimoff_provider_v1_json");
        parameters.put("engine", WasmEngine.describe(engine));
    }

    @Override
    protected ServiceDefinition providerService(Node node, String brokerUrl) {
        return new ServiceDefinition.JavaService("wasimoff-provider", WasimoffProvider.class,
                List.of("--broker", brokerUrl, "--workers", Integer.toString(node.spec().type().vcpus()),
                        "--name", node.name(), "--engine", engine));
    }

    /** Reads {@code wasimoff_connected_providers} and the provider workers from the broker's Prometheus metrics. */
    @Override
    protected ProviderCount connectedProviders(BrokerApi api) throws Exception {
        int providers = 0;
        int workers = 0;
        for (String line : api.get("/metrics").split("\n")) {
            if (line.startsWith("wasimoff_connected_providers ")) {
                providers = (int) Double.parseDouble(line.substring(line.indexOf(' ') + 1).trim());
            } else if (line.startsWith("wasimoff_available_workers{") && !line.contains("type=\"cloud\"")) {
                workers += (int) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1).trim());
            }
        }
        return new ProviderCount(providers, workers);
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> all = new LinkedHashMap<>(parameters);
        all.putAll(workload.parameters());
        return all;
    }
}
