package wasimoff.eval.system.wasimoff;

import wasimoff.eval.system.SystemUnderTest;
import wasimoff.eval.system.SystemKind;
import wasimoff.eval.settings.TestbedKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import wasimoff.eval.install.DebianTool;
import wasimoff.eval.install.DenoProviderBuild;
import wasimoff.eval.install.InstalledBinaries;
import wasimoff.eval.install.Requirement;
import wasimoff.eval.install.WasimoffBroker;
import wasimoff.eval.install.WebProvider;
import wasimoff.eval.system.BrokerAndProviders;
import wasimoff.eval.system.BrokerApi;
import wasimoff.eval.system.engine.WasmEngine;
import wasimoff.eval.testbed.Node;
import wasimoff.eval.testbed.ServiceDefinition;
import wasimoff.eval.settings.Kinds;
import wasimoff.eval.workload.Workload;
import wasimoff.eval.workload.Workloads;

/**
 * The {@code wasimoff} system: the real Wasimoff broker (the pinned binary the installer built,
 * {@link WasimoffBroker}, run as a native service on the broker node) with, by default, Wasimoff's
 * own web provider in headless Chromium on every provider node ({@link BrowserProvider}, the
 * {@link WebProvider} build served by the broker), or our {@link WasimoffProvider}s speaking its
 * provider protocol ({@link ProviderKind#OURS}), or Wasimoff's Deno provider ({@link DenoProvider},
 * {@link ProviderKind#DENO}).
 *
 * <p>Browser providers run on every testbed: on the embedded testbed with Chromium from this
 * machine's installer, on the docker testbed in provider containers whose image carries this
 * machine's Chromium (the testbed is made with it when browsers are asked for), on servers with
 * Debian's Chromium installed over SSH on every provider server at deployment (a systemd unit).
 */
public final class WasimoffSystem extends BrokerAndProviders {
    /** The {@code wasimoff} system in the registry. */
    public static final SystemKind KIND = new SystemKind() {
        @Override
        public String id() {
            return "wasimoff";
        }

        @Override
        public List<Requirement> requirements(String testbed, ProviderKind provider) {
            return WasimoffSystem.requirements(testbed, provider);
        }

        @Override
        public SystemUnderTest create(Options o) {
            return new WasimoffSystem(o.cache(), o.engine(), o.workload(), o.provider());
        }

        @Override
        public String variant(String engine, ProviderKind provider) {
            String kind = provider == ProviderKind.BROWSER ? "" : "+" + provider.word();
            boolean ourEngine = provider == ProviderKind.OURS && !engine.equals(Kinds.DEFAULT_ENGINE);
            return kind + (ourEngine ? "+" + engine : "");
        }
    };

    private static final ObjectMapper JSON = new ObjectMapper();

    private final InstalledBinaries binaries;
    private final ProviderKind kind;
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private final TreeSet<Integer> workersPerProvider = new TreeSet<>();
    private final Map<Node, String> chromium = new HashMap<>();

    /** Wasimoff with its own web provider in Chromium (the default {@link ProviderKind}) running our own TSP program. */
    public WasimoffSystem(InstalledBinaries binaries, String engine) {
        this(binaries, engine, Workloads.own(), ProviderKind.BROWSER);
    }

    /** Wasimoff with {@code provider}s running our own TSP program ({@link Workloads#own()}). */
    public WasimoffSystem(InstalledBinaries binaries, String engine, ProviderKind provider) {
        this(binaries, engine, Workloads.own(), provider);
    }

    /**
     * Wasimoff with {@code provider}s running {@code workload}; {@code engine} is the WebAssembly engine
     * of our providers, browsers run the module in V8.
     */
    public WasimoffSystem(InstalledBinaries binaries, String engine, Workload workload, ProviderKind provider) {
        super(engine, workload);
        this.binaries = binaries;
        this.kind = provider;
    }

