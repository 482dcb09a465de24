package wasimoff.eval.testbed.ssh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** OpenSSH's own {@code ssh-keygen}, the judge of whether our key files are what OpenSSH reads. */
final class SshKeygen {
    private static final Path SSH_KEYGEN = Path.of("/usr/bin/ssh-keygen");

    private SshKeygen() {
    }

    /** Runs {@code ssh-keygen args} and returns its output; skips the test when there is no ssh-keygen. */
    static String run(String... args) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(SSH_KEYGEN), "no " + SSH_KEYGEN + ": install Debian's openssh-client");
        List<String> command = new ArrayList<>(List.of(SSH_KEYGEN.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("ssh-keygen " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }

    /** The first {@code count} space-separated fields of a key line (type and key, without the comment). */
    static String fields(String line, int count) {
        String[] parts = line.split(" ");
        return String.join(" ", java.util.Arrays.copyOf(parts, Math.min(count, parts.length)));
    }
}
