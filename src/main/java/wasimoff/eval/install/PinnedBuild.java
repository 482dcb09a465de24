package wasimoff.eval.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the cache records a part of Wasimoff built from its pinned source (the web provider, the
 * Deno provider): the versions.properties keys of its commit, source hash, source and directory,
 * and a file the directory must hold. Records a build, and answers whether the cache has it at the
 * pin, and if not, why.
 */
record PinnedBuild(String what, String commitKey, String hashKey, String sourceKey, String dirKey, String marker) {
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

    /** A build's steps, given the pinned source and a fresh scratch directory under the cache's {@code build/}. */
    interface Steps {
        void run(WasimoffSource source, Path scratch) throws IOException, InterruptedException, InstallException;
    }

    /**
     * Builds it: finds the pinned source ({@link WasimoffSource#forBuild}), runs {@code steps} in a
     * scratch directory (removed afterwards, whatever happens) and turns I/O failures and interruption
     * into {@link InstallException}s that say what was being built.
     */
    void build(InstallContext context, Steps steps) throws InstallException {
        WasimoffSource source;
        try {
            source = WasimoffSource.forBuild(context);
        } catch (WasimoffSource.Refused e) {
            throw new InstallException(what + ": " + e.getMessage(), e);
        }
        try {
            Path work = Files.createDirectories(context.cache().root().resolve("build"));
            Path scratch = Files.createTempDirectory(work, dirKey.replaceAll("\\W", "-"));
            try {
                steps.run(source, scratch);
            } finally {
                FileTrees.deleteTree(scratch);
            }
        } catch (IOException e) {
            throw new InstallException("building " + what + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InstallException("interrupted while building " + what, e);
        }
    }

    /** Records in {@code cache} that {@code dir} was built from {@code source}, with {@code more} entries. */
    void record(InstalledBinaries cache, WasimoffSource source, Path dir, Map<String, String> more) throws IOException {
        Map<String, String> record = new LinkedHashMap<>();
        record.put(commitKey, Pins.WASIMOFF_COMMIT);
        record.put(hashKey, source.hash());
        record.put(sourceKey, source.origin());
        record.put(dirKey, cache.root().relativize(dir).toString());
        record.putAll(more);
        cache.record(record);
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
