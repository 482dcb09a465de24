package wasimoff.eval.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import wasimoff.eval.scenario.ScenarioPoint;

/**
 * The results tree of the seed's evaluation,
 * {@code results/<client>-<broker>-<providers>/<NNxCCc>/tsp-<n>/<system>/<timestamp>/}. A directory
 * is created atomically and never reused, so no result is ever overwritten.
 */
public final class ResultsTree {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'");

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
}