    /**
     * What this machine needs for {@code provider} on {@code testbed}: the broker; for browsers the
     * web provider's build (npm) and, where the provider nodes run this machine's Chromium (the
     * embedded testbed, and the docker testbed's image, built from it), Chromium; for Deno its build
     * (npm), which provider nodes elsewhere receive a copy of.
     */
    public static List<Requirement> requirements(String testbed, ProviderKind provider) {
        if (provider == ProviderKind.OURS) {
            return List.of(new WasimoffBroker());
        }
        if (provider == ProviderKind.DENO) {
            return List.of(DebianTool.NPM, new WasimoffBroker(), new DenoProviderBuild());
        }
        List<Requirement> all = new ArrayList<>();
        // Chromium on this machine: embedded nodes run it, the docker testbed's image is made from it
        if (TestbedKind.of(testbed).sharesThisMachine()) {
            all.add(DebianTool.CHROMIUM);
        }
        all.addAll(List.of(DebianTool.NPM, new WasimoffBroker(), new WebProvider()));
        return all;
    }

    @Override
    public String id() {
        return "wasimoff";
    }

    @Override
    protected ServiceDefinition brokerService(Node broker, int port) {
        Map<String, String> env = new HashMap<>(Map.of("WASIMOFF_HTTP_LISTEN", broker.host() + ":" + port,
                "WASIMOFF_METRICS", "true", "WASIMOFF_FILESTORAGE", ":memory:"));
        parameters.put("provider kind", kind.word());
        if (kind == ProviderKind.BROWSER) {
            String hash = WebProvider.sourceHash(binaries);
            env.put("WASIMOFF_STATIC_FILES", BrowserProvider.putDist(broker, WebProvider.requireDist(binaries),
                    hash.substring(0, Math.min(12, hash.length()))));
            parameters.put("webprovider source hash", hash);
            parameters.put("webprovider source", binaries.versions().getOrDefault(WebProvider.SOURCE_KEY, "?"));
            parameters.put("webprovider yarn", binaries.versions().getOrDefault("wasimoff.webprovider.yarn", "?"));
            chromium.putAll(BrowserProvider.ensureChromium(deployment().providers()));
        } else if (kind == ProviderKind.DENO) {
            Map<String, String> installed = binaries.versions();
            parameters.put("denoprovider source hash", installed.getOrDefault(DenoProviderBuild.HASH_KEY, "?"));
            parameters.put("denoprovider source", installed.getOrDefault(DenoProviderBuild.SOURCE_KEY, "?"));
            parameters.put("deno", installed.getOrDefault(DenoProviderBuild.DENO_KEY, "?"));
        }
        return new ServiceDefinition.ProcessService("wasimoff-broker",
                List.of(broker.putExecutable(binaries.require(WasimoffBroker.BINARY))), env);
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
        if (kind == ProviderKind.BROWSER) {
            parameters.put("provider", "Wasimoff web provider (webprovider/) in headless Chromium, one per provider node");
            parameters.put("engine", "Chromium's V8 (the web provider's WASI shim in Web Workers)");
        } else if (kind == ProviderKind.DENO) {
            parameters.put("provider", "Wasimoff Deno provider (denoprovider/), one per provider node");
            parameters.put("engine", "Deno's V8 (the web provider's WASI shim in Web Workers)");
        } else {
            parameters.put("provider", "wasimoff-eval Java provider on wasimoff_provider_v1_json");
            parameters.put("engine", WasmEngine.describe(engine));
        }
    }

    @Override
    protected ServiceDefinition providerService(Node node, String brokerUrl) {
        if (kind != ProviderKind.OURS) {
            workersPerProvider.add(BrowserProvider.workers(node));
            parameters.put("workers per provider", workersPerProvider.toString().replaceAll("[\\[\\] ]", ""));
        }
        if (kind == ProviderKind.BROWSER) {
            String version = chromium.computeIfAbsent(node, BrowserProvider::ensureChromium);
            parameters.put("chromium", String.join(", ", new TreeSet<>(chromium.values())));
            if (!version.startsWith("Chromium")) {
                throw new IllegalStateException("Chromium does not run on " + node.name() + ": " + version);
            }
            return BrowserProvider.service(node, brokerUrl);
        }
        if (kind == ProviderKind.DENO) {
            return DenoProvider.service(node, brokerUrl, DenoProviderBuild.require(binaries));
        }
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
