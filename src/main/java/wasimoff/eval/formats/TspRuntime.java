package wasimoff.eval.formats;

import java.util.List;

/**
 * One way of running the TSP program whose run time is measured per n: a native binary, the Wasm
 * module in an engine in this JVM, or in another runtime such as Node.
 */
public interface TspRuntime {
    /** Short name for files and charts, e.g. {@code native-gcc}, {@code wasm-chicory}. */
    String name();

    /** Measures {@code runs} runs of {@code tsp rand n seed} after {@code warmup} unmeasured ones, for each n. */
    List<RunTimes> measure(List<Integer> ns, long seed, int warmup, int runs) throws Exception;
}
