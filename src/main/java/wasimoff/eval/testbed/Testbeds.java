package wasimoff.eval.testbed;

import java.nio.file.Path;
import wasimoff.eval.testbed.embedded.EmbeddedTestbed;

/** Creates the testbed a run asks for with {@code -Dtestbed=}. */
public final class Testbeds {
    private Testbeds() {
    }

    /** A testbed of {@code kind}; {@code emulateWan} adds the measured inter-location latency where that is emulated. */
    public static Testbed create(String kind, Path workDir, boolean emulateWan) {
        return switch (kind) {
            case "embedded" -> new EmbeddedTestbed(workDir, emulateWan);
            case "docker" -> throw new UnsupportedOperationException(
                    "-Dtestbed=docker is not available in this version yet (local containers testbed, issue 10); "
                            + "use -Dtestbed=embedded");
            case "hetzner" -> throw new UnsupportedOperationException(
                    "-Dtestbed=hetzner is not available in this version yet (Hetzner testbed, issue 5); "
                            + "use -Dtestbed=embedded");
            default -> throw new IllegalArgumentException("unknown testbed '" + kind
                    + "'; valid: embedded, docker, hetzner");
        };
    }
}
