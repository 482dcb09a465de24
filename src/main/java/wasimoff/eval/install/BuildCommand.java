package wasimoff.eval.install;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import wasimoff.eval.process.ChildEnvironment;

/**
 * One step of an installation run on this machine (go, git, apt-get): its output goes line by line
 * to the progress output while it runs, since builds take a minute and a silent minute looks hung,
 * and its last lines are kept for the error when it fails.
 */
final class BuildCommand {
    private static final int KEPT_LINES = 25;

    private final List<String> command;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Path directory;
    private Duration timeout = Duration.ofMinutes(10);

    private BuildCommand(List<String> command) {
        this.command = List.copyOf(command);
    }

    static BuildCommand of(String... command) {
        return new BuildCommand(List.of(command));
    }

    BuildCommand in(Path dir) {
        this.directory = dir;
        return this;
    }

    BuildCommand env(String key, String value) {
        environment.put(key, value);
        return this;
    }

    BuildCommand timeout(Duration t) {
        this.timeout = t;
        return this;
    }

    /** What ran and how it ended. */
    record Result(int exitCode, List<String> lastLines) {
        boolean ok() {
            return exitCode == 0;
        }

        String tail() {
            return String.join("\n", lastLines);
        }
    }

    /** Runs the command; every output line goes to {@code progress} prefixed with {@code indent}. */
    Result run(Consumer<String> progress, String indent) throws IOException, InterruptedException {
        ProcessBuilder pb = ChildEnvironment.base().allow(ChildEnvironment.BUILD_TOOLS).with(environment).command(command)
                .redirectErrorStream(true);
        if (directory != null) {
            pb.directory(directory.toFile());
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return new Result(127, List.of(command.get(0) + ": " + e.getMessage()));
        }
        Deque<String> last = new ArrayDeque<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (last) {
                        last.addLast(line);
                        if (last.size() > KEPT_LINES) {
                            last.removeFirst();
                        }
                    }
                    progress.accept(indent + line);
                }
            } catch (IOException ignored) {
                // the process ended; what it wrote so far is kept
            }
        }, "build-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                reader.join(2000);
                synchronized (last) {
                    last.addLast(String.join(" ", command) + " did not finish within " + timeout.toSeconds() + " s");
                    return new Result(124, List.copyOf(last));
                }
            }
        } catch (InterruptedException e) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw e;
        }
        reader.join(5000);
        synchronized (last) {
            return new Result(p.exitValue(), List.copyOf(last));
        }
    }

    /**
     * Runs the step as part of an installation: its output goes to {@code context}'s progress, and a
     * failure is an {@link InstallException} that names the step, {@code where} it ran and its last lines.
     */
    void runToInstall(InstallContext context, String where) throws IOException, InterruptedException, InstallException {
        Result r = run(context.progress(), "     ");
        if (!r.ok()) {
            throw new InstallException(this + " failed " + where + ":\n" + r.tail());
        }
    }

    /** Runs the command quietly and returns its output, or null when it cannot start or fails. */
    String output() {
        try {
            StringBuilder out = new StringBuilder();
            Result r = run(l -> out.append(l).append('\n'), "");
            return r.ok() ? out.toString() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public String toString() {
        return String.join(" ", command);
    }
}
