package wasimoff.eval.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What actually runs of a scenario on a testbed: the scenario file keeps the cloud values, and on
 * the local testbeds (embedded, docker) the defaults shrink to what a small machine can run. Every value can be
 * overridden with a system property, and {@link #notes()} says where each value came from so that
 * it can be printed and reported.
 *
 * <p>Properties: {@code testbed} (embedded, docker, hetzner), {@code run-time} (e.g. 30s),
 * {@code users}, {@code spawn-rate}, {@code systems} (comma list), {@code tsp-n} (comma list),
 * {@code fleets} (comma list of fleet labels such as {@code 04x02c}, or {@code all}),
 * {@code placements} (comma list of placement names, or {@code all}), {@code engine} (the WebAssembly
 * engine of our providers: {@code chicory}, the pure-Java default, {@code wasmtime}, or {@code node}).
 */
public record RunSettings(
        String testbed, LoadProfile load, List<String> systems, List<Integer> tspN, List<Fleet> fleets,
        List<Placement> placements, String engine, List<String> notes) {

    public static final List<String> TESTBEDS = List.of("embedded", "docker", "hetzner");
    public static final List<String> ENGINES = List.of("chicory", "wasmtime", "node");

    /** On the embedded testbed: run this long per point unless told otherwise. */
    static final Duration EMBEDDED_RUN_TIME = Duration.ofSeconds(10);
    static final int EMBEDDED_USERS = 16;
    static final double EMBEDDED_SPAWN_RATE = 8;
    static final int EMBEDDED_FLEETS = 2;

    public static RunSettings resolve(Scenario s, Properties p) {
        String testbed = p.getProperty("testbed", "embedded");
        if (!TESTBEDS.contains(testbed)) {
            throw new IllegalArgumentException("unknown testbed '" + testbed + "'; valid: " + String.join(", ", TESTBEDS));
        }
        // both local testbeds share one machine; only real servers get the scenario's own load
        boolean small = !testbed.equals("hetzner");
        List<String> notes = new ArrayList<>();
        LoadProfile cloud = s.load();
        Duration runTime = pick(p, "run-time", small, EMBEDDED_RUN_TIME, cloud.runTime(), notes,
                v -> Durations.parse(v).orElseThrow(() -> new IllegalArgumentException(
                        "run-time '" + v + "' is not a duration; write e.g. 30s or 3m")), d -> d.toSeconds() + "s");
        int users = pick(p, "users", small, EMBEDDED_USERS, cloud.users(), notes, Integer::parseInt, String::valueOf);
        double spawn = pick(p, "spawn-rate", small, EMBEDDED_SPAWN_RATE, cloud.spawnRate(), notes,
                Double::parseDouble, String::valueOf);
        List<String> systems = new ArrayList<>(s.systems());
        if (small && !systems.contains("reference")) {
            systems.add(0, "reference");
        }
        systems = pick(p, "systems", false, systems, systems, notes, RunSettings::list, Object::toString);
        for (String system : systems) {
            if (!ScenarioLoader.SYSTEMS.contains(system)) {
                throw new IllegalArgumentException("unknown system '" + system + "'; valid: "
                        + YamlNode.sorted(ScenarioLoader.SYSTEMS));
            }
        }
        List<Integer> tspN = pick(p, "tsp-n", false, s.tspN(), s.tspN(), notes,
                v -> list(v).stream().map(Integer::parseInt).toList(), Object::toString);
        List<Fleet> smallest = s.fleets().stream().sorted(Comparator.comparingInt(Fleet::vcpus))
                .limit(EMBEDDED_FLEETS).toList();
        List<Fleet> fleets = pick(p, "fleets", small, smallest, s.fleets(), notes,
                v -> select(v, s.fleets(), Fleet::label, "fleet"), RunSettings::labels);
        List<Placement> placements = pick(p, "placements", false, s.placements(), s.placements(), notes,
                v -> select(v, s.placements(), Placement::name, "placement"),
                l -> l.stream().map(Placement::name).toList().toString());
        String engine = pick(p, "engine", false, "chicory", "chicory", notes, v -> {
            if (!ENGINES.contains(v)) {
                throw new IllegalArgumentException("unknown engine '" + v + "'; valid: " + String.join(", ", ENGINES));
            }
            return v;
        }, v -> v);
        return new RunSettings(testbed, new LoadProfile(users, spawn, runTime), systems, tspN, fleets, placements,
                engine, notes);
    }

    private static <T> T pick(Properties p, String key, boolean small, T smallDefault, T cloudValue,
                              List<String> notes, Function<String, T> parse, Function<T, String> show) {
        String given = p.getProperty(key);
        if (given != null && !given.isBlank()) {
            T value;
            try {
                value = parse.apply(given.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("-D" + key + "=" + given + " is not a number");
            }
            notes.add(key + " = " + show.apply(value) + " (from -D" + key + ")");
            return value;
        }
        if (small && !smallDefault.equals(cloudValue)) {
            notes.add(key + " = " + show.apply(smallDefault) + " (" + "local-testbed default; the scenario file says "
                    + show.apply(cloudValue) + "; override with -D" + key + "=)");
            return smallDefault;
        }
        notes.add(key + " = " + show.apply(cloudValue) + " (scenario file)");
        return cloudValue;
    }

    private static List<String> list(String v) {
        return Arrays.stream(v.split(",")).map(String::trim).filter(x -> !x.isEmpty()).collect(Collectors.toList());
    }

    private static <T> List<T> select(String v, List<T> all, Function<T, String> name, String what) {
        if (v.equals("all")) {
            return all;
        }
        List<T> chosen = new ArrayList<>();
        for (String wanted : list(v)) {
            chosen.add(all.stream().filter(x -> name.apply(x).equals(wanted)).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("unknown " + what + " '" + wanted + "'; valid: all, "
                            + all.stream().map(name).collect(Collectors.joining(", ")))));
        }
        return chosen;
    }

    private static String labels(List<Fleet> fleets) {
        return fleets.stream().map(Fleet::label).toList().toString();
    }
}
