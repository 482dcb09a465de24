package wasimoff.eval.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * Copying and deleting directory trees: builds work in writable copies of read-only sources (the
 * shared source tree, Go's module cache), and their temporary trees go afterwards, read-only files
 * included.
 */
public final class FileTrees {
    private FileTrees() {
    }

    /** Copies {@code from} to {@code to}, every copy writable by its owner. */
    public static void copyTree(Path from, Path to) throws IOException {
        copyTree(from, to, List.of());
    }

    /** Copies {@code from} to a writable {@code to}, leaving out the top-level entries named in {@code leaveOut}. */
    public static void copyTree(Path from, Path to, List<String> leaveOut) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path relative = from.relativize(f);
                if (relative.getNameCount() > 0 && leaveOut.contains(relative.getName(0).toString())) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
                target.toFile().setWritable(true, true);
            }
        }
    }

    /** Deletes {@code root} and everything below it, read-only files too; nothing when it is not there. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                p.toFile().setWritable(true, true);
                Files.deleteIfExists(p);
            }
        }
    }
}
