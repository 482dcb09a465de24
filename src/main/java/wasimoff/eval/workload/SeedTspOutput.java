package wasimoff.eval.workload;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The output of the seed's TSP program ({@code wasi-apps/travelling_salesman}): stdout is one line
 * {@code distance = <f64>} as Rust's {@code Display} prints it (shortest round-trip digits, no
 * exponent), stderr one line {@code path = ["City", ...]}. Wasimoff's {@code /api/client/run}
 * answers stderr above stdout; Serverledge's result is stdout alone.
 */
public final class SeedTspOutput {
    private static final Pattern DISTANCE = Pattern.compile("distance = ((?:0|[1-9][0-9]*)(?:\\.[0-9]+)?)");
    private static final Pattern PATH = Pattern.compile("path = \\[(?:\"[^\"\\\\]*\"(?:, \"[^\"\\\\]*\")*)?]");

    private SeedTspOutput() {
    }

    /**
     * The distance as printed, from an output that is exactly a distance line, optionally preceded
     * by the path line, with at most one final newline; empty for anything else.
     */
    public static Optional<String> distanceText(String output) {
        String body = output.endsWith("\n") ? output.substring(0, output.length() - 1) : output;
        String[] lines = body.split("\n", -1);
        if (lines.length > 2 || lines.length == 2 && !PATH.matcher(lines[0]).matches()) {
            return Optional.empty();
        }
        Matcher m = DISTANCE.matcher(lines[lines.length - 1]);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Why {@code output} is not a result of the seed's program, or empty when it is. */
    public static Optional<String> invalid(String output) {
        Optional<String> d = distanceText(output);
        if (d.isEmpty()) {
            return Optional.of("no seed TSP distance in output");
        }
        return Double.parseDouble(d.get()) > 0 ? Optional.empty() : Optional.of("TSP distance is not positive");
    }
}
