package wasimoff.eval.load;

import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.FullHttpResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open-loop load: requests are due at the intended times of an {@link ArrivalSchedule}, whether or
 * not earlier ones were answered. Each event loop plays its share of the schedule with its own pool
 * of keep-alive connections: a due request takes an idle connection or opens a new one, up to
 * {@link RunSpec#maxInFlight()} requests on the wire. Beyond that cap a due request waits in the
 * generator's queue for the next free connection, as the users of a saturated client pool would.
 *
 * <p>Response times run from the intended send time, so time spent waiting in the queue (and any
 * lag of the generator itself) shows in the latency instead of disappearing: coordinated omission
 * is corrected. The service time, from the moment the request was written, is kept beside it.
 *
 * <p>Bounds: a queued request that has waited longer than the request timeout is not sent and
 * fails as a timeout (its response time counts); a queue of {@value #QUEUE_LIMIT} requests per event
 * loop is full, and a request due then is dropped as a failure without a response time.
 */
final class OpenLoop implements Load {
    /** Most requests waiting for a connection on one event loop (8 bytes each). */
    static final int QUEUE_LIMIT = 1 << 20;

    private final List<Driver> drivers = new ArrayList<>();
    private final AtomicInteger unfinishedDrivers = new AtomicInteger();
    private final RunSpec spec;
    private final EventLoops loops;
    private final HttpTarget target;
    private final Outcomes outcomes;
    private final RequestStats stats;
    private final long timeoutNanos;
    private final String timeoutReason;

    OpenLoop(RunSpec spec, EventLoops loops, HttpTarget target, Outcomes outcomes, RequestStats stats) {
        this.spec = spec;
        this.loops = loops;
        this.target = target;
        this.outcomes = outcomes;
        this.stats = stats;
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(spec.requestTimeoutMillis());
        this.timeoutReason = "timeout after " + spec.requestTimeoutMillis() + " ms";
        int n = loops.loops().size();
        int capPerLoop = Math.max(1, (spec.maxInFlight() + n - 1) / n);
        long runNanos = TimeUnit.MILLISECONDS.toNanos(spec.runTimeMillis());
        for (int i = 0; i < n; i++) {
            drivers.add(new Driver(loops.loops().get(i), spec.arrival().arrivals(runNanos, i, n), capPerLoop));
        }
    }

    @Override
    public void start(long startNanos) {
        unfinishedDrivers.set(drivers.size());
        for (Driver d : drivers) {
            d.start(startNanos);
        }
    }

    @Override
    public void advance(long elapsedNanos) {
        // the drivers follow the schedule on their own event loops
    }

    @Override
    public long nextChangeNanos() {
        return Long.MAX_VALUE;
    }

    @Override
    public int concurrency() {
        return drivers.stream().mapToInt(d -> d.inFlightGauge).sum();
    }

    @Override
    public void stop() {
        // the schedule ends at the run time by itself; a request due just before it still goes out
    }

    @Override
    public boolean awaitIdle(long deadlineNanos) throws InterruptedException {
        while (unfinishedDrivers.get() > 0 && System.nanoTime() < deadlineNanos) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        return unfinishedDrivers.get() == 0;
    }

    @Override
    public String describe() {
        return String.format("in-flight=%d queued=%d target=%.0f/s", concurrency(),
                drivers.stream().mapToInt(d -> d.queuedGauge).sum(),
                spec.arrival().plannedRequests(spec.runTimeMillis()) / (spec.runTimeMillis() / 1000.0));
    }

    /** One event loop's share of the schedule; all its state but the gauges is confined to that loop. */
    private final class Driver implements Runnable, HttpConnection.Listener {
        private final EventLoop loop;
        private final Arrivals arrivals;
        private final int cap;
        private final ArrayDeque<HttpConnection> idle = new ArrayDeque<>();
        private final ArrayDeque<Long> queue = new ArrayDeque<>();
        private long startNanos;
        private long next;
        private int inFlight;
        private boolean scheduleOver;
        private boolean finished;
        volatile int inFlightGauge;
        volatile int queuedGauge;

        Driver(EventLoop loop, Arrivals arrivals, int cap) {
            this.loop = loop;
            this.arrivals = arrivals;
            this.cap = cap;
        }

        void start(long startNanos) {
            this.startNanos = startNanos;
            this.next = arrivals.next();
            loop.execute(this);
        }

        /** Issues every request that is due, then sleeps until the next one. */
        @Override
        public void run() {
            long now = System.nanoTime();
            while (next != Arrivals.NONE && startNanos + next <= now) {
                issue(startNanos + next);
                next = arrivals.next();
            }
            if (next == Arrivals.NONE) {
                scheduleOver = true;
                finishIfIdle();
            } else {
                loop.schedule(this, startNanos + next - now, TimeUnit.NANOSECONDS);
            }
        }

        private void issue(long dueNanos) {
            stats.sent();
            if (inFlight < cap) {
                send(dueNanos, idle.pollLast());
            } else if (queue.size() < QUEUE_LIMIT) {
                queue.addLast(dueNanos);
                queuedGauge = queue.size();
            } else {
                stats.dropped("not sent: " + QUEUE_LIMIT + " requests already waiting for a connection");
            }
        }

        private void send(long dueNanos, HttpConnection c) {
            if (c == null) {
                c = new HttpConnection(loop, loops.channelType(), target, spec.requestTimeoutMillis());
            }
            inFlight++;
            inFlightGauge = inFlight;
            c.send(dueNanos, this);
        }

        @Override
        public void completed(HttpConnection c, long dueNanos, long writtenNanos, long doneNanos,
                              FullHttpResponse response, String failure) {
            outcomes.record(dueNanos, writtenNanos, doneNanos, response, failure);
            inFlight--;
            inFlightGauge = inFlight;
            Long waiting = nextQueued();
            if (waiting != null) {
                send(waiting, c); // reconnects if the server closed it
            } else if (c.reusable() && !scheduleOver) {
                idle.addLast(c);
            } else {
                c.close();
            }
            finishIfIdle();
        }

        /** The oldest queued request still worth sending; those that waited past the timeout fail. */
        private Long nextQueued() {
            long now = System.nanoTime();
            while (!queue.isEmpty()) {
                long due = queue.pollFirst();
                queuedGauge = queue.size();
                if (now - due < timeoutNanos) {
                    return due;
                }
                stats.record((now - due) / 1000, -1, 0, timeoutReason);
            }
            return null;
        }

        private void finishIfIdle() {
            if (scheduleOver && inFlight == 0 && queue.isEmpty() && !finished) {
                finished = true;
                idle.forEach(HttpConnection::close);
                idle.clear();
                unfinishedDrivers.decrementAndGet();
            }
        }
    }
}
