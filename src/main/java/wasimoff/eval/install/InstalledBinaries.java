package wasimoff.eval.install;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The cache the {@link Installer} builds the real systems into: {@code bin/} holds their pinned
 * binaries (the Wasimoff broker, Serverledge, a link to etcd) and {@code bin/versions.properties}
 * what was installed from where. The cache is {@code -Dcache.dir}, else {@code $WASIMOFF_EVAL_CACHE},
 * else {@code ~/.cache/wasimoff-eval}.
 */
public final class InstalledBinaries {
    /** The setting that moves the cache (for a run or a test), before the environment variable. */
    public static final String CACHE_DIR = wasimoff.eval.settings.Settings.CACHE_DIR.key();
    private static final String VERSIONS = "versions.properties";

    private final Path root;
    private final Path bin;

    public InstalledBinaries(Path root) {
        this.root = root;
        this.bin = root.resolve("bin");
    }

    /** The cache named by {@code -Dcache.dir}, {@code $WASIMOFF_EVAL_CACHE} or the default. */
    public static InstalledBinaries fromEnvironment() {
        return from(System.getProperty(CACHE_DIR), System.getenv("WASIMOFF_EVAL_CACHE"));
    }

    /** The cache named by {@code setting} (a {@value #CACHE_DIR} value), else by {@code environment}, else the default. */
    public static InstalledBinaries from(String setting, String environment) {
        String dir = setting != null && !setting.isBlank() ? setting
                : environment != null && !environment.isBlank() ? environment : null;
        return new InstalledBinaries(dir != null ? Path.of(dir)
                : Path.of(System.getProperty("user.home"), ".cache", "wasimoff-eval"));
    }

    /** The cache's root; builds keep their work below it. */
    public Path root() {
        return root;
    }

    public Path directory() {
        return bin;
    }

    /** The executable {@code name}, if installed. */
    public Optional<Path> find(String name) {
        Path p = bin.resolve(name);
        return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }

    /** The executable {@code name}, or a failure that says it is missing; the installer puts it there. */
    public Path require(String name) {
        return find(name).orElseThrow(() -> new IllegalStateException(name + " is not installed in " + bin
                + "; the installer runs before a scenario's first point (-Dinstall=on)"));
    }

    /** The versions recorded at install time, keys as in {@code versions.properties}. */
    public Map<String, String> versions() {
        Properties p = new Properties();
        Path file = bin.resolve(VERSIONS);
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<String, String> m = new TreeMap<>();
        p.forEach((k, v) -> m.put(k.toString(), v.toString()));
        return m;
    }

    /**
     * Adds {@code entries} to {@code versions.properties}, replacing the file atomically so that a
     * reader never sees half of it.
     */
    public synchronized void record(Map<String, String> entries) throws IOException {
        Files.createDirectories(bin);
        // sorted (versions() is a TreeMap), so that two caches with the same contents have the same file
        Map<String, String> all = versions();
        all.putAll(entries);
        Path tmp = Files.createTempFile(bin, VERSIONS, ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp)) {
            for (var e : all.entrySet()) {
                w.write(escapeKey(e.getKey()) + "=" + escapeValue(e.getValue()) + "\n");
            }
        }
        Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        Files.move(tmp, bin.resolve(VERSIONS), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String escapeKey(String s) {
        return escapeValue(s).replace("=", "\\=").replace(":", "\\:").replace(" ", "\\ ");
    }

    private static String escapeValue(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n");
    }
}
