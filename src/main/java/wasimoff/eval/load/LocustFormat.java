package wasimoff.eval.load;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Locust's number formats, so our CSV files read like Locust 2.12's: percentile column labels and
 * the response-time bucketing Locust applies before it computes medians and percentiles (exact below
 * 100 ms, then rounded to 10, 100 and 1000 ms, half to even as Python's {@code round}).
 */
public final class LocustFormat {
    private LocustFormat() {
    }

    /** {@code 0.5 -> "50%"}, {@code 0.999 -> "99.9%"}, as Locust's {@code get_readable_percentiles}. */
    public static String percentileLabel(double fraction) {
        BigDecimal pct = BigDecimal.valueOf(fraction).multiply(BigDecimal.valueOf(100)).stripTrailingZeros();
        if (pct.scale() <= 0) {
            return pct.toBigInteger() + "%";
        }
        return pct.setScale(Math.min(pct.scale(), 6), RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString()
                + "%";
    }

    /** Locust's {@code bucket_response_time}: the value a response time (ms) is counted as. */
    public static long bucket(double millis) {
        int digits;
        if (millis < 100) {
            digits = 0;
        } else if (millis < 1000) {
            digits = -1;
        } else if (millis < 10000) {
            digits = -2;
        } else {
            digits = -3;
        }
        return BigDecimal.valueOf(millis).setScale(digits, RoundingMode.HALF_EVEN).longValue();
    }

    /** A number as Python's CSV writer prints Locust's floats: at most 6 decimals, at least one. */
    public static String number(double v) {
        BigDecimal d = BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return d.scale() <= 0 ? d.setScale(1).toPlainString() : d.toPlainString();
    }

    /** One CSV row as Python's csv module writes it: quoted only where needed, CRLF at the end. */
    public static void row(java.io.Writer w, java.util.List<String> cells) throws java.io.IOException {
        java.util.List<String> quoted = new java.util.ArrayList<>(cells.size());
        for (String c : cells) {
            quoted.add(c.contains(",") || c.contains("\"") || c.contains("\n") ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
        }
        w.write(String.join(",", quoted));
        w.write("\r\n");
    }
}
