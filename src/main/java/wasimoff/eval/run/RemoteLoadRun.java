package wasimoff.eval.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import wasimoff.eval.load.ResultsWriter;
import wasimoff.eval.load.RunSpec;
import wasimoff.eval.load.RunSummary;
import wasimoff.eval.testbed.Node;

/**
 * The load generator run on a client node that is not this JVM (an SSH server, a container): the
 * run's {@link RunSpec} goes to the node as JSON, {@code java -jar harness.jar load --spec run.json
 * --out DIR} runs there, and the results directory comes back into the local results tree, where
 * it looks exactly as if the run had been in-process.
 */
public final class RemoteLoadRun {
    /** Time beyond the run time for the JVM to start, in-flight requests to finish and files to be written. */
    private static final Duration MARGIN = Duration.ofMinutes(3);

    private final Node client;

    public RemoteLoadRun(Node client) {
        this.client = client;
    }

    /**
     * Runs {@code spec} on the client node and copies its results into {@code localOut}; the console
     * output of the remote run is passed to {@code progress} once it has ended.
     */
    public RunSummary run(RunSpec spec, Path localOut, Consumer<String> progress)
            throws IOException {
        String runDir = "load/" + localOut.getFileName();
        String specPath = client.putFile(runDir + "/run-spec.json", ResultsWriter.JSON.writeValueAsBytes(spec));
        String outDir = runDir + "/out";
        List<String> command = List.of("java", "-jar", client.harnessJar(), "load", "--spec", specPath,
                "--out", outDir);
        Duration timeout = Duration.ofMillis(spec.runTimeMillis() + spec.requestTimeoutMillis()).plus(MARGIN);
        Node.CommandResult result = client.exec(command, timeout);
        result.output().lines().forEach(l -> progress.accept("[" + client.name() + "] " + l));
        if (result.exitCode() != 0) {
            List<String> lines = result.output().lines().toList();
            throw new IllegalStateException("the load run on " + client.name() + " exited with " + result.exitCode()
                    + "; its last lines:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20),
                    lines.size())));
        }
        client.fetchDirectory(outDir, localOut);
        return ResultsWriter.JSON.readValue(localOut.resolve("summary.json").toFile(), RunSummary.class);
    }
}
