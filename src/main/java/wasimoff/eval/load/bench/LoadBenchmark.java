package wasimoff.eval.load.bench;

import wasimoff.eval.process.ChildEnvironment;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import wasimoff.eval.load.LoadRunner;
import wasimoff.eval.load.RunSpec;
import wasimoff.eval.load.RunSummary;
import wasimoff.eval.workload.ResponseChecks;

/**
 * The load generator benchmark ({@code benchmarks/run.sh} starts the no-op target and calls this):
 * wrk, Locust {@code HttpUser}, Locust {@code FastHttpUser} and our generator, one after another,
 * with the same connections and duration against the same no-op endpoint, for a few rounds; each
 * tool's median round is reported. Then a fidelity check of median latencies against a target that
 * answers after a fixed delay. Prints Markdown tables and exits 1 when a target was missed.
 *
 * <p>Usage: {@code LoadBenchmark --url http://127.0.0.1:PORT/ [--target-pid PID] [--connections 64]
 * [--duration 12] [--rounds 3] [--warm-up 3] [--delay-ms 2] [--fidelity-duration 6] [--out DIR]}.
 *
 * <p>Our generator runs in this JVM after one warm-up run (the JIT compiler's due; wrk and Locust
 * need none), records every request in HdrHistogram and checks every response (2xx). Its CPU is
 * this process's, garbage collector and compiler included. Each row also says how much CPU the
 * target and everything else on the machine used meanwhile, since other work skews every figure.
 */
public final class LoadBenchmark {
    /** ours/wrk must reach this. */
    public static final double MIN_RATIO_WRK = 0.5;
    /** ours/Locust FastHttpUser must reach this. */
    public static final double MIN_RATIO_LOCUST_FAST = 9;
    /** Medians of ours and wrk against the delayed target must agree within this share. */
    public static final double MAX_MEDIAN_DIFFERENCE = 0.10;

    private static final String WRK = "wrk -t1";
    private static final String HTTP_USER = "Locust HttpUser";
    private static final String FAST_USER = "Locust FastHttpUser";
    private static final String OURS = "ours (wasimoff-eval)";

    private final ExternalTools tools;
    private final Path out;
    private final long targetPid;
    private final int connections;

    private LoadBenchmark(Path out, long targetPid, int connections) {
        this.tools = new ExternalTools(out);
        this.out = out;
        this.targetPid = targetPid;
        this.connections = connections;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = options(args);
        String url = a.get("url");
        if (url == null) {
            System.err.println("usage: LoadBenchmark --url http://127.0.0.1:PORT/ [--target-pid PID] [--connections 64]"
                    + " [--duration 12] [--rounds 3] [--warm-up 3] [--delay-ms 2] [--fidelity-duration 6] [--out DIR]");
            System.exit(2);
        }
        if (!InetAddress.getByName(URI.create(url).getHost()).isLoopbackAddress()) {
            throw new IllegalArgumentException("the benchmark drives loopback targets only, not " + url);
        }
        int seconds = Integer.parseInt(a.getOrDefault("duration", "12"));
        Path out = Path.of(a.getOrDefault("out", "target/bench"));
        Files.createDirectories(out);
        LoadBenchmark b = new LoadBenchmark(out, Long.parseLong(a.getOrDefault("target-pid", "0")),
                Integer.parseInt(a.getOrDefault("connections", "64")));
        int rounds = Integer.parseInt(a.getOrDefault("rounds", "3"));
        boolean ok = b.capacity(url, seconds, rounds, Integer.parseInt(a.getOrDefault("warm-up", "3")));
        ok &= b.fidelity(Double.parseDouble(a.getOrDefault("delay-ms", "2")),
                Integer.parseInt(a.getOrDefault("fidelity-duration", "6")), rounds);
        System.exit(ok ? 0 : 1);
    }

