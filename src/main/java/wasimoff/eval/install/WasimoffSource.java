package wasimoff.eval.install;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A source tree of Wasimoff at the pinned commit ({@link Pins#WASIMOFF_COMMIT}), and where it came
 * from: {@code tree:<content hash>} for a tree on this machine, {@code git} for a clone made by the
 * installer. A tree says its commit through git ({@code .git}) or, for an extract such as
 * {@code ../shared/third-party/wasimoff}, through the {@code Commit:} line of its
 * {@code PROVENANCE.md}; a tree at another commit, or one whose commit cannot be told, is refused.
 *
 * @param tree   the tree's root (with {@code broker/}, {@code proto/}, ...)
 * @param origin {@code tree:<first 12 hex digits of the content hash>} or {@code git}
 * @param hash   the SHA-256 of the tree's files (paths and contents, {@code .git} and
 *               {@code node_modules} left out), so two trees with the same content have the same hash
 */
public record WasimoffSource(Path tree, String origin, String hash) {
    /** The setting naming a source tree; the environment's {@code WASIMOFF_SRC} is its fallback. */
    public static final String SRC = wasimoff.eval.settings.Settings.WASIMOFF_SRC.key();
    /** The setting naming the repository a clone is made from (default: Wasimoff's own). */
    public static final String GIT_URL = wasimoff.eval.settings.Settings.WASIMOFF_GIT_URL.key();
    private static final Pattern PROVENANCE_COMMIT = Pattern.compile("Commit:\\s*`?([0-9a-f]{40})`?");

    /** A tree that is not at the pinned commit, or whose commit cannot be told. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    /**
     * The source tree this run is told about or finds beside the project, in this order:
     * {@code -Dwasimoff.src}, {@code $WASIMOFF_SRC}, {@code <project>/../shared/third-party/wasimoff}.
     * Empty when none is given and none is there.
     */
    public static Optional<Path> configuredTree(Properties settings, Map<String, String> environment, Path project) {
        String given = settings.getProperty(SRC);
        if (given == null || given.isBlank()) {
            given = environment.get("WASIMOFF_SRC");
        }
        if (given != null && !given.isBlank()) {
            return Optional.of(Path.of(given.strip()).toAbsolutePath().normalize());
        }
        Path beside = project.toAbsolutePath().normalize().resolveSibling("shared").resolve("third-party/wasimoff");
        return Files.isDirectory(beside) ? Optional.of(beside) : Optional.empty();
    }

    /**
     * The Wasimoff tree a build of one of its parts starts from: the configured one
     * ({@link #configuredTree}), else the clone a broker build from git left in the cache; or why
     * there is none at the pin.
     */
    public static WasimoffSource forBuild(InstallContext context) throws Refused {
        Optional<Path> tree = configuredTree(context.settings(), context.environment(), context.project());
        if (tree.isPresent()) {
            return ofTree(tree.get());
        }
        Path clone = context.cache().root().resolve("src/wasimoff-" + Pins.shortCommit(Pins.WASIMOFF_COMMIT));
        if (Files.isDirectory(clone.resolve(".git"))) {
            return ofClone(clone);
        }
        throw new Refused("no Wasimoff source tree: none given (-D" + SRC + ", $WASIMOFF_SRC), none at"
                + " ../shared/third-party/wasimoff and no clone in " + clone.getParent());
    }

    /** {@code tree} as a source, once its commit is shown to be the pin. */
    public static WasimoffSource ofTree(Path tree) throws Refused {
        if (!Files.isDirectory(tree.resolve("broker"))) {
            throw new Refused(tree + " is not a Wasimoff source tree: it has no broker/ directory");
        }
        String commit = commitOf(tree);
        if (!commit.equals(Pins.WASIMOFF_COMMIT)) {
            throw new Refused("the Wasimoff tree " + tree + " is at commit " + commit + ", but this harness is pinned"
                    + " to " + Pins.WASIMOFF_COMMIT + "; check out the pin there (git checkout "
                    + Pins.shortCommit(Pins.WASIMOFF_COMMIT) + ") or give another tree");
        }
        String hash = contentHash(tree);
        return new WasimoffSource(tree, "tree:" + hash.substring(0, 12), hash);
    }

    /** A clone made by the installer, checked out at the pin. */
    static WasimoffSource ofClone(Path clone) throws Refused {
        WasimoffSource checked = ofTree(clone);
        return new WasimoffSource(clone, "git", checked.hash());
    }

    /**
     * The commit {@code tree} is at: its git {@code HEAD} (refused when broker/ or proto/ have local
     * changes), else the {@code Commit:} line of its {@code PROVENANCE.md}.
     */
    static String commitOf(Path tree) throws Refused {
        if (Files.exists(tree.resolve(".git"))) {
            String head = BuildCommand.of("git", "-C", tree.toString(), "rev-parse", "HEAD").output();
            if (head == null) {
                throw new Refused("git cannot read the commit of " + tree);
            }
            String changes = BuildCommand.of("git", "-C", tree.toString(), "status", "--porcelain", "--", "broker",
                    "proto", "webprovider", "wasi-apps").output();
            if (changes != null && !changes.isBlank()) {
                throw new Refused("the Wasimoff tree " + tree + " has local changes (git status: "
                        + changes.strip().lines().limit(3).toList() + "); results would not be the pinned commit's");
            }
            return head.strip();
        }
        Path provenance = tree.resolve("PROVENANCE.md");
        if (Files.isRegularFile(provenance)) {
            try {
                Matcher m = PROVENANCE_COMMIT.matcher(Files.readString(provenance));
                if (m.find()) {
                    return m.group(1);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new Refused("cannot tell which commit the Wasimoff tree " + tree + " is: it is neither a git checkout"
                + " nor has a PROVENANCE.md with a 'Commit:' line");
    }

    /** The SHA-256 over every file's relative path and content, in path order. */
    static String contentHash(Path tree) {
        try (Stream<Path> files = Files.walk(tree)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            List<Path> sorted = files.filter(Files::isRegularFile)
                    .filter(f -> !tree.relativize(f).toString().startsWith(".git")
                            && !tree.relativize(f).toString().contains("node_modules"))
                    .sorted().toList();
            for (Path f : sorted) {
                sha.update(tree.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                try (InputStream in = new DigestInputStream(Files.newInputStream(f), sha)) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
