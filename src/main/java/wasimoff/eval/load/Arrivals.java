package wasimoff.eval.load;

import java.util.List;

/**
 * Iterates the intended send times of an {@link ArrivalSchedule} as nanosecond offsets from the
 * start of the run. Arrival {@code i} of a step belongs to share {@code i mod stride}, so that each
 * event loop can play its own share of one schedule without talking to the others.
 */
final class Arrivals {
    /** Returned by {@link #next()} when the schedule is over. */
    static final long NONE = Long.MAX_VALUE;

    private final double[] rates;
    private final long[] starts;
    private final long[] ends;
    private final int index;
    private final int stride;
    private int step;
    private long k;

    Arrivals(ArrivalSchedule schedule, long runTimeNanos, int index, int stride) {
        if (index < 0 || stride <= 0 || index >= stride) {
            throw new IllegalArgumentException("share " + index + " of " + stride);
        }
        List<ArrivalSchedule.Step> steps = schedule.steps();
        rates = new double[steps.size()];
        starts = new long[steps.size()];
        ends = new long[steps.size()];
        long at = 0;
        for (int i = 0; i < steps.size(); i++) {
            ArrivalSchedule.Step s = steps.get(i);
            rates[i] = s.rate();
            starts[i] = at;
            ends[i] = s.durationMillis() == 0 ? runTimeNanos
                    : Math.min(runTimeNanos, at + s.durationMillis() * 1_000_000L);
            at = Math.max(at, ends[i]);
        }
        this.index = index;
        this.stride = stride;
    }

    /** The next intended send time (nanoseconds after the start), or {@link #NONE}. */
    long next() {
        while (step < rates.length) {
            if (rates[step] > 0) {
                long t = starts[step] + (long) ((k * stride + index) * 1e9 / rates[step]);
                if (t < ends[step]) {
                    k++;
                    return t;
                }
            }
            step++;
            k = 0;
        }
        return NONE;
    }
}
