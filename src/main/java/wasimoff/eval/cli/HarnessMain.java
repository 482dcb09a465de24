package wasimoff.eval.cli;

import java.util.Arrays;
import wasimoff.eval.report.ReportMain;
import wasimoff.eval.testbed.ServiceMain;
import wasimoff.eval.load.LoadMain;
import wasimoff.eval.testbed.hetzner.HetznerCleanup;

/**
 * The command line of {@code harness.jar} on remote nodes: {@code load --spec run.json --out DIR}
 * runs the load generator ({@link LoadMain}), {@code service <class> [args]} runs one of our
 * services until SIGTERM ({@link ServiceMain}), {@code cleanup (--run-id ID | --all) [--dry-run]} deletes
 * what the harness created on Hetzner ({@link HetznerCleanup}).
 */
public final class HarnessMain {
    private HarnessMain() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "" : args[0];
        switch (command) {
            case "load" -> LoadMain.main(args);
            case "service" -> ServiceMain.main(Arrays.copyOfRange(args, 1, args.length));
            case "cleanup" -> HetznerCleanup.main(args);
            case "report" -> ReportMain.main(args);
            case "ping" -> PingMain.main(args);
            default -> {
                System.err.println((command.isEmpty() ? "no command" : "unknown command '" + command + "'")
                        + "; valid: load, service, cleanup, report, ping");
                System.err.println("usage: java -jar harness.jar load --spec run.json --out DIR");
                System.err.println("       java -jar harness.jar service <service class> [args...]");
                System.err.println("       java -jar harness.jar cleanup (--run-id ID | --all) [--dry-run]");
                System.err.println("       java -jar harness.jar report <results root> [--out DIR] [--runs newest|all]");
                System.err.println("       java -jar harness.jar ping --from ADDRESS --to HOST:PORT --count N --interval-ms MS");
                System.exit(2);
            }
        }
    }
}
