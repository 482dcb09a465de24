package wasimoff.eval.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import wasimoff.eval.settings.InvalidSettingException;
import wasimoff.eval.settings.Setting;
import wasimoff.eval.settings.SettingValues;
import wasimoff.eval.settings.Settings;

/**
 * What actually runs of a scenario on a testbed: the scenario file keeps the cloud values, and on
 * the local testbeds (embedded, docker) the defaults shrink to what a small machine can run. Every value can be
 * overridden with a setting ({@link Settings}), and {@link #notes()} says where each value came from
 * so that it can be printed and reported.
 */
public record RunSettings(
        String testbed, LoadProfile load, List<String> systems, List<Integer> tspN, List<Fleet> fleets,
        List<Placement> placements, String engine, List<String> notes) {

    /** On the local testbeds: run this long per point unless told otherwise. */
    static final Duration EMBEDDED_RUN_TIME = Duration.ofSeconds(10);
    static final int EMBEDDED_USERS = 16;
    static final double EMBEDDED_SPAWN_RATE = 8;
    static final int EMBEDDED_FLEETS = 2;

    /** What runs of {@code s} with the settings {@code v}, every value's source noted. */
    public static RunSettings resolve(Scenario s, SettingValues v) {
        String testbed = v.getOr(Settings.TESTBED, "embedded");
        // both local testbeds share one machine; only real servers get the scenario's own load
        boolean small = !testbed.equals("hetzner");
        List<String> notes = new ArrayList<>();
        LoadProfile cloud = s.load();
        Duration runTime = pick(v, Settings.RUN_TIME, small, EMBEDDED_RUN_TIME, cloud.runTime(), notes,
                d -> d.toSeconds() + "s");
        int users = pick(v, Settings.USERS, small, EMBEDDED_USERS, cloud.users(), notes, String::valueOf);
        double spawn = pick(v, Settings.SPAWN_RATE, small, EMBEDDED_SPAWN_RATE, cloud.spawnRate(), notes,
                String::valueOf);
        List<String> systems = new ArrayList<>(s.systems());
        if (small && !systems.contains("reference")) {
            systems.add(0, "reference");
        }
        systems = pick(v, Settings.SYSTEMS, false, systems, systems, notes, Object::toString);
        List<Integer> tspN = pick(v, Settings.TSP_N, false, s.tspN(), s.tspN(), notes, Object::toString);
        List<Fleet> smallest = s.fleets().stream().sorted(Comparator.comparingInt(Fleet::vcpus))
                .limit(EMBEDDED_FLEETS).toList();
        List<Fleet> fleets = v.get(Settings.FLEETS).map(names -> select(names, s.fleets(), Fleet::label, Settings.FLEETS))
                .orElse(small ? smallest : s.fleets());
        note(notes, Settings.FLEETS, v, labels(fleets), small && !smallest.equals(s.fleets()), labels(s.fleets()));
        List<Placement> placements = v.get(Settings.PLACEMENTS)
                .map(names -> select(names, s.placements(), Placement::name, Settings.PLACEMENTS)).orElse(s.placements());
        note(notes, Settings.PLACEMENTS, v, placements.stream().map(Placement::name).toList().toString(), false, "");
        // near-native by default: on Chicory every Wasm-side figure would be an engine figure
        String engine = pick(v, Settings.ENGINE, false, "wasmtime", "wasmtime", notes, x -> x);
        return new RunSettings(testbed, new LoadProfile(users, spawn, runTime), systems, tspN, fleets, placements,
                engine, notes);
    }

    private static <T> T pick(SettingValues v, Setting<T> setting, boolean small, T smallDefault, T cloudValue,
                              List<String> notes, Function<T, String> show) {
        T value = v.get(setting).orElse(small ? smallDefault : cloudValue);
        note(notes, setting, v, show.apply(value), small && !smallDefault.equals(cloudValue), show.apply(cloudValue));
        return value;
    }

    private static void note(List<String> notes, Setting<?> setting, SettingValues v, String shown, boolean localDefault,
                             String fileValue) {
        String key = setting.key();
        if (v.given(setting)) {
            notes.add(key + " = " + shown + " (from " + setting.flag() + ")");
        } else if (localDefault) {
            notes.add(key + " = " + shown + " (local-testbed default; the scenario file says " + fileValue
                    + "; override with " + setting.flag() + "=)");
        } else {
            notes.add(key + " = " + shown + " (scenario file)");
        }
    }

    private static <T> List<T> select(List<String> names, List<T> all, Function<T, String> name, Setting<?> setting) {
        if (names.equals(List.of("all"))) {
            return all;
        }
        List<T> chosen = new ArrayList<>();
        for (String wanted : names) {
            chosen.add(all.stream().filter(x -> name.apply(x).equals(wanted)).findFirst().orElseThrow(() ->
                    new InvalidSettingException(setting, String.join(",", names), "'" + wanted + "' is not in this"
                            + " scenario; valid: all, " + all.stream().map(name).collect(Collectors.joining(", ")))));
        }
        return chosen;
    }

    private static String labels(List<Fleet> fleets) {
        return fleets.stream().map(Fleet::label).toList().toString();
    }
}
