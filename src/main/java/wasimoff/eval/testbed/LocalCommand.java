package wasimoff.eval.testbed;

import wasimoff.eval.process.ChildEnvironment;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A program run on this machine to completion, for the tools testbeds drive (docker, jlink, ldd). */
public final class LocalCommand {
    private LocalCommand() {
    }

    /** Runs {@code command}; returns its output, or throws with it when it fails or outlasts {@code timeout}. */
    public static String run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        // docker, jlink, ldd: only the Docker CLI needs more than the base
        Process p = ChildEnvironment.base().allow(ChildEnvironment.DOCKER).command(command).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " timed out after " + timeout);
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out.strip());
        }
        return out;
    }
}
