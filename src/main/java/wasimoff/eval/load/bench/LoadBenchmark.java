package wasimoff.eval.load.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import wasimoff.eval.load.LoadRunner;
import wasimoff.eval.load.RunSpec;
import wasimoff.eval.load.RunSummary;
import wasimoff.eval.workload.ResponseChecks;

/**
 * The load generator benchmark ({@code benchmarks/run.sh} starts the no-op target and calls this):
 * wrk, Locust {@code HttpUser}, Locust {@code FastHttpUser} and our generator, one after another,
 * with the same connections and duration against the same no-op endpoint; then a fidelity check of
 * median latencies against a target that answers after a fixed delay. Prints a Markdown table and
 * exits 1 when a target ratio was missed.
 *
 * <p>Usage: {@code LoadBenchmark --url http://127.0.0.1:PORT/ [--connections 64] [--duration 12]
 * [--warm-up 3] [--delay-ms 2] [--out DIR]}.
 *
 * <p>Our generator runs in this JVM after a short warm-up run (the JIT compiler's due; wrk and
 * Locust need none), records every request in HdrHistogram and checks every response (2xx). Its
 * CPU is this process's, garbage collector and compiler included.
 */
public final class LoadBenchmark {
    /** ours/wrk must reach this. */
    public static final double MIN_RATIO_WRK = 0.5;
    /** ours/Locust FastHttpUser must reach this. */
    public static final double MIN_RATIO_LOCUST_FAST = 9;
    /** Medians of ours and wrk against the delayed target must agree within this share. */
    public static final double MAX_MEDIAN_DIFFERENCE = 0.10;

    private LoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = options(args);
        String url = a.get("url");
        if (url == null) {
            System.err.println("usage: LoadBenchmark --url http://127.0.0.1:PORT/ [--connections 64] [--duration 12]"
                    + " [--warm-up 3] [--delay-ms 2] [--out DIR]");
            System.exit(2);
        }
        if (!InetAddress.getByName(java.net.URI.create(url).getHost()).isLoopbackAddress()) {
            throw new IllegalArgumentException("the benchmark drives loopback targets only, not " + url);
        }
        int connections = Integer.parseInt(a.getOrDefault("connections", "64"));
        int seconds = Integer.parseInt(a.getOrDefault("duration", "12"));
        int warmUp = Integer.parseInt(a.getOrDefault("warm-up", "3"));
        double delayMs = Double.parseDouble(a.getOrDefault("delay-ms", "2"));
        Path out = Path.of(a.getOrDefault("out", "target/bench"));
        Files.createDirectories(out);
        ExternalTools tools = new ExternalTools(out);

        System.out.printf("load generator benchmark, %s, %d cores, %s%n", LocalDateTime.now()
                .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 16), Runtime.getRuntime()
                .availableProcessors(), url);
        System.out.printf("%d connections, %d s each, one after another%n%n", connections, seconds);
        List<Measurement> rows = new ArrayList<>();
        rows.add(tools.wrk(url, connections, seconds));
        rows.add(tools.locust("HttpUser", url, connections, seconds));
        rows.add(tools.locust("FastHttpUser", url, connections, seconds));
        ours(url, connections, warmUp, out.resolve("warm-up"));
        rows.add(ours(url, connections, seconds, out.resolve("ours")));
        System.out.println(table(rows));

        double toWrk = rows.get(3).rps() / rows.get(0).rps();
        double toFast = rows.get(3).rps() / rows.get(2).rps();
        boolean ok = verdict("ours/wrk", toWrk, ">=", MIN_RATIO_WRK, toWrk >= MIN_RATIO_WRK);
        ok &= verdict("ours/Locust-Fast", toFast, ">=", MIN_RATIO_LOCUST_FAST, toFast >= MIN_RATIO_LOCUST_FAST);
        System.out.printf("ours/Locust-HttpUser: %.1f%n%n", rows.get(3).rps() / rows.get(1).rps());

        try (DelayServer slow = new DelayServer((long) (delayMs * 1000))) {
            System.out.printf("fidelity: median latency against a target answering after %.1f ms, %d connections, %d s%n",
                    delayMs, connections, seconds);
            Measurement wrk = tools.wrk(slow.url(), connections, seconds);
            Measurement ours = ours(slow.url(), connections, seconds, out.resolve("ours-delayed"));
            System.out.println(table(List.of(wrk, ours)));
            double diff = Math.abs(ours.p50Millis() - wrk.p50Millis()) / wrk.p50Millis();
            ok &= verdict("|median ours - median wrk| / median wrk", diff, "<=", MAX_MEDIAN_DIFFERENCE,
                    diff <= MAX_MEDIAN_DIFFERENCE);
        }
        System.exit(ok ? 0 : 1);
    }

    private static Measurement ours(String url, int connections, int seconds, Path dir)
            throws IOException, InterruptedException {
        RunSpec spec = new RunSpec("bench", new RunSpec.HttpRequestTemplate("GET", url, Map.of(), ""),
                ResponseChecks.HTTP_2XX, connections, 1000, seconds * 1000L, null, null, 10_000, "locust");
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        RunSummary s = new LoadRunner(spec, ResponseChecks.named(spec.check()), line -> { }).run(dir);
        double cores = (os.getProcessCpuTime() - cpu0) / (double) (System.nanoTime() - t0);
        String note = String.format(Locale.ROOT, "Java/%s, every request in HdrHistogram, every response checked; "
                + "generator threads %.2f cores%s%s", s.generatorEngine(), s.generatorCpuCores(),
                s.failed() > 0 ? ", " + s.failed() + " failed" : "", s.nothingLost() ? "" : ", LOST REQUESTS");
        return new Measurement("ours (wasimoff-eval)", s.requestsPerSecond(), s.percentileMillis(0.5),
                s.percentileMillis(0.99), cores, note);
    }

    static String table(List<Measurement> rows) {
        StringBuilder b = new StringBuilder("| tool | req/s | p50 ms | p99 ms | CPU cores | notes |\n"
                + "|---|---:|---:|---:|---:|---|\n");
        for (Measurement m : rows) {
            b.append(String.format(Locale.ROOT, "| %s | %,.0f | %.2f | %.2f | %.2f | %s |%n", m.tool(), m.rps(),
                    m.p50Millis(), m.p99Millis(), m.cpuCores(), m.note()));
        }
        return b.toString();
    }

    private static boolean verdict(String what, double value, String op, double bound, boolean ok) {
        System.out.printf(Locale.ROOT, "%s: %.2f (target %s %.2f) %s%n", what, value, op, bound, ok ? "ok" : "MISSED");
        return ok;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            m.put(args[i].substring(2), args[i + 1]);
        }
        return m;
    }
}
