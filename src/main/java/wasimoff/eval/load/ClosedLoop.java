package wasimoff.eval.load;

import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.FullHttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Closed-loop virtual users as the seed's Locust runs had them: users start evenly at the spawn
 * rate (user {@code i} at {@code i / spawnRate} seconds), each holds one keep-alive connection and
 * sends its next request as soon as the previous one ended, with no wait. Users are spread over the
 * event loops and never leave theirs. A user whose request got no HTTP response at all (refused,
 * reset, timed out: the service is down) waits before it tries again, 10 ms doubling up to 1 s, so
 * that a dead broker meets a trickle of retries rather than a storm of refused connections.
 */
final class ClosedLoop implements Load {
    private final RunSpec spec;
    private final EventLoops loops;
    private final HttpTarget target;
    private final Outcomes outcomes;
    private final RequestStats stats;
    private final List<User> users = new ArrayList<>();
    private final AtomicInteger running = new AtomicInteger();
    private volatile boolean stopping;
    private long startNanos;

    ClosedLoop(RunSpec spec, EventLoops loops, HttpTarget target, Outcomes outcomes, RequestStats stats) {
        this.spec = spec;
        this.loops = loops;
        this.target = target;
        this.outcomes = outcomes;
        this.stats = stats;
    }

    @Override
    public void start(long startNanos) {
        this.startNanos = startNanos;
        advance(0);
    }

    @Override
    public void advance(long elapsedNanos) {
        int due = (int) Math.min(spec.users(), 1 + Math.floor(elapsedNanos / 1e9 * spec.spawnRate()));
        while (users.size() < due && !stopping) {
            EventLoop loop = loops.loops().get(users.size() % loops.loops().size());
            User u = new User(loop, new HttpConnection(loop, loops.channelType(), target, spec.requestTimeoutMillis()));
            users.add(u);
            running.incrementAndGet();
            loop.execute(u::next);
        }
    }

    @Override
    public long nextChangeNanos() {
        return users.size() < spec.users() ? (long) (users.size() / spec.spawnRate() * 1e9) : Long.MAX_VALUE;
    }

    @Override
    public int concurrency() {
        return users.size();
    }

    @Override
    public void stop() {
        stopping = true;
    }

    @Override
    public boolean awaitIdle(long deadlineNanos) throws InterruptedException {
        while (running.get() > 0 && System.nanoTime() < deadlineNanos) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        return running.get() == 0;
    }

    @Override
    public String describe() {
        return "users=" + users.size();
    }

    /** One virtual user: one connection, one request at a time, on its event loop. */
    private final class User implements HttpConnection.Listener {
        private static final long FIRST_BACKOFF_MILLIS = 10;
        private static final long MAX_BACKOFF_MILLIS = 1000;
        private final EventLoop loop;
        private final HttpConnection connection;
        private long backoffMillis;

        User(EventLoop loop, HttpConnection connection) {
            this.loop = loop;
            this.connection = connection;
        }

        void next() {
            if (stopping) {
                connection.close();
                running.decrementAndGet();
                return;
            }
            stats.sent();
            connection.send(System.nanoTime(), this);
        }

        @Override
        public void completed(HttpConnection c, long dueNanos, long writtenNanos, long doneNanos,
                              FullHttpResponse response, String failure) {
            outcomes.record(dueNanos, writtenNanos, doneNanos, response, failure);
            if (response == null && failure != null) {
                backoffMillis = backoffMillis == 0 ? FIRST_BACKOFF_MILLIS : Math.min(MAX_BACKOFF_MILLIS, 2 * backoffMillis);
                loop.schedule(this::next, backoffMillis, TimeUnit.MILLISECONDS);
                return;
            }
            backoffMillis = 0;
            next();
        }
    }
}
