package wasimoff.eval.report;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The comparison command:
 * {@code java -cp <classpath> wasimoff.eval.report.ReportMain report <results-root> [--out DIR]
 * [--runs newest|all] [--scenario ID]}, also {@code mvn -Preport [-Dresults.dir=DIR]}. It writes
 * {@link Comparison}'s charts, {@code comparison.csv} and {@code comparison.md} into {@code --out}
 * (default {@code <results-root>/comparison/}). {@code --runs all} takes every run of a point as a
 * repetition instead of the newest only; {@code --scenario} names the scenario of runs whose
 * {@code parameters.json} does not (default: the results root's directory name). Exit code 0 when
 * the comparison was written, 1 when there was nothing to compare or it failed, 2 for bad arguments.
 */
public final class ReportMain {
    private static final String USAGE =
            "usage: report <results-root> [--out DIR] [--runs newest|all] [--scenario ID]";

    private ReportMain() {
    }

    public static void main(String[] args) {
        // charts are drawn without a display
        System.setProperty("java.awt.headless", "true");
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream console, PrintStream err) {
        Path root = null;
        Path target = null;
        RunCatalog.Selection selection = RunCatalog.Selection.NEWEST;
        String scenario = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "report" -> { }
                    case "--out" -> target = Path.of(value(args, ++i, "--out"));
                    case "--runs" -> selection = selection(value(args, ++i, "--runs"));
                    case "--scenario" -> scenario = value(args, ++i, "--scenario");
                    default -> {
                        if (args[i].startsWith("--") || root != null) {
                            throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
                        }
                        root = Path.of(args[i]);
                    }
                }
            }
            if (root == null) {
                throw new IllegalArgumentException("the results root is missing");
            }
        } catch (IllegalArgumentException e) {
            err.println("report: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        Path out = target != null ? target : root.resolve("comparison");
        try {
            RunCatalog catalog = RunCatalog.read(root);
            catalog.skipped().forEach(s -> err.println("report: skipped " + s));
            if (catalog.all().isEmpty()) {
                err.println("report: no runs under " + root + " (expected <placement>/<fleet>/tsp-<n>/<system>/<timestamp>/)");
                return 1;
            }
            Path name = root.toAbsolutePath().normalize().getFileName();
            Comparison comparison = Comparison.of(root, catalog, selection,
                    scenario != null ? scenario : name == null ? "" : name.toString());
            comparison.writeTo(out);
            console.println("report: compared " + comparison.points().size() + " points of " + root + " into " + out
                    + " (comparison.csv, comparison.md, charts per placement and TSP size)");
            return 0;
        } catch (Exception e) {
            err.println("report: " + e);
            return 1;
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static RunCatalog.Selection selection(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "newest" -> RunCatalog.Selection.NEWEST;
            case "all" -> RunCatalog.Selection.ALL;
            default -> throw new IllegalArgumentException("--runs is newest or all, not '" + value + "'");
        };
    }
}
