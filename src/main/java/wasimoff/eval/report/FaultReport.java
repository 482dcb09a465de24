package wasimoff.eval.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import wasimoff.eval.load.RunSummary;

/**
 * A faults run's {@code faults.md}: the timeline as enacted (or why an event was not), what each
 * event cost (lowest throughput, time back to 90% of the steady throughput, failures by reason until
 * the next event), what the whole run lost, retried or timed out, and whether
 * {@code sent = succeeded + failed + unfinished} holds.
 */
public final class FaultReport {
    private FaultReport() {
    }

    /** Writes {@code faults.md} into the run's directory and returns its text. */
    public static String write(RunResult result, String title, List<FaultAnalysis.Event> events, List<String> notes)
            throws IOException {
        List<Double> successes = result.successesOverTime();
        double steady = FaultAnalysis.steady(successes, events);
        List<FaultAnalysis.Impact> impacts = FaultAnalysis.analyse(successes, result.failuresOverTime(), events, steady);
        RunSummary s = result.summary();
        List<String> md = new ArrayList<>();
        md.add("# Faults: " + title);
        md.add("");
        int first = events.isEmpty() ? successes.size() : (int) events.get(0).second();
        md.add(String.format(Locale.ROOT, "Steady throughput before the first event: **%.1f successful requests/s**"
                + " (mean of seconds %d to %d).", steady, first / 2, first));
        md.add("");
        boolean adds = s.sent() == s.succeeded() + s.failed() + s.unfinished();
        md.add(String.format(Locale.ROOT, "Counting: sent %d = succeeded %d + failed %d + unfinished %d: **%s**.",
                s.sent(), s.succeeded(), s.failed(), s.unfinished(), adds ? "holds" : "DOES NOT HOLD"));
        md.add("");
        md.add("## Timeline");
        md.add("");
        md.add("| second | event | enacted | what was done |");
        md.add("|---|---|---|---|");
        for (FaultAnalysis.Event e : events) {
            md.add(String.format(Locale.ROOT, "| %.1f | %s | %s | %s |", e.second(), e.label(), e.enacted() ? "yes" : "NO",
                    cell(e.detail())));
        }
        md.add("");
        md.add("## What each event cost");
        md.add("");
        md.add(String.format(Locale.ROOT, "Until the next event; throughput as a %d-second moving average of successful"
                + " requests; recovered = back at %.0f%% of the steady %.1f req/s.", 3, FaultAnalysis.RECOVERED * 100,
                steady));
        md.add("");
        md.add("| event | seconds | lowest req/s | back to 90% after | failures | timed out | no response (retried) |"
                + " answered with an error | by reason |");
        md.add("|---|---|---|---|---|---|---|---|---|");
        for (FaultAnalysis.Impact i : impacts) {
            Map<FaultAnalysis.Fate, Long> fates = FaultAnalysis.byFate(i.failures());
            md.add(String.format(Locale.ROOT, "| %s%s | %d-%d | %.1f | %s | %d | %d | %d | %d | %s |", i.event().label(),
                    i.event().enacted() ? "" : " (not enacted)", i.fromRow(), i.toRow(), i.lowest(), recovery(i, steady),
                    i.failureCount(), fates.get(FaultAnalysis.Fate.TIMED_OUT),
                    fates.get(FaultAnalysis.Fate.NO_RESPONSE_RETRIED), fates.get(FaultAnalysis.Fate.ANSWERED_WITH_ERROR),
                    cell(reasons(i.failures()))));
        }
        md.add("");
        md.add("## Lost, retried, timed out (whole run)");
        md.add("");
        Map<FaultAnalysis.Fate, Long> fates = FaultAnalysis.byFate(s.failures());
        md.add("- lost (failed): " + s.failed() + " of " + s.sent() + " requests sent");
        for (FaultAnalysis.Fate f : FaultAnalysis.Fate.values()) {
            md.add("  - " + f.words() + ": " + fates.get(f));
        }
        md.add("- unfinished (no end within the request timeout after the run): " + s.unfinished());
        if (!impacts.isEmpty() && s.failed() > impacts.stream().mapToLong(FaultAnalysis.Impact::failureCount).sum()) {
            md.add("- of them before the first event or in the drain after the run time: " + (s.failed()
                    - impacts.stream().mapToLong(FaultAnalysis.Impact::failureCount).sum()));
        }
        md.add("- by reason: " + (s.failures().isEmpty() ? "none" : reasons(s.failures())));
        md.add("- retries inside the system (a broker re-sending a task to another provider) are not visible to the"
                + " client: a request it retried successfully counts as succeeded, with the retry's time in its"
                + " response time");
        if (!notes.isEmpty()) {
            md.add("");
            md.add("## Notes");
            md.add("");
            notes.forEach(n -> md.add("- " + n));
        }
        String text = String.join("\n", md) + "\n";
        Files.writeString(result.directory().resolve("faults.md"), text);
        return text;
    }

    private static String recovery(FaultAnalysis.Impact i, double steady) {
        if (i.recoverySeconds() < 0) {
            return "not within " + (i.toRow() - i.fromRow()) + " s";
        }
        return i.lowest() >= FaultAnalysis.RECOVERED * steady ? "never below" : i.recoverySeconds() + " s";
    }

    private static String reasons(Map<String, Long> failures) {
        return failures.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; "));
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
