package wasimoff.eval.testbed.embedded;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands out distinct loopback addresses (Linux routes all of 127.0.0.0/8 to the loopback
 * interface), so every embedded node has an address of its own, as a server has.
 */
final class LoopbackAddresses {
    private static final AtomicInteger NEXT = new AtomicInteger();

    private LoopbackAddresses() {
    }

    static String next() {
        int n = NEXT.getAndIncrement();
        return "127.77." + (n / 250) % 250 + "." + (n % 250 + 2);
    }
}
