package wasimoff.eval.load;

/**
 * How a run issues its requests: closed-loop users ({@link ClosedLoop}) or an arrival schedule
 * ({@link OpenLoop}). The {@link LoadRunner} drives either through the same clock and reporting.
 */
interface Load {
    /** Starts issuing requests; {@code startNanos} is the run's start on {@link System#nanoTime()}. */
    void start(long startNanos);

    /** Brings the load up to date at {@code elapsedNanos} after the start (closed loop: spawns due users). */
    void advance(long elapsedNanos);

    /** When {@link #advance} has something to do next, in nanoseconds after the start, or {@link Long#MAX_VALUE}. */
    long nextChangeNanos();

    /** The history's User Count now: users running (closed loop) or requests in flight (open loop). */
    int concurrency();

    /** Issues no new request from now on; requests in flight go on. */
    void stop();

    /** Waits until no request is in flight, or the deadline passes; true when none is. */
    boolean awaitIdle(long deadlineNanos) throws InterruptedException;

    /** A few words for the progress line, e.g. {@code users=64}. */
    String describe();
}
