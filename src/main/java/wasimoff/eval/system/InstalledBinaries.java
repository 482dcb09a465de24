package wasimoff.eval.system;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The pinned binaries of the real systems (the Wasimoff broker, Serverledge, etcd) that
 * {@code scripts/install-systems.sh} builds into a cache directory, with the versions it recorded in
 * {@code versions.properties}. The cache is {@code $WASIMOFF_EVAL_CACHE} or
 * {@code ~/.cache/wasimoff-eval}; its {@code bin/} holds the binaries.
 */
public final class InstalledBinaries {
    /** What to tell a user whose binaries are missing. */
    public static final String INSTALL_HINT = "run scripts/install-systems.sh (needs Go and the Go module proxy)";

    private final Path bin;

    public InstalledBinaries(Path bin) {
        this.bin = bin;
    }

    /** The binaries of this machine's cache. */
    public static InstalledBinaries fromEnvironment() {
        String cache = System.getenv("WASIMOFF_EVAL_CACHE");
        Path root = cache != null && !cache.isBlank() ? Path.of(cache)
                : Path.of(System.getProperty("user.home"), ".cache", "wasimoff-eval");
        return new InstalledBinaries(root.resolve("bin"));
    }

    public Path directory() {
        return bin;
    }

    /** The executable {@code name}, if installed. */
    public Optional<Path> find(String name) {
        Path p = bin.resolve(name);
        return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }

    /** The executable {@code name}, or a failure that says how to install it. */
    public Path require(String name) {
        return find(name).orElseThrow(() -> new SystemFailure(name + " is not installed in " + bin + ": "
                + INSTALL_HINT));
    }

    /**
     * Why {@code names} cannot all be used, or empty when they are installed. Where the install
     * script recorded why it could not install a binary ({@code <name>.missing}), that is the reason.
     */
    public Optional<String> missing(String... names) {
        for (String name : names) {
            if (find(name).isEmpty()) {
                Path why = bin.resolve(name + ".missing");
                try {
                    if (Files.isRegularFile(why)) {
                        return Optional.of(name + " is not installed: " + Files.readString(why).strip()
                                .replaceAll("\\s+", " "));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return Optional.of(name + " is not installed in " + bin + "; " + INSTALL_HINT);
            }
        }
        return Optional.empty();
    }

    /** The versions recorded at install time, keys as in {@code versions.properties}. */
    public Map<String, String> versions() {
        Properties p = new Properties();
        Path file = bin.resolve("versions.properties");
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
}
