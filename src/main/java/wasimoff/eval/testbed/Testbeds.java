package wasimoff.eval.testbed;

import wasimoff.eval.settings.TestbedKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import wasimoff.eval.install.DebianTool;
import wasimoff.eval.install.Requirement;
import wasimoff.eval.testbed.docker.DockerTestbed;
import wasimoff.eval.testbed.embedded.EmbeddedTestbed;
import wasimoff.eval.testbed.hetzner.HetznerSettings;
import wasimoff.eval.testbed.hetzner.HetznerTestbed;
import wasimoff.eval.testbed.hetzner.RunLabels;
import wasimoff.eval.testbed.hetzner.SshConnector;
import wasimoff.eval.testbed.hetzner.api.HetznerClient;
import wasimoff.eval.testbed.hetzner.api.HetznerToken;
import wasimoff.eval.testbed.ssh.ClientKey;

/** Creates the testbed a run asks for with {@code -Dtestbed=}. */
public final class Testbeds {
    private Testbeds() {
    }

    /**
     * How a session gets its testbed: {@link Testbeds#create} unless a test supplies its own;
     * {@code chromiumOnProviders} says that provider nodes run Wasimoff's web provider in Chromium.
     */
    @FunctionalInterface
    public interface Factory {
        Testbed create(String kind, Path workDir, boolean emulateWan, String scenarioId, Properties properties,
                       boolean chromiumOnProviders);
    }

    /** What testbed {@code kind} needs installed on this machine: the docker testbed builds its node image from busybox. */
    public static List<Requirement> requirements(String kind) {
        return TestbedKind.of(kind) == TestbedKind.DOCKER ? List.of(DebianTool.DOCKER, DebianTool.BUSYBOX_STATIC)
                : List.of();
    }

    /** A testbed of {@code kind}; {@code emulateWan} adds the measured inter-location latency where that is emulated. */
    public static Testbed create(String kind, Path workDir, boolean emulateWan) {
        return create(kind, workDir, emulateWan, "adhoc", System.getProperties(), false);
    }

    /**
     * A testbed of {@code kind} for scenario {@code scenarioId}, configured from {@code properties}.
     * The Hetzner testbed is only created with a token and fails at once, saying what to set,
     * without one: it creates paid servers. {@code chromiumOnProviders} gives the docker testbed's
     * provider containers Chromium (embedded nodes have this machine's, servers install Debian's).
     */
    public static Testbed create(String kind, Path workDir, boolean emulateWan, String scenarioId,
                                 Properties properties, boolean chromiumOnProviders) {
        return switch (TestbedKind.of(kind)) {
            case EMBEDDED -> new EmbeddedTestbed(workDir, emulateWan);
            case DOCKER -> new DockerTestbed(workDir, emulateWan, chromiumOnProviders);
            case HETZNER -> hetzner(scenarioId, properties);
        };
    }

    private static Testbed hetzner(String scenarioId, Properties properties) {
        // the token first: without it nothing else matters, and nothing may be created
        HetznerToken token = HetznerToken.fromEnvironment();
        HetznerSettings settings = HetznerSettings.from(properties);
        ClientKey key = ClientKey.from(properties);
        HetznerClient api = HetznerSettings.apiClient(token, properties);
        return new HetznerTestbed(api, settings, new RunLabels(RunLabels.newRunId(), scenarioId), key.publicKeyLine(),
                new SshConnector(key, settings.bootDeadline(), true), System.out);
    }
}
