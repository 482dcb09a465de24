package wasimoff.eval.load;

import java.util.Arrays;
import org.HdrHistogram.Histogram;

/**
 * The figures of a response-time histogram that one history row reports, taken when the row is
 * made: count, mean, min, max and the values at a fixed set of percentiles, in microseconds exactly
 * as HdrHistogram answers them. It keeps a few hundred bytes where a copy of the histogram kept about
 * 190 KB, so a long run's history stays small.
 */
public final class LatencySnapshot {
    private final long count;
    private final double meanMicros;
    private final long minMicros;
    private final long maxMicros;
    private final double[] fractions;
    private final long[] values;

    private LatencySnapshot(long count, double meanMicros, long minMicros, long maxMicros, double[] fractions,
                            long[] values) {
        this.count = count;
        this.meanMicros = meanMicros;
        this.minMicros = minMicros;
        this.maxMicros = maxMicros;
        this.fractions = fractions;
        this.values = values;
    }

    /**
     * The figures of {@code h} now, with its values at {@code fractions} (0.5 = median); the array
     * is shared, not copied, so snapshots of one run can share one.
     */
    static LatencySnapshot of(Histogram h, double[] fractions) {
        long[] values = new long[fractions.length];
        for (int i = 0; i < fractions.length; i++) {
            values[i] = h.getValueAtPercentile(fractions[i] * 100);
        }
        return new LatencySnapshot(h.getTotalCount(), h.getMean(), h.getMinValue(), h.getMaxValue(), fractions,
                values);
    }

    public long count() {
        return count;
    }

    public double meanMicros() {
        return meanMicros;
    }

    public long minMicros() {
        return minMicros;
    }

    public long maxMicros() {
        return maxMicros;
    }

    /** The histogram's {@code getValueAtPercentile(fraction * 100)} when the snapshot was taken. */
    public long valueAtFraction(double fraction) {
        for (int i = 0; i < fractions.length; i++) {
            if (Double.compare(fractions[i], fraction) == 0) {
                return values[i];
            }
        }
        throw new IllegalArgumentException("percentile " + LocustFormat.percentileLabel(fraction)
                + " was not kept; the history keeps " + Arrays.toString(fractions));
    }
}
