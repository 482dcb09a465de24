package wasimoff.eval.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WasimoffSourceTest {
    private static final Path SHARED_TREE = Path.of("..", "shared", "third-party", "wasimoff").toAbsolutePath().normalize();
    private static final String OTHER_COMMIT = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path dir;

    @Test
    void theTreeBesideTheProjectIsFoundAndAcceptedAtThePinWithItsContentHash() throws Exception {
        Path found = WasimoffSource.configuredTree(new Properties(), Map.of(), Path.of("")).orElseThrow();
        assertThat(found).isEqualTo(SHARED_TREE);
        WasimoffSource source = WasimoffSource.ofTree(found);
        assertThat(source.hash()).matches("[0-9a-f]{64}");
        assertThat(source.origin()).isEqualTo("tree:" + source.hash().substring(0, 12));
    }

    @Test
    void theSettingComesBeforeTheEnvironmentWhichComesBeforeTheSharedTree() {
        Properties settings = new Properties();
        settings.setProperty(WasimoffSource.SRC, "/from/setting");
        Map<String, String> env = Map.of("WASIMOFF_SRC", "/from/env");
        assertThat(WasimoffSource.configuredTree(settings, env, Path.of(""))).contains(Path.of("/from/setting"));
        assertThat(WasimoffSource.configuredTree(new Properties(), env, Path.of(""))).contains(Path.of("/from/env"));
        assertThat(WasimoffSource.configuredTree(new Properties(), Map.of(), dir)).isEmpty();
    }

    @Test
    void aTreeWhoseProvenanceNamesAnotherCommitIsRefusedNamingBothCommits() throws IOException {
        Files.createDirectories(dir.resolve("broker"));
        Files.writeString(dir.resolve("PROVENANCE.md"), "- Commit: `" + OTHER_COMMIT + "` (some day)\n");
        assertThatThrownBy(() -> WasimoffSource.ofTree(dir)).isInstanceOf(WasimoffSource.Refused.class)
                .hasMessageContaining(OTHER_COMMIT).hasMessageContaining(Pins.WASIMOFF_COMMIT);
    }

    @Test
    void aGitCheckoutAtAnotherCommitIsRefusedNamingBothCommits() throws Exception {
        Files.createDirectories(dir.resolve("broker"));
        Files.writeString(dir.resolve("broker/main.go"), "package main\n");
        git("init", "-q");
        git("add", ".");
        git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "not the pin");
        String head = BuildCommand.of("git", "-C", dir.toString(), "rev-parse", "HEAD").output().strip();
        assertThatThrownBy(() -> WasimoffSource.ofTree(dir)).isInstanceOf(WasimoffSource.Refused.class)
                .hasMessageContaining(head).hasMessageContaining(Pins.WASIMOFF_COMMIT);

        Files.writeString(dir.resolve("broker/main.go"), "package main // edited\n");
        assertThatThrownBy(() -> WasimoffSource.ofTree(dir)).hasMessageContaining("local changes");
    }

    @Test
    void aTreeThatCannotTellItsCommitIsRefused() throws IOException {
        Files.createDirectories(dir.resolve("broker"));
        assertThatThrownBy(() -> WasimoffSource.ofTree(dir)).hasMessageContaining("cannot tell which commit");
        assertThatThrownBy(() -> WasimoffSource.ofTree(dir.resolve("nothing-here")))
                .hasMessageContaining("not a Wasimoff source tree");
    }

    @Test
    void theContentHashFollowsEveryFileButNotGitOrNodeModules() throws IOException {
        Files.createDirectories(dir.resolve("broker"));
        Files.writeString(dir.resolve("broker/a.go"), "a");
        String before = WasimoffSource.contentHash(dir);
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve(".git/HEAD"), "x");
        Files.createDirectories(dir.resolve("webprovider/node_modules/x"));
        Files.writeString(dir.resolve("webprovider/node_modules/x/i.js"), "x");
        assertThat(WasimoffSource.contentHash(dir)).isEqualTo(before);
        Files.writeString(dir.resolve("broker/a.go"), "b");
        assertThat(WasimoffSource.contentHash(dir)).isNotEqualTo(before);
        Files.writeString(dir.resolve("broker/a.go"), "a");
        Files.move(dir.resolve("broker/a.go"), dir.resolve("broker/b.go"));
        assertThat(WasimoffSource.contentHash(dir)).as("a renamed file").isNotEqualTo(before);
    }

    private void git(String... args) throws Exception {
        String[] command = new String[args.length + 3];
        command[0] = "git";
        command[1] = "-C";
        command[2] = dir.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        assertThat(BuildCommand.of(command).run(l -> { }, "").ok()).as(String.join(" ", command)).isTrue();
    }
}
