package wasimoff.eval.settings;

import java.util.List;

/**
 * The names of the kinds a setting can choose from, in one place: the systems, testbeds and
 * WebAssembly engines. The packages that implement them map each name to its implementation.
 */
public final class Kinds {
    public static final List<String> SYSTEMS = List.of("reference", "wasimoff", "serverledge");
    public static final List<String> TESTBEDS = TestbedKind.ids();
    public static final List<String> ENGINES = List.of("chicory", "wasmtime", "node");
    /** Our providers' engine unless a setting says otherwise: near native, as Wasimoff's own engines are. */
    public static final String DEFAULT_ENGINE = "wasmtime";
    /** Wasimoff's provider kinds: its web provider in headless Chromium, its Deno provider, or this project's Java provider. */
    public static final List<String> PROVIDERS = List.of("browser", "deno", "ours");
    /** The TSP programs: the evaluation's own (Wasimoff's wasi-apps/travelling_salesman) and this project's. */
    public static final List<String> WORKLOADS = List.of("seed-tsp", "own-tsp");
    /** TSP sizes the workload can run (the scenario files' bound as well). */
    public static final int TSP_MIN = 2;
    public static final int TSP_MAX = 16;

    private Kinds() {
    }
}
