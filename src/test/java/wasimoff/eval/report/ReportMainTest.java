package wasimoff.eval.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wasimoff.eval.load.ResultsWriter;
import wasimoff.eval.load.RunSummary;
import wasimoff.eval.load.SyntheticRun;

class ReportMainTest {
    private static final String HEADER = "Scenario,Name,Request Count,Requests/s,Failure Count,Failures/s,"
            + "Min Response Time,Average Response Time,Median Response Time,Max Response Time,99%,Efficiency";
    private static final String PLACEMENT = "nbg1-nbg1-nbg1";
    private static final String STAMP = "2025-06-01T1200%02dZ";

    @TempDir
    Path temp;

    @Test
    void reportCommandWritesChartsAndACsvOfTheNewestRunsAggregatedFigures() throws Exception {
        Path root = temp.resolve("results");
        ResultsTree tree = new ResultsTree(root);
        Map<String, Path> newest = new LinkedHashMap<>();
        int seed = 1;
        for (String fleet : List.of("02x02c", "04x02c")) {
            for (String system : List.of("reference", "wasimoff")) {
                String point = PLACEMENT + "/" + fleet + "/tsp-8/" + system;
                Path older = run(root, point, 0, new SyntheticRun(seed++, 4, 20, 90, 0.2), "optimal");
                tree.markLatest(older);
                int rps = (fleet.equals("02x02c") ? 40 : 80) * (system.equals("reference") ? 1 : 2);
                Path latest = run(root, point, 1, new SyntheticRun(seed++, 5, rps, 40, 0.02), "optimal");
                tree.markLatest(latest);
                newest.put(point, latest);
            }
        }
        // a run killed before it wrote its files is not a result
        Files.createDirectories(root.resolve(PLACEMENT + "/02x02c/tsp-8/reference/2025-06-01T120002Z"));
        Files.writeString(root.resolve(PLACEMENT + "/02x02c/tsp-8/reference/2025-06-01T120002Z/run.json"), "{");

        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "wasimoff.eval.report.ReportMain", "report",
                root.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("skipped " + Path.of(PLACEMENT, "02x02c", "tsp-8", "reference",
                "2025-06-01T120002Z"));

        Path out = root.resolve("comparison");
        Path charts = out.resolve(PLACEMENT + "/tsp-8");
        for (String chart : List.of("throughput", "response-times", "failures")) {
            byte[] png = Files.readAllBytes(charts.resolve(chart + ".png"));
            assertThat(Arrays.copyOf(png, 4)).containsExactly(0x89, 'P', 'N', 'G');
            String svg = Files.readString(charts.resolve(chart + ".svg"));
            assertThat(svg).contains("<svg").contains("reference").contains("wasimoff").contains("04x02c");
        }
        List<String> csv = Files.readAllLines(out.resolve("comparison.csv"));
        assertThat(csv.get(0)).isEqualTo(HEADER);
        List<String> expected = new ArrayList<>();
        for (Map.Entry<String, Path> e : newest.entrySet()) {
            // synthetic runs record no efficiency, as runs before the orchestrator added it
            expected.add("optimal," + e.getKey() + "," + aggregatedFigures(e.getValue()) + ",N/A");
        }
        assertThat(csv.subList(1, csv.size())).containsExactlyElementsOf(expected);
        assertThat(out.resolve("comparison.md")).content().contains("## " + PLACEMENT + ", tsp-8", "### 02x02c",
                "### 04x02c", "wasimoff vs reference", "cannot be judged");
    }

