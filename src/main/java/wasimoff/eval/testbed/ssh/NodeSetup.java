package wasimoff.eval.testbed.ssh;

import io.qameta.allure.Allure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import wasimoff.eval.scenario.NodeRole;
import wasimoff.eval.testbed.Node;

/**
 * What a fresh Debian 12 server needs before a role's services can run on it, installed over SSH:
 * a Java runtime everywhere (our services, our Wasimoff provider and the load generator are Java),
 * and the Docker engine on provider nodes that run Serverledge. Every requirement is checked first
 * and installed only when missing, so setting up a reused server costs one command per requirement.
 */
public final class NodeSetup {
    // a fresh server's apt timers may hold the package lock for minutes: wait for it, not fail
    private static final String APT = "export DEBIAN_FRONTEND=noninteractive; apt-get -o DPkg::Lock::Timeout=300"
            + " update -q && apt-get -o DPkg::Lock::Timeout=300 install -y -q --no-install-recommends ";

    /** Waits for cloud-init to finish: until then it holds apt's lock and may still be writing the host key. */
    public static final Requirement CLOUD_INIT = new Requirement("cloud-init finished",
            "! command -v cloud-init >/dev/null || cloud-init status --wait >/dev/null; true", "true",
            Duration.ofMinutes(10));

    /** A Java 17 (or newer) runtime. */
    public static final Requirement JAVA = new Requirement("java",
            "java -version 2>&1 | head -1 | grep -Eq 'version \"(1[7-9]|[2-9][0-9])'",
            APT + "openjdk-17-jre-headless", Duration.ofMinutes(10));

    /** Debian's Docker engine, running. */
    public static final Requirement DOCKER = new Requirement("docker",
            "docker version --format '{{.Server.Version}}' >/dev/null 2>&1",
            APT + "docker.io && systemctl enable --now docker", Duration.ofMinutes(10));

    /**
     * One thing a node needs: a shell test that succeeds when it is there, and the commands that
     * install it.
     */
    public record Requirement(String name, String check, String install, Duration timeout) {
    }

    /** What setting up one requirement did. */
    public record Outcome(String requirement, boolean installed) {
    }

    private NodeSetup() {
    }

    /** The requirements of {@code role}; {@code docker} adds the Docker engine to provider nodes. */
    public static List<Requirement> requirements(NodeRole role, boolean docker) {
        List<Requirement> all = new ArrayList<>(List.of(CLOUD_INIT, JAVA));
        if (docker && role == NodeRole.PROVIDER) {
            all.add(DOCKER);
        }
        return all;
    }

    /** Checks and, where missing, installs each requirement in order, one Allure step each. */
    public static List<Outcome> prepare(Node node, List<Requirement> requirements) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Requirement r : requirements) {
            outcomes.add(Allure.step("set up " + r.name() + " on " + node.name(), () -> ensure(node, r)));
        }
        return outcomes;
    }

    private static Outcome ensure(Node node, Requirement r) {
        if (node.exec(List.of("sh", "-c", r.check()), Duration.ofMinutes(1)).exitCode() == 0) {
            return new Outcome(r.name(), false);
        }
        System.out.println("[setup] " + node.name() + ": installing " + r.name());
        Node.CommandResult install = node.exec(List.of("sh", "-c", r.install()), r.timeout());
        if (install.exitCode() != 0) {
            throw new IllegalStateException(node.name() + ": installing " + r.name() + " failed with exit "
                    + install.exitCode() + ":\n" + install.output());
        }
        Node.CommandResult again = node.exec(List.of("sh", "-c", r.check()), Duration.ofMinutes(1));
        if (again.exitCode() != 0) {
            throw new IllegalStateException(node.name() + ": " + r.name() + " was installed but its check still fails: "
                    + r.check() + "\n" + again.output());
        }
        return new Outcome(r.name(), true);
    }
}
