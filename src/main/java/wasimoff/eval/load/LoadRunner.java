package wasimoff.eval.load;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Runs closed-loop virtual users the way the seed's Locust runs did (users, spawn rate, run time,
 * no wait between requests), records every request into {@link RequestStats}, prints a progress
 * line every few seconds and writes the results directory.
 *
 * <p>When the run time is up no new request starts, but requests already sent are awaited (up to
 * the request timeout) and counted, so that {@code sent = succeeded + failed} always holds.
 */
public final class LoadRunner {
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final RunSpec spec;
    private final ResponseCheck check;
    private final Consumer<String> progress;

    public LoadRunner(RunSpec spec, ResponseCheck check, Consumer<String> progress) {
        this.spec = spec;
        this.check = check;
        this.progress = progress;
    }

    /** Runs the load and writes the results into {@code outDir}; returns the summary also written there. */
    public RunSummary run(Path outDir) throws IOException, InterruptedException {
        OkHttpClient http = client();
        RequestStats stats = new RequestStats();
        AtomicBoolean stopping = new AtomicBoolean();
        AtomicInteger running = new AtomicInteger();
        List<Thread> users = new ArrayList<>();
        LongAdder userCpuNanos = new LongAdder();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuBefore = currentThreadCpuNanos(threads);
        Instant start = Instant.now();
        long startNanos = System.nanoTime();
        long endNanos = startNanos + spec.runTime().toNanos();
        try {
            long nextSecond = startNanos + 1_000_000_000L;
            long nextProgress = startNanos + PROGRESS_EVERY.toNanos();
            while (System.nanoTime() < endNanos) {
                // Locust starts users evenly: user i at i / spawnRate seconds
                int due = due(startNanos);
                while (users.size() < due) {
                    Thread t = new Thread(() -> userLoop(http, stats, stopping, running, userCpuNanos),
                            "load-user-" + users.size());
                    t.setDaemon(true);
                    users.add(t);
                    t.start();
                }
                long nextSpawn = users.size() < spec.users()
                        ? startNanos + (long) (users.size() / spec.spawnRate() * 1e9) : Long.MAX_VALUE;
                long sleepUntil = Math.min(Math.min(nextSecond, nextSpawn), endNanos);
                TimeUnit.NANOSECONDS.sleep(Math.max(0, sleepUntil - System.nanoTime()));
                if (users.size() < due(startNanos)) {
                    continue;
                }
                if (System.nanoTime() >= nextSecond) {
                    RequestStats.Second s = stats.tick(Instant.now().getEpochSecond(), users.size());
                    nextSecond += 1_000_000_000L;
                    if (System.nanoTime() >= nextProgress) {
                        nextProgress += PROGRESS_EVERY.toNanos();
                        progress.accept(progressLine(startNanos, s));
                    }
                }
            }
        } finally {
            stopping.set(true);
            long deadline = System.nanoTime() + spec.requestTimeoutMillis() * 1_000_000L + 5_000_000_000L;
            for (Thread t : users) {
                t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000L));
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        stats.tick(Instant.now().getEpochSecond(), 0);
        long cpuNanos = userCpuNanos.sum() + currentThreadCpuNanos(threads) - cpuBefore;
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        RunSummary summary = RunSummary.of(spec, stats, start, elapsed, cpuNanos,
                Runtime.getRuntime().availableProcessors(), stillRunning(users));
        new ResultsWriter(spec, stats, summary).writeTo(outDir);
        return summary;
    }

    private int due(long startNanos) {
        return (int) Math.min(spec.users(), 1 + Math.floor((System.nanoTime() - startNanos) / 1e9 * spec.spawnRate()));
    }

    private void userLoop(OkHttpClient http, RequestStats stats, AtomicBoolean stopping, AtomicInteger running,
                          LongAdder cpuNanos) {
        running.incrementAndGet();
        try {
            Request request = request();
            while (!stopping.get()) {
                stats.sent();
                long t0 = System.nanoTime();
                String failure;
                long length = 0;
                try (Response response = http.newCall(request).execute()) {
                    String body = response.body().string();
                    length = body.length();
                    failure = check.failure(response, body).orElse(null);
                } catch (InterruptedIOException e) {
                    failure = "timeout after " + spec.requestTimeoutMillis() + " ms";
                } catch (IOException e) {
                    failure = "connection error: " + e.getClass().getSimpleName();
                } catch (RuntimeException e) {
                    failure = "client error: " + e;
                }
                stats.record((System.nanoTime() - t0) / 1000, length, failure);
            }
        } finally {
            running.decrementAndGet();
            cpuNanos.add(currentThreadCpuNanos(ManagementFactory.getThreadMXBean()));
        }
    }

    private Request request() {
        RunSpec.HttpRequestTemplate t = spec.request();
        RequestBody body = t.method().equals("GET") ? null
                : RequestBody.create(t.body(), MediaType.parse(t.headers().getOrDefault("Content-Type", "text/plain")));
        Request.Builder b = new Request.Builder().url(t.url()).method(t.method(), body);
        t.headers().forEach(b::header);
        return b.build();
    }

    private OkHttpClient client() throws IOException {
        Duration timeout = Duration.ofMillis(spec.requestTimeoutMillis());
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(spec.users() + 8, 1, TimeUnit.MINUTES))
                .retryOnConnectionFailure(false)
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .callTimeout(timeout);
        if (spec.bindAddress() != null) {
            b.socketFactory(new BoundSocketFactory(InetAddress.getByName(spec.bindAddress())));
        }
        return b.build();
    }

    private String progressLine(long startNanos, RequestStats.Second s) {
        var h = s.cumulative();
        return String.format("[load %s] %3ds users=%d req/s=%.1f failures=%d/%d p50=%dms p99=%dms",
                spec.name(), (System.nanoTime() - startNanos) / 1_000_000_000L, s.users(),
                (double) s.requests(), s.totalFailures(), s.totalRequests(),
                h.getValueAtPercentile(50) / 1000, h.getValueAtPercentile(99) / 1000);
    }

    private static int stillRunning(List<Thread> users) {
        return (int) users.stream().filter(Thread::isAlive).count();
    }

    /** CPU time of the calling thread; dead threads cannot be asked, so each user adds its own at exit. */
    private static long currentThreadCpuNanos(ThreadMXBean mx) {
        return mx.isCurrentThreadCpuTimeSupported() ? Math.max(0, mx.getCurrentThreadCpuTime()) : 0;
    }
}
