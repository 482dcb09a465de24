package wasimoff.eval.testbed.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
    void eachRequirementIsAnAllureStepHoldingItsCommandsAndTheirOutput() throws Exception {
        HostKey hostKey = HostKey.generate();
        ClientKey key = ClientKey.generate();
        Path marker = tmp.resolve("marker");
        var marked = new NodeSetup.Requirement("marker", "test -f " + marker, "echo installing it; touch " + marker,
                Duration.ofSeconds(20));
        RecordingWriter results = new RecordingWriter();
        AllureLifecycle previous = Allure.getLifecycle();
        AllureLifecycle recording = new AllureLifecycle(results);
        String uuid = UUID.randomUUID().toString();
        try (var sshd = LoopbackSshd.start(hostKey, key, tmp.resolve("sshd"));
             var node = SshNode.connect(SshNodeTest.SPEC, LoopbackSshd.ADDRESS, sshd.port(), "root",
                     hostKey.publicKey(), key, tmp.resolve("work").toString(), Duration.ofSeconds(20))) {
            Allure.setLifecycle(recording);
            recording.scheduleTestCase(new TestResult().setUuid(uuid).setName("setup"));
            recording.startTestCase(uuid);
            NodeSetup.prepare(node, List.of(marked));
            recording.stopTestCase(uuid);
            recording.writeTestCase(uuid);
        } finally {
            Allure.setLifecycle(previous);
        }

        StepResult step = results.test.getSteps().get(0);
        assertThat(step.getName()).isEqualTo("set up marker on provider-1");
        assertThat(step.getAttachments()).extracting(Attachment::getName).containsExactly(
                "provider-1$ sh -c 'test -f " + marker + "' (exit 1)",
                "provider-1$ sh -c 'echo installing it; touch " + marker + "' (exit 0)",
                "provider-1$ sh -c 'test -f " + marker + "' (exit 0)");
        assertThat(results.attachments.get(step.getAttachments().get(1).getSource())).isEqualTo("installing it\n");
    }

    /** Keeps what Allure would write to allure-results. */
    private static final class RecordingWriter implements AllureResultsWriter {
        TestResult test;
        final Map<String, String> attachments = new ConcurrentHashMap<>();

        @Override
        public void write(TestResult result) {
            test = result;
        }

        @Override
        public void write(TestResultContainer container) {
        }

        @Override
        public void write(String source, InputStream attachment) {
            try {
                attachments.put(source, new String(attachment.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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
