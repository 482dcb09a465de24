package wasimoff.eval.workload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Travelling Salesman workload: our TSP WebAssembly module (built from {@code workload/tsp/tsp.c})
 * and the parsing of its output, {@code distance = <value>}.
 */
public final class Tsp {
    /** The file name under which systems store the module, as in the seed ({@code tsp.wasm}). */
    public static final String MODULE_NAME = "tsp.wasm";
    private static final String RESOURCE = "/wasimoff/eval/workload/tsp.wasm";
    private static final Pattern DISTANCE = Pattern.compile("(?m)^distance = ([0-9]+\\.[0-9]{3})$");

    private Tsp() {
    }

    /** The committed module's bytes. */
    public static byte[] module() {
        try (InputStream in = Tsp.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE + "; run workload/tsp/build.sh wasm");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The program arguments for one TSP run of size {@code n}, as the seed sent them. */
    public static String args(int n) {
        return "rand " + n;
    }

    /** The distance printed in {@code output}, or empty when the output is not a TSP result. */
    public static OptionalDouble distance(String output) {
        Matcher m = DISTANCE.matcher(output);
        return m.find() ? OptionalDouble.of(Double.parseDouble(m.group(1))) : OptionalDouble.empty();
    }

    /** Why {@code output} is not a valid TSP result, or empty when it is. */
    public static Optional<String> invalid(String output) {
        OptionalDouble d = distance(output);
        if (d.isEmpty()) {
            return Optional.of("no TSP distance in output");
        }
        return d.getAsDouble() > 0 ? Optional.empty() : Optional.of("TSP distance is not positive");
    }
}
