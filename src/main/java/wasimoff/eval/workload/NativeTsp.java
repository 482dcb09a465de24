package wasimoff.eval.workload;

import wasimoff.eval.process.ChildEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Native builds of the TSP program from {@code workload/tsp/tsp.c}, made on demand with
 * {@code workload/tsp/build.sh} (gcc for {@code native}, musl-gcc for the static {@code musl} build
 * that Serverledge's custom image runs). Needs the project checkout and a C toolchain.
 */
public final class NativeTsp {
    private NativeTsp() {
    }

    /** The static musl build, built now if it is missing or older than the source. */
    public static Path muslStatic() throws IOException, InterruptedException {
        return build("musl", "tsp-musl-static");
    }

    /**
     * Our Serverledge wrapper ({@code workload/tsp/serverledge-wrapper.c}, static musl): the seed's
     * {@code wrapper.sh} without a shell, for a {@code FROM scratch} image.
     */
    public static Path serverledgeWrapper() throws IOException, InterruptedException {
        return build("wrapper", "serverledge-wrapper", "serverledge-wrapper.c");
    }

    /** The gcc -O2 build, built now if it is missing or older than the source. */
    public static Path gcc() throws IOException, InterruptedException {
        return build("native", "tsp-native");
    }

    private static Path build(String target, String binary) throws IOException, InterruptedException {
        return build(target, binary, "tsp.c");
    }

    private static Path build(String target, String binary, String sourceFile) throws IOException, InterruptedException {
        Path dir = sourceDirectory().orElseThrow(() -> new IOException(
                "workload/tsp/build.sh not found above " + Path.of("").toAbsolutePath()));
        Path out = dir.resolve("build").resolve(binary);
        Path source = dir.resolve(sourceFile);
        if (Files.isExecutable(out) && Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(source)) >= 0) {
            return out;
        }
        Process p = ChildEnvironment.base().allow("WASI_SYSROOT")
                .command("bash", dir.resolve("build.sh").toString(), target).redirectErrorStream(true)
                .start();
        String log = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("workload/tsp/build.sh " + target + " failed: " + log.strip());
        }
        return out;
    }

    /** The project's {@code workload/tsp} directory, searched upwards from the working directory. */
    public static Optional<Path> sourceDirectory() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("workload/tsp");
            if (Files.isRegularFile(candidate.resolve("build.sh"))) {
                return Optional.of(candidate);
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }
}
