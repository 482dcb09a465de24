package wasimoff.eval.load;

import wasimoff.eval.workload.ResponseCheck;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs one load run from a {@link RunSpec} and writes its results directory. A closed-loop run has
 * virtual users as the seed's Locust runs did (users, spawn rate, run time, no wait between
 * requests); an open-loop run follows the spec's {@link ArrivalSchedule}. Every request is recorded
 * into {@link RequestStats} and judged by the {@link ResponseCheck}; a progress line goes to the
 * consumer every few seconds.
 *
 * <p>The engine is Netty: a few event loops ({@link RunSpec#eventLoops()}) own all connections, one
 * keep-alive connection per closed-loop user, which sends its next request when the previous one
 * ended. {@code docs/benchmarks.md} has the measurements that chose it over OkHttp's thread per
 * user.
 *
 * <p>When the run time is up no new request starts, but requests already sent are awaited (up to
 * the request timeout) and counted, so that {@code sent = succeeded + failed + unfinished} with
 * {@code unfinished = 0} normally. The generator measures the CPU of its own threads and warns in
 * the console and in {@code summary.json} ({@code generatorWarning}) when it was saturated.
 */
public final class LoadRunner {
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    private static final long SECOND = 1_000_000_000L;

    private final RunSpec spec;
    private final ResponseCheck check;
    private final Consumer<String> progress;

    /**
     * @param spec     what to run; never null
     * @param check    decides which responses succeed; never null
     * @param progress receives the progress lines and the final generator report; never null
     */
    public LoadRunner(RunSpec spec, ResponseCheck check, Consumer<String> progress) {
        this.spec = spec;
        this.check = check;
        this.progress = progress;
    }

    /** Runs the load and writes the results into {@code outDir}; returns the summary also written there. */
    public RunSummary run(Path outDir) throws IOException, InterruptedException {
        HttpConnection.warmUp();
        RequestStats stats = new RequestStats(spec.percentiles());
        RunSummary summary;
        try (HttpTarget target = HttpTarget.of(spec); EventLoops loops = new EventLoops(spec.eventLoops())) {
            List<Long> threads = new ArrayList<>(loops.threadIds());
            threads.add(Thread.currentThread().getId());
            GeneratorCpu cpu = new GeneratorCpu(threads);
            Outcomes outcomes = new Outcomes(check, stats);
            Load load = spec.openLoop() ? new OpenLoop(spec, loops, target, outcomes, stats)
                    : new ClosedLoop(spec, loops, target, outcomes, stats);
            Instant start = Instant.now();
            long startNanos = System.nanoTime();
            try {
                drive(load, stats, startNanos);
            } finally {
                load.stop();
                load.awaitIdle(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(spec.requestTimeoutMillis())
                        + 5 * SECOND);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
            stats.tick(Instant.now().getEpochSecond(), 0);
            GeneratorCpu.Usage usage = cpu.measure();
            summary = RunSummary.of(spec, stats, start, elapsed, usage, Runtime.getRuntime().availableProcessors(),
                    loops.description());
        }
        progress.accept(String.format("[load %s] generator: %.2f cores over %d threads, busiest %.0f%% (%s)",
                spec.name(), summary.generatorCpuCores(), summary.generatorThreads(),
                summary.generatorBusiestThread() * 100, summary.generatorEngine()));
        if (summary.generatorWarning() != null) {
            progress.accept("[load " + spec.name() + "] WARNING: " + summary.generatorWarning());
        }
        new ResultsWriter(spec, stats, summary).writeTo(outDir);
        return summary;
    }

    /** Spawns, ticks the per-second history and reports progress until the run time is up. */
    private void drive(Load load, RequestStats stats, long startNanos) throws InterruptedException {
        long endNanos = startNanos + TimeUnit.MILLISECONDS.toNanos(spec.runTimeMillis());
        long nextSecond = startNanos + SECOND;
        long nextProgress = startNanos + PROGRESS_EVERY.toNanos();
        load.start(startNanos);
        while (System.nanoTime() < endNanos) {
            load.advance(System.nanoTime() - startNanos);
            long nextChange = load.nextChangeNanos() == Long.MAX_VALUE ? Long.MAX_VALUE
                    : startNanos + load.nextChangeNanos();
            long sleepUntil = Math.min(Math.min(nextSecond, nextChange), endNanos);
            TimeUnit.NANOSECONDS.sleep(Math.max(0, sleepUntil - System.nanoTime()));
            // spawn the users due by now before the history row counts them
            load.advance(System.nanoTime() - startNanos);
            if (System.nanoTime() >= nextSecond) {
                RequestStats.Second s = stats.tick(Instant.now().getEpochSecond(), load.concurrency());
                nextSecond += SECOND;
                if (System.nanoTime() >= nextProgress) {
                    nextProgress += PROGRESS_EVERY.toNanos();
                    progress.accept(progressLine(load, startNanos, s));
                }
            }
        }
    }

    private String progressLine(Load load, long startNanos, RequestStats.Second s) {
        var h = s.cumulative();
        return String.format("[load %s] %3ds %s req/s=%.1f failures=%d/%d p50=%dms p99=%dms",
                spec.name(), (System.nanoTime() - startNanos) / SECOND, load.describe(),
                (double) s.requests(), s.totalFailures(), s.totalRequests(),
                h.valueAtFraction(0.5) / 1000, h.valueAtFraction(0.99) / 1000);
    }
}
