package wasimoff.eval.formats;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import wasimoff.eval.system.engine.WasmEngine;
import wasimoff.eval.workload.Tsp;

/**
 * The Wasm module in one of our engines, measured in this JVM with the same statistics hyperfine
 * reports: the module is compiled once, every run instantiates it afresh (as a provider does), and
 * user and system times are this thread's CPU times.
 */
public final class EngineRuntime implements TspRuntime {
    private final String engine;

    public EngineRuntime(String engine) {
        this.engine = engine;
    }

    @Override
    public String name() {
        return "wasm-" + engine;
    }

    @Override
    public List<RunTimes> measure(List<Integer> ns, long seed, int warmup, int runs) throws Exception {
        WasmEngine e = WasmEngine.named(engine);
        e.compile("tsp", Tsp.module());
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        List<RunTimes> all = new ArrayList<>();
        for (int n : ns) {
            List<String> argv = List.of("tsp.wasm", "rand", Integer.toString(n), Long.toString(seed));
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
                if (r.exitCode() != 0) {
                    throw new IllegalStateException(name() + " exited with " + r.exitCode() + " at n=" + n);
                }
            }
            all.add(RunTimes.of(e.description() + " tsp.wasm rand " + n + " " + seed, n, wall, user, system));
        }
        return all;
    }
}
