package wasimoff.eval.testbed.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wasimoff.eval.scenario.NodeRole;

class NodeSetupTest {
    @TempDir
    Path tmp;

    @Test
    void requirementsAlreadyPresentAreCheckedNotInstalled() throws Exception {
        HostKey hostKey = HostKey.generate();
        ClientKey key = ClientKey.generate();
        try (var sshd = LoopbackSshd.start(hostKey, key, tmp.resolve("sshd"));
             var node = SshNode.connect(SshNodeTest.SPEC, LoopbackSshd.ADDRESS, sshd.port(), "root",
                     hostKey.publicKey(), key, tmp.resolve("work").toString(), Duration.ofSeconds(20))) {
            var outcomes = NodeSetup.prepare(node, NodeSetup.requirements(NodeRole.BROKER, true));

            // this machine has Java 17: the check finds it and apt-get never runs
            assertThat(outcomes).containsExactly(new NodeSetup.Outcome("cloud-init finished", false),
                    new NodeSetup.Outcome("java", false));
        }
    }

    @Test
    void aMissingRequirementIsInstalledAndAFailedInstallIsReportedWithItsOutput() throws Exception {
        HostKey hostKey = HostKey.generate();
        ClientKey key = ClientKey.generate();
        Path marker = tmp.resolve("installed-marker");
        try (var sshd = LoopbackSshd.start(hostKey, key, tmp.resolve("sshd"));
             var node = SshNode.connect(SshNodeTest.SPEC, LoopbackSshd.ADDRESS, sshd.port(), "root",
                     hostKey.publicKey(), key, tmp.resolve("work").toString(), Duration.ofSeconds(20))) {
            var marked = new NodeSetup.Requirement("marker", "test -f " + marker, "touch " + marker,
                    Duration.ofSeconds(20));
            assertThat(NodeSetup.prepare(node, List.of(marked))).containsExactly(new NodeSetup.Outcome("marker", true));
            assertThat(NodeSetup.prepare(node, List.of(marked))).containsExactly(new NodeSetup.Outcome("marker", false));

            var broken = new NodeSetup.Requirement("broken", "false", "echo no such package; exit 100",
                    Duration.ofSeconds(20));
            assertThatThrownBy(() -> NodeSetup.prepare(node, List.of(broken)))
                    .hasMessageContaining("installing broken failed with exit 100")
                    .hasMessageContaining("no such package");
        }
        assertThat(NodeSetup.requirements(NodeRole.PROVIDER, true)).contains(NodeSetup.DOCKER);
        assertThat(NodeSetup.requirements(NodeRole.CLIENT, true)).doesNotContain(NodeSetup.DOCKER);
    }
}
