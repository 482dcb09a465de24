package wasimoff.eval.run;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.util.ResultsUtils;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import wasimoff.eval.report.Comparison;
import wasimoff.eval.report.RunCatalog;

/**
 * What a scenario run leaves once all its points ran: the comparison of its systems (charts, CSV,
 * summary) under {@code <results>/comparison/<run id>/}, one Allure entry showing it, and Allure's
 * environment page (versions of every system, the JDK, the machine, the testbed).
 */
final class ScenarioReport {
    private ScenarioReport() {
    }

    /** Writes the comparison of the runs in {@code dirs} and its Allure entry; returns its directory. */
    static Path comparison(Path resultsRoot, String scenarioId, String runId, List<Path> dirs) throws IOException {
        Comparison comparison = Comparison.of(resultsRoot, RunCatalog.read(resultsRoot).only(dirs),
                RunCatalog.Selection.ALL, scenarioId);
        Path out = resultsRoot.resolve("comparison").resolve(runId);
        List<Path> files = comparison.writeTo(out);
        AllureLifecycle lifecycle = Allure.getLifecycle();
        String uuid = UUID.randomUUID().toString();
        Path summary = out.resolve("comparison.md");
        lifecycle.scheduleTestCase(new TestResult().setUuid(uuid).setName(scenarioId + " · comparison of the systems")
                .setFullName("wasimoff.eval.comparison." + scenarioId).setHistoryId("comparison-" + scenarioId)
                .setStatus(Status.PASSED)
                .setDescription(Files.isRegularFile(summary) ? attachmentsForLinks(Files.readString(summary)) : "")
                .setLabels(List.of(ResultsUtils.createEpicLabel(scenarioId), ResultsUtils.createFeatureLabel("comparison"),
                        ResultsUtils.createSuiteLabel(scenarioId))));
        lifecycle.startTestCase(uuid);
        try {
            for (Path f : files.stream().sorted().toList()) {
                String name = out.relativize(f).toString();
                if (name.endsWith(".png")) {
                    lifecycle.addAttachment(name, "image/png", "png", Files.readAllBytes(f));
                } else if (name.endsWith(".csv")) {
                    lifecycle.addAttachment(name, "text/csv", "csv", Files.readAllBytes(f));
                }
            }
        } finally {
            lifecycle.stopTestCase(uuid);
            lifecycle.writeTestCase(uuid);
        }
        return out;
    }

    /**
     * {@code comparison.md} as the Allure entry shows it: its links to the charts' SVG files, which the
     * report does not have, name the attached PNG instead.
     */
    static String attachmentsForLinks(String markdown) {
        return markdown.replaceAll("\\[([^\\]]+)\\]\\(([^)]+)\\.svg\\)", "$1 (attached: `$2.png`)");
    }

    /**
     * Carries the history of the last generated report ({@code mvn allure:report} writes it under
     * {@code target/site/allure-maven-plugin/history}) into the results Allure reads, so that its
     * Trend shows earlier runs.
     */
    static void carryHistory(Path project) throws IOException {
        Path previous = project.resolve("target/site/allure-maven-plugin/history");
        Path results = Path.of(System.getProperty("allure.results.directory", "allure-results")).resolve("history");
        if (!Files.isDirectory(previous)) {
            return;
        }
        Files.createDirectories(results);
        try (var files = Files.list(previous)) {
            for (Path f : files.toList()) {
                Files.copy(f, results.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /**
     * The entries Allure's environment widget shows before its "Show all", in this order (it keeps
     * the file's order and shows five): what a reader must know to read any figure.
     */
    static final List<String> FIRST = List.of("testbed", "jdk", "machine", "workload", "scenario run");

    /**
     * Allure's environment page: {@code environment.properties} in the results directory Allure writes
     * to, the JDK and the machine added; {@link #FIRST} first, the rest (the systems' versions) sorted.
     */
    static void environment(Map<String, String> entries) throws IOException {
        Path dir = Path.of(System.getProperty("allure.results.directory", "allure-results"));
        Files.createDirectories(dir);
        Map<String, String> rest = new TreeMap<>(entries);
        rest.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        rest.put("machine", Runtime.getRuntime().availableProcessors() + " CPUs, "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB JVM heap, " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        Map<String, String> all = new LinkedHashMap<>();
        FIRST.stream().filter(rest::containsKey).forEach(k -> all.put(k, rest.remove(k)));
        all.putAll(rest);
        try (Writer w = Files.newBufferedWriter(dir.resolve("environment.properties"))) {
            for (var e : all.entrySet()) {
                w.write(e.getKey().replace(' ', '_').replace(':', '_').replace('=', '_') + "="
                        + e.getValue().replace("\\", "\\\\").replace("\n", " ") + "\n");
            }
        }
    }
}
