package wasimoff.eval.formats;

import java.util.List;

/**
 * One way of running the workload's TSP program whose run time is measured per n: a native binary,
 * the Wasm module in an engine in this JVM, in another runtime such as Node, or through a deployed
 * system. Every result's {@code command} is {@code <name>(<n>)}, e.g. {@code native(10)}.
 */
public interface TspRuntime {
    /** Short name for files, charts and the command column: {@code native}, {@code static}, {@code chicory}, ... */
    String name();

    /**
     * Measures {@code runs} runs of the program at each n ({@code Workload.measuredArgs}) after
     * {@code warmup} unmeasured ones.
     */
    List<RunTimes> measure(List<Integer> ns, int warmup, int runs) throws Exception;
}
