package wasimoff.eval.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import wasimoff.eval.scenario.ScenarioPoint;

/**
 * The results tree of the seed's evaluation,
 * {@code results/<client>-<broker>-<providers>/<NNxCCc>/tsp-<n>/<system>/<timestamp>/}. A directory
 * is created atomically and never reused, so no result is ever overwritten. Each {@code <system>/}
 * directory has a symbolic link {@value #LATEST} to its newest complete run, so scripts written for
 * the seed's tree ({@code <system>/latest/locust_stats.csv}) work unchanged.
 */
public final class ResultsTree {
    /** The link in every {@code <system>/} directory to its newest run. */
    public static final String LATEST = "latest";

    /**
     * Orders run directory names oldest first: by timestamp, then by the {@code -<i>} suffix of runs
     * started within the same second (numerically, so {@code -10} follows {@code -9}).
     */
    public static final Comparator<String> RUN_ORDER = Comparator.comparing(ResultsTree::stampOf)
            .thenComparingInt(ResultsTree::suffixOf);

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'");
    private static final Pattern RUN_NAME = Pattern.compile("(.*Z)-(\\d{1,9})");
    /** Serialises link replacement within this JVM, so a newer run is never overtaken by an older one. */
    private static final Object LINK_LOCK = new Object();

    private final Path root;

    public ResultsTree(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** A new, empty directory for one run of {@code point}. */
    public Path newRunDirectory(ScenarioPoint point) {
        Path parent = root.resolve(point.resultsPath());
        String stamp = STAMP.format(ZonedDateTime.now(ZoneOffset.UTC));
        try {
            Files.createDirectories(parent);
            for (int i = 0; ; i++) {
                Path dir = parent.resolve(i == 0 ? stamp : stamp + "-" + i);
                try {
                    return Files.createDirectory(dir);
                } catch (FileAlreadyExistsException taken) {
                    // a run of the same point started within the same second: take the next suffix
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Points {@code <system>/latest} at {@code runDir} once all of the run's files are written,
     * unless it already points at a newer run (by {@link #RUN_ORDER}). The link is relative
     * ({@code latest -> <timestamp>}) and replaced atomically: a new link is made under a temporary
     * name and renamed over the old one, so a reader always finds a valid link, the old or the new.
     * Two JVMs marking runs of one point at once may leave the older of the two linked; the link is
     * valid either way.
     *
     * @param runDir a run directory of this tree, as {@link #newRunDirectory} made it
     * @return the link
     */
    public Path markLatest(Path runDir) {
        Path run = runDir.toAbsolutePath().normalize();
        if (!run.startsWith(root.toAbsolutePath().normalize()) || !Files.isDirectory(run, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException(runDir + " is not a run directory under " + root);
        }
        Path systemDir = run.getParent();
        Path link = systemDir.resolve(LATEST);
        String name = run.getFileName().toString();
        synchronized (LINK_LOCK) {
            try {
                if (Files.isSymbolicLink(link)) {
                    Path current = Files.readSymbolicLink(link);
                    if (Files.isDirectory(systemDir.resolve(current))
                            && RUN_ORDER.compare(current.getFileName().toString(), name) > 0) {
                        return link;
                    }
                }
                Path temporary = systemDir.resolve("." + LATEST + "-" + UUID.randomUUID());
                Files.createSymbolicLink(temporary, run.getFileName());
                try {
                    Files.move(temporary, link, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    Files.deleteIfExists(temporary);
                    throw e;
                }
                return link;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot link " + link + " to " + name, e);
            }
        }
    }

    private static String stampOf(String runName) {
        Matcher m = RUN_NAME.matcher(runName);
        return m.matches() ? m.group(1) : runName;
    }

    private static int suffixOf(String runName) {
        Matcher m = RUN_NAME.matcher(runName);
        return m.matches() ? Integer.parseInt(m.group(2)) : 0;
    }
}
