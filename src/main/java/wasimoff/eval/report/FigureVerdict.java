package wasimoff.eval.report;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How two systems at the same point compare in one figure: whether their difference exceeds their
 * 95% confidence intervals (the intervals do not overlap), stays within them, or cannot be judged
 * (a point with a single run has no interval), or whether they are not comparable at all (one paid
 * the placement's emulated latency, the other did not), and the sentence that says so.
 */
final class FigureVerdict {
    /** How a pair of systems compares in one figure. */
    enum Verdict { EXCEEDS, WITHIN, UNJUDGED, NOT_COMPARABLE }

    /** A figure that {@code comparison.md} judges between systems. */
    enum Figure {
        REQUESTS_PER_SECOND("requests/s", true, PointFigures::requestsPerSecond),
        P50("p50", false, PointFigures::p50Millis),
        P99("p99", false, PointFigures::p99Millis);

        private final String label;
        private final boolean higherIsBetter;
        private final Function<PointFigures, PointFigures.Spread> value;

        Figure(String label, boolean higherIsBetter, Function<PointFigures, PointFigures.Spread> value) {
            this.label = label;
            this.higherIsBetter = higherIsBetter;
            this.value = value;
        }

        String label() {
            return label;
        }

        PointFigures.Spread of(PointFigures point) {
            return value.apply(point);
        }
    }

    private FigureVerdict() {
    }

    static Verdict verdict(Figure figure, PointFigures a, PointFigures b) {
        if (a.withoutWanLatency() != b.withoutWanLatency()) {
            return Verdict.NOT_COMPARABLE;
        }
        if (!judgeable(figure, a) || !judgeable(figure, b)) {
            return Verdict.UNJUDGED;
        }
        return figure.of(a).ci().overlaps(figure.of(b).ci()) ? Verdict.WITHIN : Verdict.EXCEEDS;
    }

    /** An interval to judge by: two runs or more, each with the figure measured (no percentile of no requests). */
    private static boolean judgeable(Figure figure, PointFigures p) {
        ConfidenceInterval ci = figure.of(p).ci();
        return ci.defined() && !Double.isNaN(ci.low());
    }

    /**
     * The sentence of a pair, the better system first (more requests/s, shorter response time), e.g.
     * {@code wasimoff vs reference, p99: 12.0 vs 30.0 ms (wasimoff -60.0%): within the intervals ...}.
     */
    static String sentence(Figure figure, PointFigures a, PointFigures b, Verdict verdict) {
        double x = figure.of(a).median();
        double y = figure.of(b).median();
        boolean aBetter = figure.higherIsBetter ? x >= y : x <= y;
        PointFigures better = aBetter ? a : b;
        PointFigures worse = aBetter ? b : a;
        double good = figure.of(better).median();
        double bad = figure.of(worse).median();
        double change = bad == 0 ? Double.POSITIVE_INFINITY : 100 * (good - bad) / bad;
        String difference = figure == Figure.REQUESTS_PER_SECOND
                ? String.format(Locale.ROOT, "%s vs %s: %.2f vs %.2f requests/s (%s %+.1f%%)", better.key().system(),
                        worse.key().system(), good, bad, better.key().system(), change)
                : String.format(Locale.ROOT, "%s vs %s, %s: %.1f vs %.1f ms (%s %+.1f%%)", better.key().system(),
                        worse.key().system(), figure.label, good, bad, better.key().system(), change);
        return difference + switch (verdict) {
            case EXCEEDS -> ": **exceeds the intervals** (" + interval(figure.of(better).ci()) + " and "
                    + interval(figure.of(worse).ci()) + " do not overlap)";
            case WITHIN -> ": within the intervals (they overlap): not a measured difference";
            case UNJUDGED -> ": cannot be judged, " + List.of(better, worse).stream()
                    .filter(p -> !judgeable(figure, p))
                    .map(p -> p.key().system() + (p.repetitions() < 2 ? " ran once" : " has no " + figure.label))
                    .collect(Collectors.joining(" and "));
            case NOT_COMPARABLE -> ": **not comparable**, " + (a.withoutWanLatency() ? a : b).key().system()
                    + " ran without the WAN emulation, so none of this placement's latency is in its figures";
        };
    }

    static String interval(ConfidenceInterval ci) {
        return ci.defined() ? String.format(Locale.ROOT, "%.2f to %.2f", ci.low(), ci.high()) : "-";
    }
}