    @Test
    void everyRunAsARepetitionGivesTheMedianRepetitionsFiguresAndTheIntervalOfTheMean() throws Exception {
        Path root = temp.resolve("results");
        String point = PLACEMENT + "/02x02c/tsp-10/reference";
        List<Path> runs = List.of(run(root, point, 0, new SyntheticRun(1, 3, 30, 50, 0.0), null),
                run(root, point, 1, new SyntheticRun(2, 3, 50, 50, 0.0), null),
                run(root, point, 2, new SyntheticRun(3, 3, 40, 50, 0.0), null));
        run(root, PLACEMENT + "/02x02c/tsp-10/wasimoff", 0, new SyntheticRun(4, 3, 60, 50, 0.0), null);

        assertThat(report("report", root.toString(), "--runs", "all", "--scenario", "optimal")).isZero();

        List<String> csv = Files.readAllLines(root.resolve("comparison/comparison.csv"));
        assertThat(csv.get(0)).isEqualTo(HEADER + ",Repetitions,Requests/s CI95 low,Requests/s CI95 high");
        double[] rps = new double[3];
        for (int i = 0; i < 3; i++) {
            rps[i] = summary(runs.get(i)).requestsPerSecond();
        }
        assertThat(rps[0]).isLessThan(rps[2]).isLessThan(rps[1]);
        ConfidenceInterval ci = ConfidenceInterval.of95(rps);
        String[] row = csv.get(1).split(",");
        // the median repetition is the third run (40 req/s), not the newest
        assertThat(String.join(",", Arrays.copyOf(row, 11)))
                .isEqualTo("optimal," + point + "," + aggregatedFigures(runs.get(2)));
        assertThat(row[11]).isEqualTo("N/A");
        assertThat(row[12]).isEqualTo("3");
        assertThat(Double.parseDouble(row[13])).isCloseTo(ci.low(), within(1e-6));
        assertThat(Double.parseDouble(row[14])).isCloseTo(ci.high(), within(1e-6));
        assertThat(csv.get(2)).startsWith("optimal," + PLACEMENT + "/02x02c/tsp-10/wasimoff,").endsWith(",1,,");
    }

    @Test
    void summarySaysWhichDifferencesExceedTheIntervalsAndWhichDoNot() throws Exception {
        Path root = temp.resolve("results");
        int seed = 1;
        for (int i = 0; i < 3; i++) {
            // 02x02c: wasimoff twice as fast; 04x02c: both alike
            run(root, PLACEMENT + "/02x02c/tsp-8/reference", i, new SyntheticRun(seed++, 3, 50, 50, 0.0), null);
            run(root, PLACEMENT + "/02x02c/tsp-8/wasimoff", i, new SyntheticRun(seed++, 3, 100, 50, 0.0), null);
            run(root, PLACEMENT + "/04x02c/tsp-8/reference", i, new SyntheticRun(seed++, 3, 100, 50, 0.0), null);
            run(root, PLACEMENT + "/04x02c/tsp-8/wasimoff", i, new SyntheticRun(seed++, 3, 100, 50, 0.0), null);
        }
        assertThat(report("report", root.toString(), "--runs", "all", "--out", temp.resolve("out").toString()))
                .isZero();

        String md = Files.readString(temp.resolve("out/comparison.md"));
        String small = md.substring(md.indexOf("### 02x02c"), md.indexOf("### 04x02c"));
        String large = md.substring(md.indexOf("### 04x02c"));
        assertThat(small).containsPattern("wasimoff vs reference: .* \\*\\*exceeds the intervals\\*\\*");
        assertThat(large).containsPattern("vs .*: within the intervals");
        assertThat(md).contains("- requests/s: of 2 differences between systems, 1 exceed their intervals, 1 do not,"
                + " and 0 cannot");
        assertThat(temp.resolve("out/" + PLACEMENT + "/tsp-8/throughput.svg")).exists();
    }

