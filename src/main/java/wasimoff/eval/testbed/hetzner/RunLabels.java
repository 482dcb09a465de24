package wasimoff.eval.testbed.hetzner;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import wasimoff.eval.scenario.NodeRole;

/**
 * The labels every Hetzner resource of this harness carries, and the selectors that find them
 * again: {@value #HARNESS} marks anything the harness created (what the cleanup sweep deletes),
 * {@value #RUN} one run, {@value #SCENARIO} and {@value #ROLE} say what a server was for.
 */
public record RunLabels(String runId, String scenario) {
    public static final String HARNESS = "wasimoff-eval";
    public static final String RUN = "wasimoff-eval-run";
    public static final String SCENARIO = "wasimoff-eval-scenario";
    public static final String ROLE = "wasimoff-eval-role";

    /** Hetzner's rule for a label value (hcloud-go's regex): at most 63 characters, alphanumeric at both ends. */
    private static final String VALUE = "^(([a-z0-9A-Z](?:[\\-_.]|[a-z0-9A-Z]){0,61})?[a-z0-9A-Z]$|$)";

    public RunLabels {
        for (String v : new String[] {runId, scenario}) {
            if (v == null || !v.matches(VALUE)) {
                throw new IllegalArgumentException("'" + v + "' cannot be a Hetzner label value: at most 63 letters,"
                        + " digits, '-', '_' or '.', starting and ending with a letter or digit");
            }
        }
    }

    /** Whether {@code value} is a non-empty Hetzner label value, as a run id must be. */
    public static boolean isLabelValue(String value) {
        return value != null && !value.isEmpty() && value.matches(VALUE);
    }

    /** A new run id: UTC time to the second and four random hex digits, e.g. {@code 20261125t080512-3fa2}. */
    public static String newRunId() {
        return DateTimeFormatter.ofPattern("yyyyMMdd't'HHmmss").withZone(ZoneOffset.UTC).format(Instant.now())
                + "-" + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
    }

    /** The labels of a server with {@code role}. */
    public Map<String, String> server(NodeRole role) {
        Map<String, String> labels = new LinkedHashMap<>(run());
        labels.put(ROLE, role.name().toLowerCase());
        return labels;
    }

    /** The labels of the run's other resources (firewall, SSH key). */
    public Map<String, String> run() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(HARNESS, "true");
        labels.put(RUN, runId);
        labels.put(SCENARIO, scenario);
        return labels;
    }

    /** Selects everything of this run. */
    public String runSelector() {
        return RUN + "=" + runId;
    }

    /** Selects everything any run of the harness created. */
    public static String harnessSelector() {
        return HARNESS;
    }

    /** Selects everything of run {@code runId}. */
    public static String runSelector(String runId) {
        return RUN + "=" + runId;
    }
}
