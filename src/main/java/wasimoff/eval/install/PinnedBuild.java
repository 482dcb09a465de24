package wasimoff.eval.install;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the cache records a part of Wasimoff built from its pinned source (the web provider, the
 * Deno provider): the versions.properties keys of its commit and directory, and a file the
 * directory must hold. Answers whether the cache has it at the pin, and if not, why.
 */
record PinnedBuild(String what, String commitKey, String dirKey, String marker) {
    /** The built directory, if the cache holds one of the pinned commit with {@link #marker} in it. */
    Optional<Path> dir(InstalledBinaries cache) {
        Map<String, String> versions = cache.versions();
        String dir = versions.get(dirKey);
        if (dir == null || !Pins.WASIMOFF_COMMIT.equals(versions.get(commitKey))) {
            return Optional.empty();
        }
        Path built = cache.root().resolve(dir);
        return Files.exists(built.resolve(marker)) ? Optional.of(built) : Optional.empty();
    }

    /** The built directory, or a failure saying the installer has not built it. */
    Path require(InstalledBinaries cache) {
        return dir(cache).orElseThrow(() -> new IllegalStateException(what + " is not built in " + cache.root()
                + "; the installer runs before a scenario's first point (-Dinstall=on)"));
    }

    /** Why the cache does not hold it at the pin, or empty when it does. */
    Optional<String> missing(InstalledBinaries cache) {
        if (dir(cache).isPresent()) {
            return Optional.empty();
        }
        String recorded = cache.versions().get(commitKey);
        if (recorded == null) {
            return Optional.of(what + " is not built in " + cache.root());
        }
        if (!recorded.equals(Pins.WASIMOFF_COMMIT)) {
            return Optional.of(what + " in " + cache.root() + " is of commit " + recorded + ", not the pinned "
                    + Pins.WASIMOFF_COMMIT);
        }
        return Optional.of(what + " recorded in " + cache.root() + " is gone (" + cache.versions().get(dirKey) + ")");
    }
}