    @Test
    void aSystemThatWentPastTheWanEmulationIsMarkedAndNotComparedWithTheOthers() throws Exception {
        Path root = temp.resolve("results");
        String placement = "ash-nbg1-hil/02x02c/tsp-8/";
        int seed = 1;
        for (int i = 0; i < 3; i++) {
            run(root, placement + "reference", i, new SyntheticRun(seed++, 3, 20, 50, 0.0), "worstcase");
            run(root, placement + "wasimoff", i, new SyntheticRun(seed++, 3, 40, 50, 0.0), "worstcase");
            Path fast = run(root, placement + "serverledge", i, new SyntheticRun(seed++, 3, 60, 50, 0.0), null);
            ResultsWriter.JSON.writeValue(fast.resolve("parameters.json").toFile(), Map.of("scenario", "worstcase",
                    "system", "serverledge", "wan emulation", "NOT applied to serverledge"));
        }
        assertThat(report("report", root.toString(), "--runs", "all", "--out", temp.resolve("out").toString()))
                .isZero();

        String md = Files.readString(temp.resolve("out/comparison.md"));
        assertThat(md).contains("| serverledge (no WAN latency) | 3 |")
                .contains("**Without the WAN emulation:** serverledge at ash-nbg1-hil")
                .containsPattern("serverledge vs wasimoff: .*: \\*\\*not comparable\\*\\*, serverledge ran without the WAN")
                .containsPattern("wasimoff vs reference: .*: \\*\\*exceeds the intervals\\*\\*")
                .contains("2 are not comparable (one system without the WAN emulation)");
        assertThat(Files.readString(temp.resolve("out/ash-nbg1-hil/tsp-8/throughput.svg")))
                .contains("no WAN latency, not comparable: serverledge");
    }

    @Test
    void summaryJudgesP50AndP99EachAgainstItsOwnIntervalsLikeRequestsPerSecond() throws Exception {
        Path root = temp.resolve("results");
        for (int i = 0; i < 3; i++) {
            // the same throughput, wasimoff's responses twice as slow; p99 of so few requests spreads widely
            run(root, PLACEMENT + "/02x02c/tsp-8/reference", i, new SyntheticRun(10 + i, 3, 60, 50, 0.0), null);
            run(root, PLACEMENT + "/02x02c/tsp-8/wasimoff", i, new SyntheticRun(20 + i, 3, 60, 100, 0.0), null);
        }
        assertThat(report("report", root.toString(), "--runs", "all")).isZero();

        String md = Files.readString(root.resolve("comparison/comparison.md"));
        assertThat(md).containsPattern("vs .*: [\\d.]+ vs [\\d.]+ requests/s .*: within the intervals")
                .containsPattern("reference vs wasimoff, p50: [\\d.]+ vs [\\d.]+ ms \\(reference -\\d.*"
                        + "\\*\\*exceeds the intervals\\*\\*")
                .containsPattern("reference vs wasimoff, p99: [\\d.]+ vs [\\d.]+ ms .*: within the intervals")
                .contains("- requests/s: of 1 differences between systems, 0 exceed their intervals, 1 do not",
                        "- p50: of 1 differences between systems, 1 exceed their intervals, 0 do not",
                        "- p99: of 1 differences between systems, 0 exceed their intervals, 1 do not");
    }

    @Test
    void efficiencyIsAColumnAChartAndALineAndAFleetLargerThanTheMachineIsNamedAsTheMachinesFigure()
            throws Exception {
        Path root = temp.resolve("results");
        double[] efficiencies = {0.5, 0.9, 0.7};
        for (int i = 0; i < 3; i++) {
            Path small = run(root, PLACEMENT + "/02x02c/tsp-8/reference", i, new SyntheticRun(i, 3, 40, 50, 0.0), null);
            efficiency(small, efficiencies[i], 4, 4);
            Path large = run(root, PLACEMENT + "/08x02c/tsp-8/reference", i, new SyntheticRun(9 + i, 3, 40, 50, 0.0),
                    null);
            efficiency(large, 0.25, 4, 16);
        }
        assertThat(report("report", root.toString(), "--runs", "all")).isZero();

        List<String> csv = Files.readAllLines(root.resolve("comparison/comparison.csv"));
        assertThat(csv.get(0)).isEqualTo(HEADER + ",Repetitions,Requests/s CI95 low,Requests/s CI95 high");
        // the median of the repetitions' efficiencies, whichever repetition's figures the row holds
        assertThat(csv.get(1).split(",")[11]).isEqualTo("0.7");
        assertThat(csv.get(2).split(",")[11]).isEqualTo("0.25");
        Path chart = root.resolve("comparison/" + PLACEMENT + "/tsp-8/efficiency.svg");
        assertThat(Files.readString(chart)).contains("Efficiency").contains("08x02c");
        String md = Files.readString(root.resolve("comparison/comparison.md"));
        String small = md.substring(md.indexOf("### 02x02c"), md.indexOf("### 08x02c"));
        String large = md.substring(md.indexOf("### 08x02c"));
        assertThat(small).contains("| 70% |").contains("Efficiency (successful requests/s over the CPU-bound limit):"
                + " reference 70% of").doesNotContain("machine");
        assertThat(large).contains("08x02c asks for 16 vCPUs, the machine has 4 usable: the figure is the machine's,"
                + " not the system's");
        assertThat(md).contains("One system per point: no differences between systems to judge")
                .doesNotContain("of 0 differences");
        assertThat(md).contains("[efficiency](" + PLACEMENT + "/tsp-8/efficiency.svg)")
                .contains("**The machine, not the system:** 08x02c asks for 16 vCPUs");
    }

