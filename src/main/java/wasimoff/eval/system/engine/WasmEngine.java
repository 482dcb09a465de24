package wasimoff.eval.system.engine;

import java.util.List;

/**
 * A WebAssembly runtime a provider runs WASI preview1 command modules with. A module is compiled
 * once per binary (keyed by its storage ref) and instantiated afresh for every task, so tasks share
 * no state. Implementations are safe for concurrent {@link #run} calls.
 */
public interface WasmEngine {
    /** What results report as the engine, e.g. {@code chicory 1.7.5 (compiled)}. */
    String description();

    boolean has(String ref);

    /** Compiles {@code wasm} under {@code ref} unless that was done before. */
    void compile(String ref, byte[] wasm);

    /** Runs {@code _start} of module {@code ref} with {@code argv} (argv[0] is the program name). */
    Result run(String ref, List<String> argv, List<String> envs, byte[] stdin) throws Exception;

    /** The outcome of one run: exit code and captured output. */
    record Result(int exitCode, byte[] stdout, byte[] stderr) {
    }

    /** The engine names a provider accepts. */
    List<String> NAMES = List.of("chicory", "wasmtime", "node");

    /** What results report for the engine {@code name}, without starting one. */
    static String describe(String name) {
        return switch (name) {
            case "chicory" -> "chicory 1.7.5 (compiled)";
            case "wasmtime" -> "wasmtime (wasmtime-java 0.19.0)";
            case "node" -> "node:wasi (Node.js, one process per task)";
            default -> throw new IllegalArgumentException("unknown engine '" + name + "'; valid: " + NAMES);
        };
    }

    /** A new engine by name. */
    static WasmEngine named(String name) {
        return switch (name) {
            case "chicory" -> new ChicoryEngine();
            case "wasmtime" -> new WasmtimeEngine();
            case "node" -> new NodeEngine();
            default -> throw new IllegalArgumentException("unknown engine '" + name + "'; valid: " + NAMES);
        };
    }
}
