package wasimoff.eval.system.reference;

import wasimoff.eval.system.SystemUnderTest;
import wasimoff.eval.system.SystemKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import wasimoff.eval.system.BrokerAndProviders;
import wasimoff.eval.system.BrokerApi;
import wasimoff.eval.system.engine.WasmEngine;
import wasimoff.eval.testbed.Node;
import wasimoff.eval.testbed.ServiceDefinition;
import wasimoff.eval.settings.Kinds;
import wasimoff.eval.system.wasimoff.ProviderKind;
import wasimoff.eval.workload.Workload;
import wasimoff.eval.workload.Workloads;

/**
 * The {@code reference} system: our own broker and providers (Chicory in compiled mode or wasmtime,
 * one worker per vCPU), deployed like the real systems through node operations. Always labelled
 * {@code reference}, never as Wasimoff.
 */
public final class ReferenceSystem extends BrokerAndProviders {
    /** The {@code reference} system in the registry: nothing to install, runs everywhere. */
    public static final SystemKind KIND = new SystemKind() {
        @Override
        public String id() {
            return "reference";
        }

        @Override
        public SystemUnderTest create(Options o) {
            return new ReferenceSystem(o.engine(), o.workload());
        }

        @Override
        public String variant(String engine, ProviderKind provider) {
            return engine.equals(Kinds.DEFAULT_ENGINE) ? "" : "+" + engine;
        }
    };

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The reference system running our own TSP program ({@link Workloads#own()}) on {@code engine}. */
    public ReferenceSystem(String engine) {
        this(engine, Workloads.own());
    }

    /** The reference system with providers on {@code engine} ({@code chicory} or {@code wasmtime}) running {@code workload}. */
    public ReferenceSystem(String engine, Workload workload) {
        super(engine, workload);
    }

    @Override
    public String id() {
        return "reference";
    }

    @Override
    protected ServiceDefinition brokerService(Node broker, int port) {
        return new ServiceDefinition.JavaService("reference-broker", ReferenceBroker.class,
                List.of("--listen", broker.host() + ":" + port));
    }

    @Override
    protected ServiceDefinition providerService(Node node, String brokerUrl) {
        return new ServiceDefinition.JavaService("reference-provider", ReferenceProvider.class,
                List.of("--broker", brokerUrl, "--workers", Integer.toString(node.spec().type().vcpus()),
                        "--name", node.name(), "--engine", engine));
    }

    @Override
    protected ProviderCount connectedProviders(BrokerApi api) throws Exception {
        JsonNode status = JSON.readTree(api.get("/api/providers"));
        return new ProviderCount(status.path("connected").asInt(), status.path("workers").asInt());
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>(Map.of("broker", ReferenceBroker.PACKAGE, "provider", "reference",
                "engine", WasmEngine.describe(engine)));
        p.putAll(workload.parameters());
        return p;
    }
}