    private boolean capacity(String url, int seconds, int rounds, int warmUp) throws Exception {
        System.out.printf("load generator benchmark, %s, %d cores, %s%n", LocalDateTime.now()
                .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 16), Runtime.getRuntime()
                .availableProcessors(), url);
        System.out.printf("%d connections, %d s per run, %d rounds of wrk, Locust HttpUser, Locust FastHttpUser, "
                + "ours one after another; each tool's median round by req/s%n%n", connections, seconds, rounds);
        ours(url, warmUp, out.resolve("warm-up"));
        Map<String, List<Measurement>> runs = new LinkedHashMap<>();
        for (int r = 1; r <= rounds; r++) {
            add(runs, measured(targetPid, () -> tools.wrk(url, connections, seconds)));
            add(runs, measured(targetPid, () -> tools.locust("HttpUser", url, connections, seconds)));
            add(runs, measured(targetPid, () -> tools.locust("FastHttpUser", url, connections, seconds)));
            int round = r;
            add(runs, measured(targetPid, () -> ours(url, seconds, out.resolve("ours-" + round))));
        }
        Map<String, Measurement> median = medians(runs, Comparator.comparingDouble(Measurement::rps));
        System.out.println(table(List.copyOf(median.values())));
        runs.forEach((tool, list) -> System.out.printf("%s req/s by round: %s%n", tool,
                list.stream().map(m -> String.format(Locale.ROOT, "%,.0f", m.rps()))
                        .collect(Collectors.joining(", "))));
        System.out.println();
        double toWrk = median.get(OURS).rps() / median.get(WRK).rps();
        double toFast = median.get(OURS).rps() / median.get(FAST_USER).rps();
        boolean ok = verdict("ours/wrk", toWrk, ">=", MIN_RATIO_WRK, toWrk >= MIN_RATIO_WRK);
        ok &= verdict("ours/Locust-Fast", toFast, ">=", MIN_RATIO_LOCUST_FAST, toFast >= MIN_RATIO_LOCUST_FAST);
        System.out.printf(Locale.ROOT, "ours/Locust-HttpUser: %.1f%n",
                median.get(OURS).rps() / median.get(HTTP_USER).rps());
        System.out.printf("ours/wrk by round: %s%n%n", ratiosByRound(runs.get(OURS), runs.get(WRK)));
        return ok;
    }

    private boolean fidelity(double delayMs, int seconds, int rounds) throws Exception {
        try (ChildTarget slow = ChildTarget.start((long) (delayMs * 1000))) {
            System.out.printf(Locale.ROOT, "fidelity: median latency against a target in its own JVM answering after "
                    + "%.1f ms, %d connections, %d s per run, %d rounds of wrk and ours; each tool's median round by "
                    + "p50%n%n", delayMs, connections, seconds, rounds);
            Map<String, List<Measurement>> runs = new LinkedHashMap<>();
            for (int r = 1; r <= rounds; r++) {
                add(runs, measured(slow.pid(), () -> tools.wrk(slow.url(), connections, seconds)));
                Path dir = out.resolve("ours-delayed-" + r);
                add(runs, measured(slow.pid(), () -> ours(slow.url(), seconds, dir)));
            }
            Map<String, Measurement> median = medians(runs, Comparator.comparingDouble(Measurement::p50Millis));
            System.out.println(table(List.copyOf(median.values())));
            runs.forEach((tool, list) -> System.out.printf("%s p50 ms by round: %s%n", tool, list.stream()
                    .map(m -> String.format(Locale.ROOT, "%.2f", m.p50Millis())).collect(Collectors.joining(", "))));
            double diff = Math.abs(median.get(OURS).p50Millis() - median.get(WRK).p50Millis())
                    / median.get(WRK).p50Millis();
            return verdict("|median ours - median wrk| / median wrk", diff, "<=", MAX_MEDIAN_DIFFERENCE,
                    diff <= MAX_MEDIAN_DIFFERENCE);
        }
    }

    private static Map<String, Measurement> medians(Map<String, List<Measurement>> runs, Comparator<Measurement> by) {
        Map<String, Measurement> median = new LinkedHashMap<>();
        runs.forEach((tool, list) -> median.put(tool, list.stream().sorted(by).toList().get(list.size() / 2)));
        return median;
    }

    /** A {@link DelayServer} in its own JVM, stopped by closing its standard input. */
    private record ChildTarget(Process process, String url) implements AutoCloseable {
        static ChildTarget start(long delayMicros) throws IOException {
            String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = ChildEnvironment.base().command(javaBin, "-cp", System.getProperty("java.class.path"),
                            DelayServer.class.getName(), Long.toString(delayMicros))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String url = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            if (url == null) {
                p.destroyForcibly();
                throw new IOException("the delay server did not start");
            }
            return new ChildTarget(p, url);
        }

        long pid() {
            return process.pid();
        }

        @Override
        public void close() throws IOException {
            process.getOutputStream().close();
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One measurement that can fail. */
    private interface Run {
        Measurement run() throws IOException, InterruptedException;
    }

    private static Measurement measured(long pid, Run run) throws IOException, InterruptedException {
        MachineLoad load = new MachineLoad(pid);
        Measurement m = run.run();
        return m.with(load.measure());
    }

    private static void add(Map<String, List<Measurement>> runs, Measurement m) {
        runs.computeIfAbsent(m.tool(), t -> new ArrayList<>()).add(m);
    }

    private Measurement ours(String url, int seconds, Path dir) throws IOException, InterruptedException {
        RunSpec spec = new RunSpec("bench", new RunSpec.HttpRequestTemplate("GET", url, Map.of(), ""),
                ResponseChecks.HTTP_2XX, connections, 1000, seconds * 1000L, null, null, 10_000, "locust");
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        RunSummary s = new LoadRunner(spec, ResponseChecks.named(spec.check()), line -> { }).run(dir);
        double cores = (os.getProcessCpuTime() - cpu0) / (double) (System.nanoTime() - t0);
        String note = String.format(Locale.ROOT, "Java, %s, every request in HdrHistogram, every response checked; "
                + "generator threads %.2f cores%s%s", s.generatorEngine(), s.generatorCpuCores(),
                s.failed() > 0 ? ", " + s.failed() + " failed" : "", s.nothingLost() ? "" : ", LOST REQUESTS");
        return new Measurement(OURS, s.requestsPerSecond(), s.percentileMillis(0.5), s.percentileMillis(0.99), cores,
                0, 0, note);
    }

    static String table(List<Measurement> rows) {
        StringBuilder b = new StringBuilder("| tool | req/s | p50 ms | p99 ms | tool CPU | target CPU | others' CPU "
                + "| notes |\n|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (Measurement m : rows) {
            b.append(String.format(Locale.ROOT, "| %s | %,.0f | %.2f | %.2f | %.2f | %.2f | %.2f | %s |%n", m.tool(),
                    m.rps(), m.p50Millis(), m.p99Millis(), m.cpuCores(), m.targetCores(), m.othersCores(), m.note()));
        }
        return b.append("\nCPU in cores (CPU seconds per second); others' = processes' CPU on the whole machine "
                + "(user, system, steal) less tool and target: other work sharing it.").toString();
    }

    private static String ratiosByRound(List<Measurement> ours, List<Measurement> base) {
        List<String> r = new ArrayList<>();
        for (int i = 0; i < ours.size(); i++) {
            r.add(String.format(Locale.ROOT, "%.2f", ours.get(i).rps() / base.get(i).rps()));
        }
        return String.join(", ", r);
    }

    private static boolean verdict(String what, double value, String op, double bound, boolean ok) {
        System.out.printf(Locale.ROOT, "%s: %.2f (target %s %.2f) %s%n", what, value, op, bound, ok ? "ok" : "MISSED");
        return ok;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            m.put(args[i].substring(2), args[i + 1]);
        }
        return m;
    }
}
