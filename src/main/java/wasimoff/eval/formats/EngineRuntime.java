package wasimoff.eval.formats;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import wasimoff.eval.system.engine.WasmEngine;
import wasimoff.eval.workload.Workload;

/**
 * The workload's Wasm module in one of our engines, measured in this JVM with the same statistics hyperfine
 * reports: the module is compiled once, every run instantiates it afresh (as a provider does), and
 * user and system times are this thread's CPU times.
 */
public final class EngineRuntime implements TspRuntime {
    private final String engine;
    private final Workload workload;

    /** {@code engine}: {@code chicory} or {@code wasmtime}, also the runtime's name. */
    public EngineRuntime(String engine, Workload workload) {
        this.engine = engine;
        this.workload = workload;
    }

    @Override
    public String name() {
        return engine;
    }

    /** The engine as results describe it, e.g. {@code chicory 1.7.5 (compiled)}. */
    public String description() {
        return WasmEngine.describe(engine);
    }

    @Override
    public List<RunTimes> measure(List<Integer> ns, int warmup, int runs) throws Exception {
        WasmEngine e = WasmEngine.named(engine);
        e.compile("tsp", workload.module());
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        List<RunTimes> all = new ArrayList<>();
        for (int n : ns) {
            List<String> argv = new ArrayList<>(List.of("tsp.wasm"));
            argv.addAll(workload.measuredArgs(Integer.toString(n)));
            for (int i = 0; i < warmup; i++) {
                e.run("tsp", argv, List.of(), null);
            }
            List<Double> wall = new ArrayList<>();
            List<Double> user = new ArrayList<>();
            List<Double> system = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long cpu0 = mx.getCurrentThreadCpuTime();
                long user0 = mx.getCurrentThreadUserTime();
                long t0 = System.nanoTime();
                WasmEngine.Result r = e.run("tsp", argv, List.of(), null);
                wall.add((System.nanoTime() - t0) / 1e9);
                long u = mx.getCurrentThreadUserTime() - user0;
                user.add(u / 1e9);
                system.add((mx.getCurrentThreadCpuTime() - cpu0 - u) / 1e9);
                if (r.exitCode() != 0 || workload.invalid(new String(r.stdout(), java.nio.charset.StandardCharsets.UTF_8))
                        .isPresent()) {
                    throw new IllegalStateException(name() + " exited with " + r.exitCode() + " at n=" + n
                            + " or printed no result of " + workload.kind());
                }
            }
            all.add(RunTimes.of(name() + "(" + n + ")", n, wall, user, system));
        }
        return all;
    }
}
