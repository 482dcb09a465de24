package wasimoff.eval.load;

import java.nio.file.Path;
import wasimoff.eval.workload.ResponseChecks;

/**
 * Command-line entry of the load generator, the same code the harness runs in-process:
 * {@code java -jar harness.jar load --spec run.json --out DIR}. Exit code 0 when the run completed
 * (whatever its failures), 2 for bad arguments.
 */
public final class LoadMain {
    private LoadMain() {
    }

    public static void main(String[] args) throws Exception {
        Path spec = null;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "load" -> { }
                case "--spec" -> spec = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> usage("unknown argument '" + args[i] + "'");
            }
        }
        if (spec == null || out == null) {
            usage("--spec and --out are required");
        }
        RunSpec runSpec = ResultsWriter.JSON.readValue(spec.toFile(), RunSpec.class);
        RunSummary s = new LoadRunner(runSpec, ResponseChecks.named(runSpec.check()), System.out::println).run(out);
        System.out.printf("%s: %d sent, %d ok, %d failed, %.1f req/s%n", s.name(), s.sent(), s.succeeded(),
                s.failed(), s.requestsPerSecond());
    }

    private static void usage(String problem) {
        System.err.println("load: " + problem);
        System.err.println("usage: load --spec run.json --out DIR");
        System.exit(2);
    }
}
