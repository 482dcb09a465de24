package wasimoff.eval.load.bench;

import wasimoff.eval.process.ChildEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the reference load generators as the benchmark compares them, each in its own process under
 * GNU {@code time} (for its CPU use): {@code wrk} with one thread, and Locust headless with one
 * process, as {@code HttpUser} or {@code FastHttpUser}, both without wait time.
 */
final class ExternalTools {
    private static final Pattern WRK_RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern WRK_PCT = Pattern.compile("^\\s+(50|99)%\\s+([0-9.]+)(us|ms|s)\\s*$",
            Pattern.MULTILINE);

    private final Path work;

    ExternalTools(Path work) {
        this.work = work;
    }

    /** {@code wrk -t1 -c<connections> -d<seconds>s --latency url}. */
    Measurement wrk(String url, int connections, int seconds) throws IOException, InterruptedException {
        Timed t = timed("wrk", List.of("wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "--latency", url),
                seconds);
        Matcher rps = WRK_RPS.matcher(t.output());
        if (!rps.find()) {
            throw new IOException("no Requests/sec in wrk's output:\n" + t.output());
        }
        double p50 = 0;
        double p99 = 0;
        for (Matcher m = WRK_PCT.matcher(t.output()); m.find(); ) {
            double v = Double.parseDouble(m.group(2)) * switch (m.group(3)) {
                case "us" -> 0.001;
                case "ms" -> 1;
                default -> 1000;
            };
            if (m.group(1).equals("50")) {
                p50 = v;
            } else {
                p99 = v;
            }
        }
        return new Measurement("wrk -t1", Double.parseDouble(rps.group(1)), p50, p99, t.cpuCores(), 0, 0,
                "C, one thread, no response check");
    }

    /** One Locust process, headless, {@code users} users spawned at once, no wait time. */
    Measurement locust(String userClass, String url, int users, int seconds) throws IOException, InterruptedException {
        Path file = work.resolve("locustfile_" + userClass + ".py");
        Files.writeString(file, String.join("\n",
                "from locust import " + userClass + ", task, constant",
                "from locust.contrib.fasthttp import FastHttpUser",
                "",
                "class NoOp(" + userClass + "):",
                "    wait_time = constant(0)",
                "",
                "    @task",
                "    def get(self):",
                "        self.client.get('/')",
                ""));
        Path prefix = work.resolve("locust_" + userClass);
        Timed t = timed("locust-" + userClass, List.of("locust", "-f", file.toString(), "--headless", "-u", "" + users,
                "-r", "" + users, "-t", seconds + "s", "--csv", prefix.toString(), "--host", url, "--only-summary",
                "--loglevel", "WARNING"), seconds);
        Map<String, String> total = aggregatedRow(Path.of(prefix + "_stats.csv"));
        return new Measurement("Locust " + userClass, Double.parseDouble(total.get("Requests/s")),
                Double.parseDouble(total.get("50%")), Double.parseDouble(total.get("99%")), t.cpuCores(), 0, 0,
                "Python, one process, status checked");
    }

    /** The Aggregated row of a Locust stats CSV by column name (its cells hold no commas). */
    private static Map<String, String> aggregatedRow(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        String[] header = lines.get(0).split(",");
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            if (cells.length == header.length && cells[1].equals("Aggregated")) {
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], cells[i]);
                }
                return row;
            }
        }
        throw new IOException("no Aggregated row in " + csv);
    }

    /**
     * A finished command.
     *
     * @param cpuCores (user + system CPU seconds) / wall seconds of the whole process
     */
    record Timed(String output, double cpuCores) {
    }

    private Timed timed(String name, List<String> command, int seconds) throws IOException, InterruptedException {
        Path times = work.resolve(name + ".time");
        Path log = work.resolve(name + ".log");
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %U %S", "-o", times.toString()));
        cmd.addAll(command);
        Process p = ChildEnvironment.base().allow("PYTHONPATH", "VIRTUAL_ENV").command(cmd).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(name + " did not finish; see " + log);
        }
        String output = Files.readString(log);
        String[] t = Files.readString(times).strip().split("\\s+");
        if (t.length < 3) {
            throw new IOException(name + " exited " + p.exitValue() + ":\n" + output);
        }
        double wall = Double.parseDouble(t[t.length - 3]);
        return new Timed(output, (Double.parseDouble(t[t.length - 2]) + Double.parseDouble(t[t.length - 1])) / wall);
    }
}
