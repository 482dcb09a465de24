package wasimoff.eval.install;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * What an installation works with: the cache, the run's settings and environment (for
 * {@code wasimoff.src}, {@code WASIMOFF_SRC}), the project directory (whose sibling
 * {@code ../shared/third-party/wasimoff} may hold Wasimoff's source) and where progress lines go.
 */
public record InstallContext(InstalledBinaries cache, Properties settings, Map<String, String> environment,
                             Path project, Consumer<String> progress) {
    /** A context for this JVM: its system properties, environment and working directory. */
    public static InstallContext ofThisJvm(Consumer<String> progress) {
        return new InstallContext(InstalledBinaries.fromEnvironment(), System.getProperties(), System.getenv(),
                Path.of("").toAbsolutePath(), progress);
    }

    void say(String line) {
        progress.accept("   " + line);
    }
}
