package wasimoff.eval.formats;

import wasimoff.eval.process.ChildEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import wasimoff.eval.workload.Workload;

/**
 * A TSP runtime measured as whole processes by hyperfine itself (Debian package {@code hyperfine}):
 * {@code hyperfine -N --warmup W --runs R -P n MIN MAX}, its CSV export read back with the command
 * column as {@code <name>(<n>)}; the exact command line goes to {@code <name>.command.txt}.
 */
public final class HyperfineRuntime implements TspRuntime {
    private final String name;
    private final List<String> command;
    private final Workload workload;
    private final Path work;

    /** {@code command} runs the TSP program; the workload's measured arguments for n are appended. */
    public HyperfineRuntime(String name, List<String> command, Workload workload, Path work) {
        this.name = name;
        this.command = List.copyOf(command);
        this.workload = workload;
        this.work = work;
    }

    /** Why hyperfine cannot be used, or null. */
    public static String unavailableReason() {
        try {
            Process p = ChildEnvironment.base().command("hyperfine", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? null : "hyperfine --version failed";
        } catch (IOException e) {
            return "hyperfine is not installed (apt-get install hyperfine)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    @Override
    public String name() {
        return name;
    }

    /** One hyperfine parameter scan over n ({@code -P n MIN MAX}); {@code ns} must be a contiguous range. */
    @Override
    public List<RunTimes> measure(List<Integer> ns, int warmup, int runs) throws Exception {
        Path csv = work.resolve(name + ".hyperfine.csv");
        List<String> hf = new ArrayList<>(List.of("hyperfine", "-N", "--style", "none", "--warmup",
                Integer.toString(warmup), "--runs", Integer.toString(runs), "-P", "n",
                Integer.toString(ns.get(0)), Integer.toString(ns.get(ns.size() - 1)), "--export-csv", csv.toString()));
        String line = String.join(" ", command) + " " + String.join(" ", workload.measuredArgs("{n}"));
        hf.add(line);
        Files.writeString(work.resolve(name + ".command.txt"), line + "\n");
        Process p = ChildEnvironment.base().command(hf).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("hyperfine failed for " + name + ": " + out.strip());
        }
        List<String> lines = Files.readAllLines(csv);
        if (!lines.get(0).equals(RunTimes.HEADER)) {
            throw new IOException("unexpected hyperfine CSV header: " + lines.get(0));
        }
        return lines.subList(1, lines.size()).stream().map(RunTimes::parse).map(t -> t.labelled(name)).toList();
    }
}
