package wasimoff.eval.system.reference;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The worker pool of a provider: one daemon thread per worker, named after the provider. */
public final class Workers {
    private Workers() {
    }

    /** A fixed pool of {@code count} threads named {@code <provider>-worker-<i>}. */
    public static ExecutorService pool(String provider, int count) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(count, r -> {
            Thread t = new Thread(r, provider + "-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
