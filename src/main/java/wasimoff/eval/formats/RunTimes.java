package wasimoff.eval.formats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The run-time statistics of one command at one parameter value, with hyperfine's
 * {@code --export-csv} columns: {@code command,mean,stddev,median,user,system,min,max,parameter_n}
 * (seconds; stddev as hyperfine's sample standard deviation).
 */
public record RunTimes(String command, double mean, double stddev, double median, double user, double system,
                       double min, double max, int n) {

    /** The CSV header hyperfine writes. */
    public static final String HEADER = "command,mean,stddev,median,user,system,min,max,parameter_n";

    /** Statistics of wall times and per-run user and system CPU times (all in seconds). */
    public static RunTimes of(String command, int n, List<Double> wall, List<Double> user, List<Double> system) {
        List<Double> sorted = new ArrayList<>(wall);
        Collections.sort(sorted);
        double mean = wall.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double var = wall.size() < 2 ? 0
                : wall.stream().mapToDouble(w -> (w - mean) * (w - mean)).sum() / (wall.size() - 1);
        int k = sorted.size();
        double median = k % 2 == 1 ? sorted.get(k / 2) : (sorted.get(k / 2 - 1) + sorted.get(k / 2)) / 2;
        return new RunTimes(command, mean, Math.sqrt(var), median,
                user.stream().mapToDouble(Double::doubleValue).average().orElse(0),
                system.stream().mapToDouble(Double::doubleValue).average().orElse(0), sorted.get(0), sorted.get(k - 1), n);
    }

    /** Parses one data line of a hyperfine CSV export. */
    public static RunTimes parse(String line) {
        // the command may contain commas; the last eight fields never do
        int cut = line.length();
        String[] tail = new String[8];
        for (int i = 7; i >= 0; i--) {
            int comma = line.lastIndexOf(',', cut - 1);
            tail[i] = line.substring(comma + 1, cut);
            cut = comma;
        }
        String command = line.substring(0, cut);
        if (command.startsWith("\"") && command.endsWith("\"")) {
            command = command.substring(1, command.length() - 1).replace("\"\"", "\"");
        }
        return new RunTimes(command, d(tail[0]), d(tail[1]), d(tail[2]), d(tail[3]), d(tail[4]), d(tail[5]),
                d(tail[6]), (int) Double.parseDouble(tail[7]));
    }

    /** This result with the command {@code <variant>(<n>)}, e.g. {@code native(10)}. */
    public RunTimes labelled(String variant) {
        return new RunTimes(variant + "(" + n + ")", mean, stddev, median, user, system, min, max, n);
    }

    public String csv() {
        String cmd = command.contains(",") || command.contains("\"") ? "\"" + command.replace("\"", "\"\"") + "\"" : command;
        return String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%s,%s,%s,%d", cmd, mean, stddev, median, user, system, min,
                max, n);
    }

    private static double d(String s) {
        return Double.parseDouble(s);
    }
}
