package wasimoff.eval.load;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * CPU time of the load generator's own threads (its event loops and the thread that runs the
 * load), measured per thread so that a system under test sharing this JVM, as on the embedded
 * testbed, is not counted. The JVM's garbage collector and compiler threads are not counted either.
 */
final class GeneratorCpu {
    /** Above this share of the run one generator thread was busy: it may have limited the result. */
    static final double BUSY_THREAD_SHARE = 0.9;

    private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    private final long[] ids;
    private final long[] before;
    private final long startNanos = System.nanoTime();

    /** Starts measuring the given threads. */
    GeneratorCpu(List<Long> threadIds) {
        ids = threadIds.stream().mapToLong(Long::longValue).toArray();
        before = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            before[i] = cpu(ids[i]);
        }
    }

    /** What the threads used since the start; call while they are still alive. */
    Usage measure() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        long total = 0;
        long busiest = 0;
        for (int i = 0; i < ids.length; i++) {
            long used = Math.max(0, cpu(ids[i]) - before[i]);
            total += used;
            busiest = Math.max(busiest, used);
        }
        return new Usage(total / 1e9 / seconds, busiest / 1e9 / seconds, ids.length);
    }

    private long cpu(long id) {
        return mx.isThreadCpuTimeSupported() ? Math.max(0, mx.getThreadCpuTime(id)) : 0;
    }

    /**
     * The generator's CPU use over a run.
     *
     * @param cores         CPU seconds per second, summed over the generator's threads
     * @param busiestThread the busiest thread's CPU seconds per second (1.0 = always running)
     * @param threads       how many threads were measured
     */
    record Usage(double cores, double busiestThread, int threads) {
        /** A warning when the generator itself may have been the bottleneck, or null. */
        String warning(int availableCores) {
            if (busiestThread >= BUSY_THREAD_SHARE) {
                return String.format("load generator thread busy %.0f%% of the run (%.2f cores over %d threads): "
                        + "the client may have limited this result", busiestThread * 100, cores, threads);
            }
            if (cores > RunSummary.SATURATION_SHARE * availableCores) {
                return String.format("load generator used %.2f of %d cores: the client may have limited this result",
                        cores, availableCores);
            }
            return null;
        }
    }
}
