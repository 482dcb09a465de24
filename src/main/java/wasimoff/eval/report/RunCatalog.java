package wasimoff.eval.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every run of a results tree ({@code <placement>/<fleet>/tsp-<n>/<system>/<timestamp>/}), read back
 * with {@link RunResult#read}, grouped by point and ordered oldest first. A directory of the layout
 * that cannot be read (a run that was killed before it wrote its files) is skipped and named in
 * {@link #skipped()}; {@code latest} links and other directories are not runs.
 */
public final class RunCatalog {
    /** Which runs of a point a comparison uses. */
    public enum Selection {
        /** The newest run of each point only (a point repeated after a fix counts once). */
        NEWEST,
        /** Every run of a point, as repetitions. */
        ALL
    }

    private static final Pattern TSP = Pattern.compile("tsp-(\\d+)");

    private final Map<PointKey, List<RunResult>> runs;
    private final List<String> skipped;

    private RunCatalog(Map<PointKey, List<RunResult>> runs, List<String> skipped) {
        this.runs = runs;
        this.skipped = skipped;
    }

    /** Reads every run under {@code root}. */
    public static RunCatalog read(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException("no results directory at " + root);
        }
        Map<PointKey, List<RunResult>> runs = new TreeMap<>(PointKey.ORDER);
        List<String> skipped = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(root, 5)) {
            for (Path dir : paths.filter(p -> root.relativize(p).getNameCount() == 5).sorted().toList()) {
                Path rel = root.relativize(dir);
                Matcher tsp = TSP.matcher(rel.getName(2).toString());
                String stamp = rel.getName(4).toString();
                if (!tsp.matches() || stamp.startsWith(".") || stamp.equals(ResultsTree.LATEST)
                        || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || !Files.exists(dir.resolve("run.json"))) {
                    continue;
                }
                try {
                    RunResult run = RunResult.read(dir);
                    PointKey key = new PointKey(rel.getName(0).toString(), rel.getName(1).toString(),
                            Integer.parseInt(tsp.group(1)), rel.getName(3).toString());
                    runs.computeIfAbsent(key, k -> new ArrayList<>()).add(run);
                } catch (IOException | RuntimeException e) {
                    skipped.add(rel + ": " + e.getMessage());
                }
            }
        }
        Comparator<RunResult> oldestFirst = Comparator.comparing(r -> r.directory().getFileName().toString(),
                ResultsTree.RUN_ORDER);
        runs.values().forEach(list -> list.sort(oldestFirst));
        return new RunCatalog(runs, List.copyOf(skipped));
    }

    /** Every run of every point, oldest first. */
    public Map<PointKey, List<RunResult>> all() {
        return runs;
    }

    /** The runs of each point that {@code selection} takes, oldest first. */
    public Map<PointKey, List<RunResult>> select(Selection selection) {
        Map<PointKey, List<RunResult>> selected = new TreeMap<>(PointKey.ORDER);
        runs.forEach((key, list) -> selected.put(key,
                selection == Selection.ALL ? list : List.of(list.get(list.size() - 1))));
        return selected;
    }

    /** A catalogue of only the runs in {@code dirs}, e.g. those one scenario run wrote. */
    public RunCatalog only(java.util.Collection<Path> dirs) {
        java.util.Set<Path> wanted = new java.util.HashSet<>();
        dirs.forEach(d -> wanted.add(d.toAbsolutePath().normalize()));
        Map<PointKey, List<RunResult>> kept = new TreeMap<>(PointKey.ORDER);
        runs.forEach((key, list) -> {
            List<RunResult> mine = list.stream()
                    .filter(r -> wanted.contains(r.directory().toAbsolutePath().normalize())).toList();
            if (!mine.isEmpty()) {
                kept.put(key, mine);
            }
        });
        return new RunCatalog(kept, skipped);
    }

    /** Directories of the layout that were not readable as runs, with the reason. */
    public List<String> skipped() {
        return skipped;
    }
}
