package wasimoff.eval.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What a run (one JVM) started on this machine that could outlive it if the JVM were killed: the
 * process groups of its native services. Each run keeps a small record, {@code <dir>/<pid>} with
 * one line per group ({@code pgid <id> <start time>}); the next run's start reads the records of
 * runs whose JVM is gone and kills what they left, and only that: a run that is still going keeps
 * its processes. The start time (in clock ticks since boot, from {@code /proc}) guards against a
 * process id the system has handed out again.
 */
public final class RunRecord {
    private static final Path DIR = Path.of(System.getProperty("java.io.tmpdir"), "wasimoff-eval-runs");
    private static final RunRecord CURRENT = new RunRecord(DIR, ProcessHandle.current().pid());

    private final Path dir;
    private final long pid;
    private boolean hooked;
    private static boolean swept;

    RunRecord(Path dir, long pid) {
        this.dir = dir;
        this.pid = pid;
    }

    /** This JVM's record. */
    public static RunRecord current() {
        return CURRENT;
    }

    /** Notes that {@code pgid} (a process group this run started) must not outlive the run. */
    public synchronized void processGroup(long pgid) {
        Optional<Long> start = startTime(pgid);
        if (start.isEmpty()) {
            return; // already gone
        }
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(Long.toString(pid)), "pgid " + pgid + " " + start.get() + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run record in " + dir, e);
        }
        if (!hooked) {
            hooked = true;
            // a run that ends normally has stopped its services; its record goes with it
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Files.deleteIfExists(dir.resolve(Long.toString(pid)));
                } catch (IOException ignored) {
                    // the next run removes it
                }
            }, "run-record"));
        }
    }

    /** {@link #sweepDeadRuns} the first time this JVM asks, nothing after. */
    public static synchronized void sweepDeadRunsOnce(Consumer<String> say) {
        if (!swept) {
            swept = true;
            sweepDeadRuns(say);
        }
    }

    /** Kills the process groups that runs whose JVM is gone left behind; returns what was killed. */
    public static List<String> sweepDeadRuns(Consumer<String> say) {
        return CURRENT.sweep(say);
    }

    List<String> sweep(Consumer<String> say) {
        List<String> killed = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return killed;
        }
        try (var records = Files.list(dir)) {
            for (Path record : records.toList()) {
                String name = record.getFileName().toString();
                if (!name.matches("\\d+") || ProcessHandle.of(Long.parseLong(name)).isPresent()) {
                    continue; // a live run's
                }
                for (String line : Files.readAllLines(record)) {
                    String[] f = line.split(" ");
                    if (f.length == 3 && f[0].equals("pgid")) {
                        long pgid = Long.parseLong(f[1]);
                        if (startTime(pgid).map(t -> t == Long.parseLong(f[2])).orElse(false)) {
                            killGroup(pgid, "KILL");
                            killed.add("process group " + pgid + " of dead run " + name);
                        }
                    }
                }
                Files.deleteIfExists(record);
            }
        } catch (IOException e) {
            say.accept("WARNING: cannot read the run records in " + dir + ": " + e.getMessage());
        }
        killed.forEach(k -> say.accept("== killed " + k));
        return killed;
    }

    /** Sends {@code signal} (a name such as TERM) to every process of group {@code pgid}. */
    public static void killGroup(long pgid, String signal) {
        try {
            ChildEnvironment.base().command("kill", "-" + signal, "--", "-" + pgid).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            // no kill: nothing to do
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether any process of group {@code pgid} is still there. */
    public static boolean groupAlive(long pgid) {
        return ProcessHandle.allProcesses().anyMatch(p -> p.pid() == pgid || groupOf(p.pid()) == pgid);
    }

    private static long groupOf(long pid) {
        return stat(pid).map(f -> Long.parseLong(f[2])).orElse(-1L);
    }

    /** The process's start time in clock ticks after boot ({@code /proc/<pid>/stat} field 22). */
    static Optional<Long> startTime(long pid) {
        return stat(pid).map(f -> Long.parseLong(f[19]));
    }

    /** The fields of {@code /proc/<pid>/stat} after the command name (which may hold spaces). */
    private static Optional<String[]> stat(long pid) {
        try {
            String s = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return Optional.of(s.substring(s.lastIndexOf(')') + 2).split(" "));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