    @Test
    void scenarioOfRunsThatDoNotRecordItIsTheResultsRootsName() throws Exception {
        Path root = temp.resolve("lots-of-small");
        run(root, PLACEMENT + "/02x02c/tsp-8/reference", 0, new SyntheticRun(1, 2, 20, 50, 0.0), null);
        assertThat(report("report", root.toString())).isZero();
        assertThat(Files.readAllLines(root.resolve("comparison/comparison.csv")).get(1))
                .startsWith("lots-of-small," + PLACEMENT + "/02x02c/tsp-8/reference,");
    }

    @Test
    void badArgumentsAndAnEmptyTreeAreRefusedWithTheReason() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(ReportMain.run(new String[] {"report", temp.toString(), "--runs", "some"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8)))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--runs is newest or all", "usage: report");
        err.reset();
        assertThat(ReportMain.run(new String[] {"report", temp.toString()}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no runs under");
    }

    private static int report(String... args) {
        return ReportMain.run(args, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()));
    }

    /** Writes run number {@code i} of {@code point}; with {@code scenario}, a parameters.json naming it. */
    private static Path run(Path root, String point, int i, SyntheticRun shape, String scenario) throws Exception {
        Path dir = root.resolve(point).resolve(String.format(STAMP, i));
        shape.write(dir, point);
        if (scenario != null) {
            ResultsWriter.JSON.writeValue(dir.resolve("parameters.json").toFile(),
                    Map.of("scenario", scenario, "system", point.substring(point.lastIndexOf('/') + 1)));
        }
        return dir;
    }

    /** Adds the orchestrator's efficiency fields to a run's summary.json, as a scenario run does. */
    private static void efficiency(Path dir, double efficiency, int cpusUsable, int workers) throws Exception {
        var summary = (com.fasterxml.jackson.databind.node.ObjectNode) ResultsWriter.JSON
                .readTree(dir.resolve("summary.json").toFile());
        summary.put("serviceTimeMillis", 20.0);
        summary.put("cpusUsable", cpusUsable);
        summary.put("workers", workers);
        summary.put("cpuBoundLimitPerSecond", cpusUsable * 1000.0 / 20.0);
        summary.put("efficiency", efficiency);
        ResultsWriter.JSON.writeValue(dir.resolve("summary.json").toFile(), summary);
    }

    private static RunSummary summary(Path dir) throws Exception {
        return ResultsWriter.JSON.readValue(dir.resolve("summary.json").toFile(), RunSummary.class);
    }

    /** The comparison's figures of a run, read from its locust_stats.csv Aggregated row. */
    private static String aggregatedFigures(Path dir) throws Exception {
        List<String> lines = Files.readAllLines(dir.resolve("locust_stats.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        String[] aggregated = lines.stream().filter(l -> l.startsWith(",Aggregated,")).findFirst().orElseThrow()
                .split(",", -1);
        List<String> cells = new ArrayList<>();
        for (String column : List.of("Request Count", "Requests/s", "Failure Count", "Failures/s", "Min Response Time",
                "Average Response Time", "Median Response Time", "Max Response Time", "99%")) {
            cells.add(aggregated[header.indexOf(column)]);
        }
        return String.join(",", cells);
    }
}
