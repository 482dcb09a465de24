package wasimoff.eval.formats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The workload's native service time per n, as the binary-formats evaluation measured it, for reports
 * that relate throughput or latency to the work one request does: {@value #FILE} in a binaryformats
 * results directory, {@code n,mean_s,stddev_s,user_s} per line.
 */
public final class ServiceTimes {
    public static final String FILE = "service-times.csv";
    private static final String HEADER = "n,mean_s,stddev_s,user_s";

    private ServiceTimes() {
    }

    /** Writes the native results, one line per n. */
    public static void write(List<RunTimes> nativeTimes, Path file) throws IOException {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (RunTimes t : nativeTimes) {
            lines.add(String.format(Locale.ROOT, "%d,%s,%s,%s", t.n(), t.mean(), t.stddev(), t.user()));
        }
        Files.write(file, lines);
    }

    /** The mean native service time in seconds per n, from a file {@link #write} wrote. */
    public static Map<Integer, Double> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IOException(file + " is not a service-times file (header " + HEADER + ")");
        }
        Map<Integer, Double> perN = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            perN.put(Integer.parseInt(f[0]), Double.parseDouble(f[1]));
        }
        return perN;
    }
}
