package wasimoff.eval.load;

import java.util.List;

/**
 * The target arrival rate of an open-loop run: requests start at their intended times whatever the
 * system under test answers, as a population of independent clients would send them. A schedule is
 * a list of steps played in order from the start of the run; a step with {@code durationMillis = 0}
 * lasts until the end of the run (only the last step may do so), and steps past the run time are
 * cut. Arrivals within a step are evenly spaced: at rate {@code r} one every {@code 1/r} seconds.
 *
 * <p>JSON: {@code {"steps": [{"rate": 500, "durationMillis": 10000}, {"rate": 1000, "durationMillis": 0}]}}.
 *
 * @param steps the steps, never empty
 */
public record ArrivalSchedule(List<Step> steps) {

    /**
     * One step of the schedule.
     *
     * @param rate           requests per second, zero for a pause
     * @param durationMillis how long the step lasts; 0 = until the end of the run
     */
    public record Step(double rate, long durationMillis) {
        public Step {
            if (!(rate >= 0) || Double.isInfinite(rate) || durationMillis < 0) {
                throw new IllegalArgumentException("an arrival step needs a finite rate >= 0 and a duration >= 0, got "
                        + rate + "/s for " + durationMillis + " ms");
            }
        }
    }

    public ArrivalSchedule {
        if (steps == null || steps.isEmpty()) {
            throw new IllegalArgumentException("an arrival schedule needs at least one step");
        }
        steps = List.copyOf(steps);
        for (int i = 0; i < steps.size() - 1; i++) {
            if (steps.get(i).durationMillis() == 0) {
                throw new IllegalArgumentException("only the last arrival step may last until the end of the run");
            }
        }
    }

    /** One constant rate for the whole run. */
    public static ArrivalSchedule constant(double rate) {
        return new ArrivalSchedule(List.of(new Step(rate, 0)));
    }

    /** Steps of the given rates, each lasting {@code stepMillis}. */
    public static ArrivalSchedule steps(long stepMillis, double... rates) {
        return new ArrivalSchedule(java.util.Arrays.stream(rates).mapToObj(r -> new Step(r, stepMillis)).toList());
    }

    /** The arrivals a run of {@code runTimeMillis} intends to send. */
    public double plannedRequests(long runTimeMillis) {
        double n = 0;
        long at = 0;
        for (Step s : steps) {
            long end = s.durationMillis() == 0 ? runTimeMillis : Math.min(runTimeMillis, at + s.durationMillis());
            n += Math.max(0, end - at) / 1000.0 * s.rate();
            at = end;
        }
        return n;
    }

    /** The share {@code index} of {@code stride} of this schedule's arrivals, as offsets from the run's start. */
    Arrivals arrivals(long runTimeNanos, int index, int stride) {
        return new Arrivals(this, runTimeNanos, index, stride);
    }
}
