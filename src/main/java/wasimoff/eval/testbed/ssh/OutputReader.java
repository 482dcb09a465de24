package wasimoff.eval.testbed.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Collects a remote command's output on a thread of its own, so the caller can watch the clock and
 * the exit status meanwhile. A thread per command, not a shared pool: reads block, and a pool sized
 * by the machine's cores would make concurrent commands on many nodes wait for each other.
 */
final class OutputReader {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile IOException failure;

    private OutputReader() {
    }

    /** Starts reading {@code in} until its end; {@code target} names the thread. */
    static OutputReader start(InputStream in, String target) {
        OutputReader reader = new OutputReader();
        Thread t = new Thread(() -> reader.copy(in), "ssh-output " + target);
        t.setDaemon(true);
        t.start();
        return reader;
    }

    private void copy(InputStream in) {
        byte[] chunk = new byte[8192];
        try {
            for (int n; (n = in.read(chunk)) >= 0; ) {
                synchronized (buffer) {
                    buffer.write(chunk, 0, n);
                }
            }
        } catch (IOException e) {
            failure = e;
        } finally {
            ended.countDown();
        }
    }

    /** Waits up to {@code wait} for the end of the output; true once it has ended. */
    boolean awaitEnd(Duration wait) throws InterruptedException {
        return ended.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** What has arrived so far. */
    String text() {
        synchronized (buffer) {
            return buffer.toString(StandardCharsets.UTF_8);
        }
    }

    /** Why reading stopped early, or null. */
    IOException failure() {
        return failure;
    }
}
