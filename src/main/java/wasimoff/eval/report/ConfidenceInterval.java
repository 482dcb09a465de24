package wasimoff.eval.report;

import java.util.Arrays;

/**
 * The 95% confidence interval of the mean of a few repetitions, with Student's t-distribution (the
 * repetitions of one point are few, so the normal distribution's 1.96 would be too narrow).
 * With fewer than two values there is no interval: {@link #defined()} is false and the bounds are NaN.
 */
public record ConfidenceInterval(int n, double mean, double low, double high) {
    /** t(0.975, df) for df = 1..30. */
    private static final double[] T975 = {12.706204736, 4.302652730, 3.182446305, 2.776445105, 2.570581836,
            2.446911851, 2.364624252, 2.306004135, 2.262157163, 2.228138852, 2.200985160, 2.178812830,
            2.160368656, 2.144786688, 2.131449546, 2.119905299, 2.109815578, 2.100922040, 2.093024054,
            2.085963447, 2.079613845, 2.073873068, 2.068657610, 2.063898562, 2.059538553, 2.055529439,
            2.051830516, 2.048407142, 2.045229642, 2.042272456};
    private static final double Z975 = 1.959963984540054;

    /** The interval of the mean of {@code values}. */
    public static ConfidenceInterval of95(double... values) {
        int n = values.length;
        double mean = Arrays.stream(values).average().orElse(Double.NaN);
        if (n < 2) {
            return new ConfidenceInterval(n, mean, Double.NaN, Double.NaN);
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double halfWidth = t975(n - 1) * Math.sqrt(squares / (n - 1)) / Math.sqrt(n);
        return new ConfidenceInterval(n, mean, mean - halfWidth, mean + halfWidth);
    }

    /**
     * The 97.5% quantile of Student's t-distribution with {@code df} degrees of freedom: from the
     * table up to 30, above that the Cornish-Fisher expansion around the normal quantile (error below
     * 1e-5 there).
     */
    public static double t975(int df) {
        if (df < 1) {
            throw new IllegalArgumentException("degrees of freedom must be positive: " + df);
        }
        if (df <= T975.length) {
            return T975[df - 1];
        }
        double z = Z975;
        double z3 = z * z * z;
        double z5 = z3 * z * z;
        double z7 = z5 * z * z;
        double z9 = z7 * z * z;
        double v = df;
        return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v)
                + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v)
                + (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * v * v * v * v);
    }

    /** True with at least two values. */
    public boolean defined() {
        return n >= 2;
    }

    /** True when both intervals are defined and share a point. */
    public boolean overlaps(ConfidenceInterval other) {
        return defined() && other.defined() && low <= other.high && other.low <= high;
    }
}
