package wasimoff.eval.settings;

import static java.util.Map.entry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every setting of the harness, declared once: key, meaning, valid values, default per testbed and
 * parser. The JUnit extension passes exactly these keys on, {@link SettingValues} parses and checks
 * them before anything is installed or provisioned, and the README's settings table is generated
 * from this list ({@link SettingsTable}).
 */
public final class Settings {
    public static final Setting<String> TESTBED = of("testbed", "where the nodes run",
            String.join(", ", Kinds.TESTBEDS), Map.of("*", "embedded"), Parsers.oneOf(Kinds.TESTBEDS));
    public static final Setting<Duration> RUN_TIME = of("run-time", "run time per point", "1s..24h",
            local("10s", "the scenario file's"), Parsers.duration(Duration.ofSeconds(1), Duration.ofHours(24)));
    public static final Setting<Integer> USERS = of("users", "closed-loop users", "1..10000",
            local("16", "the scenario file's"), Parsers.integer(1, 10_000));
    public static final Setting<Double> SPAWN_RATE = of("spawn-rate", "users started per second", "0.1..10000",
            local("8", "the scenario file's"), Parsers.decimal(0.1, 10_000));
    public static final Setting<List<String>> SYSTEMS = of("systems",
            "systems to compare; a system named here that cannot run fails the run", "a list of "
                    + String.join(", ", Kinds.SYSTEMS),
            local("reference + the file's systems that can run", "the file's systems that can run"),
            Parsers.listOf(Parsers.oneOf(Kinds.SYSTEMS)));
    public static final Setting<List<Integer>> TSP_N = of("tsp-n", "TSP sizes",
            "a list of " + Kinds.TSP_MIN + ".." + Kinds.TSP_MAX, Map.of("*", "the scenario file's"),
            Parsers.listOf(Parsers.integer(Kinds.TSP_MIN, Kinds.TSP_MAX)));
    public static final Setting<List<String>> FLEETS = of("fleets", "fleets by their NNxCCc label, e.g. 04x02c",
            "all, or a list of the file's fleet labels", local("the two smallest", "all"), Parsers.listOf(Parsers.text()));
    public static final Setting<List<String>> PLACEMENTS = of("placements", "placements by name",
            "all, or a list of the file's placement names", Map.of("*", "all"), Parsers.listOf(Parsers.text()));
    public static final Setting<String> ENGINE = of("engine",
            "WebAssembly engine of our providers (reference, and ours under Wasimoff)", String.join(", ", Kinds.ENGINES),
            Map.of("*", Kinds.DEFAULT_ENGINE), Parsers.oneOf(Kinds.ENGINES));
    public static final Setting<String> PROVIDER = of("provider",
            "Wasimoff's providers: its web provider in headless Chromium (as the evaluation ran it), its Deno"
                    + " provider, or ours",
            String.join(", ", Kinds.PROVIDERS),
            Map.of("*", "the scenario file's provider, else browser"),
            Parsers.oneOf(Kinds.PROVIDERS));
    public static final Setting<String> WORKLOAD = of("workload",
            "the TSP program every system runs: the evaluation's (seed-tsp) or this project's (own-tsp)",
            String.join(", ", Kinds.WORKLOADS),
            Map.of("*", "the scenario file's, else seed-tsp where Wasimoff's pinned source is, else own-tsp"),
            Parsers.oneOf(Kinds.WORKLOADS));
    public static final Setting<Integer> REPETITIONS = of("repetitions",
            "runs of every point, interleaved; the comparison gives the median and a 95% interval", "1..100",
            Map.of("*", "the scenario file's repetitions, else 1"), Parsers.integer(1, 100));
    public static final Setting<String> ORDER = of("order",
            "the order of a placement's points: seeded random (so drift favours no system) or the seed's sweep",
            "random, sweep", Map.of("*", "random"), Parsers.oneOf(List.of("random", "sweep")));
    public static final Setting<Long> ORDER_SEED = of("order.seed", "the seed of the random order (printed and recorded)",
            "a whole number", Map.of("*", "a new one per run"), v -> {
                try {
                    return Long.parseLong(v);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not a whole number");
                }
            });
    public static final Setting<Boolean> WAN = of("wan", "inter-location latency emulation (local testbeds)",
            "on, off", Map.of("*", "on", "hetzner", "the real network"), Parsers.onOff());
    public static final Setting<Path> RESULTS_DIR = of("results.dir", "results root", "a directory",
            Map.of("*", "results/"), Parsers.path());
    public static final Setting<Double> MIN_RPS = of("assert.min-rps",
            "each point's successful requests per second must be above this", "0..1000000", Map.of("*", "0"),
            Parsers.decimal(0, 1_000_000));
    public static final Setting<Double> MAX_FAILURE_RATIO = of("assert.max-failure-ratio",
            "each point's failed share of requests may be at most this", "0..1", Map.of("*", "0.01"),
            Parsers.decimal(0, 1));
    public static final Setting<Double> SERVERLEDGE_CPU = of("serverledge.cpu",
            "CPU demand Serverledge's function is registered with (the seed's cpu1 variant: 1.0)", "0..256",
            Map.of("*", "the scenario file's serverledge-cpu, else 0"), Parsers.decimal(0, 256));
    public static final Setting<Path> SCENARIOS_DIR = of("scenarios.dir", "where scenario files are", "a directory",
            Map.of("*", "scenarios/ of this checkout"), Parsers.path());

    public static final Setting<Boolean> INSTALL = of("install",
            "install missing systems and Debian packages before the first point, or only check", "on, off",
            Map.of("*", "on"), Parsers.onOff());
    public static final Setting<Path> CACHE_DIR = of("cache.dir", "where the systems' binaries are built",
            "a directory", Map.of("*", "$WASIMOFF_EVAL_CACHE, else ~/.cache/wasimoff-eval"), Parsers.path());
    public static final Setting<Path> WASIMOFF_SRC = of("wasimoff.src",
            "a Wasimoff source tree at the pinned commit", "a directory",
            Map.of("*", "$WASIMOFF_SRC, else ../shared/third-party/wasimoff"), Parsers.path());
    public static final Setting<String> WASIMOFF_GIT_URL = of("wasimoff.git-url",
            "where a clone of Wasimoff is made when no other source works", "a git URL",
            Map.of("*", "https://github.com/wasimoff/wasimoff"), Parsers.text());

    public static final Setting<List<String>> HETZNER_ALLOW_FROM = of("hetzner.allow-from",
            "addresses the servers' firewall admits besides the run's own servers (required on hetzner)",
            "a list of CIDRs, e.g. 203.0.113.7/32", Map.of("*", "none"), Parsers.listOf(Parsers.cidr()));
    public static final Setting<Boolean> HETZNER_ALLOW_ANY = of("hetzner.allow-any",
            "lets hetzner.allow-from open the servers to every address (/0); prints a warning", "true, false",
            Map.of("*", "false"), Parsers.trueFalse());
    public static final Setting<Double> HETZNER_MAX_HOURLY = of("hetzner.max-hourly-eur",
            "the fleet's price cap; a dearer fleet is refused before anything is created", "0..1000",
            Map.of("*", "10"), Parsers.decimal(0, 1000));
    public static final Setting<String> HETZNER_IMAGE = of("hetzner.image", "the servers' image", "a Hetzner image name",
            Map.of("*", "debian-12"), Parsers.text());
    public static final Setting<String> HETZNER_API_URL = of("hetzner.api-url",
            "Hetzner's API endpoint (for tests against a fake API)", "a URL",
            Map.of("*", "https://api.hetzner.cloud/v1"), Parsers.text());
    public static final Setting<Path> HCLOUD_TOKEN_FILE = of("hcloud.token.file",
            "a file holding the Hetzner API token", "a file", Map.of("*", "$HCLOUD_TOKEN"), Parsers.path());
    public static final Setting<Path> SSH_KEY = of("ssh.key", "the SSH client key for the servers", "a private key file",
            Map.of("*", "a fresh key per run"), Parsers.path());

    public static final Setting<String> RUN_ID = of("run-id", "cleanup: the run whose resources are deleted",
            "the id a run printed at its start", Map.of("*", "none: give it or all"), Parsers.text());
    public static final Setting<Boolean> ALL_RUNS = of("all", "cleanup: delete every run's resources", "true, false",
            Map.of("*", "false"), Parsers.trueFalse());
    public static final Setting<Boolean> DRY_RUN = of("dry-run", "cleanup: only list what would be deleted",
            "true, false", Map.of("*", "false"), Parsers.trueFalse());

    public static final Setting<Double> KNEE_P99_MS = of("knee.p99-ms", "knee profile: the p99 bound in ms",
            "1..1000000", Map.of("*", "100"), Parsers.decimal(1, 1_000_000));
    public static final Setting<Integer> KNEE_STEPS = of("knee.steps", "knee profile: open-loop rates tried",
            "2..50", Map.of("*", "8"), Parsers.integer(2, 50));
    public static final Setting<Integer> KNEE_STEP_SECONDS = of("knee.step-seconds",
            "knee profile: seconds per rate", "1..3600", Map.of("*", "4"), Parsers.integer(1, 3600));
    public static final Setting<Integer> TRACE_REPEAT = of("trace.repeat", "trace profile: requests traced per size",
            "1..10000", Map.of("*", "50"), Parsers.integer(1, 10_000));
    public static final Setting<Integer> PING_COUNT = of("ping.count", "ping test: round trips per pair", "1..10000",
            Map.of("*", "32"), Parsers.integer(1, 10_000));
    public static final Setting<Integer> PING_INTERVAL_MS = of("ping.interval-ms", "ping test: ms between pings",
            "1..60000", Map.of("*", "50"), Parsers.integer(1, 60_000));
    public static final Setting<String> FORMATS_N = of("formats.n", "binary formats: the TSP sizes, as FROM..TO",
            Kinds.TSP_MIN + ".." + Kinds.TSP_MAX, Map.of("*", "2..11"), Settings::range);
    public static final Setting<Integer> FORMATS_WARMUP = of("formats.warmup", "binary formats: warm-up runs",
            "0..100", Map.of("*", "2"), Parsers.integer(0, 100));
    public static final Setting<Integer> FORMATS_RUNS = of("formats.runs", "binary formats: measured runs", "1..1000",
            Map.of("*", "15"), Parsers.integer(1, 1000));
    public static final Setting<Double> SCHEDULE_SCALE = of("schedule.scale",
            "live scaling and faults: the schedule's and the events' times (and the run time) multiplied by this", "0.01..100", Map.of("embedded", "0.5", "*", "1"),
            Parsers.decimal(0.01, 100));
    public static final Setting<String> LOAD_TRANSPORT = of("wasimoff.load.transport",
            "the load generator's network transport", "io_uring, epoll, nio",
            Map.of("*", "the fastest this machine has"), Parsers.oneOf(List.of("io_uring", "epoll", "nio")));

    /** Every setting, in the order the README lists them. */
    public static final List<Setting<?>> ALL = List.of(TESTBED, RUN_TIME, USERS, SPAWN_RATE, SYSTEMS, TSP_N, FLEETS,
            PLACEMENTS, ENGINE, PROVIDER, WORKLOAD, REPETITIONS, ORDER, ORDER_SEED, WAN, RESULTS_DIR, MIN_RPS, MAX_FAILURE_RATIO, SERVERLEDGE_CPU, SCENARIOS_DIR, INSTALL,
            CACHE_DIR, WASIMOFF_SRC, WASIMOFF_GIT_URL, HETZNER_ALLOW_FROM, HETZNER_ALLOW_ANY, HETZNER_MAX_HOURLY,
            HETZNER_IMAGE, HETZNER_API_URL, HCLOUD_TOKEN_FILE, SSH_KEY, RUN_ID, ALL_RUNS, DRY_RUN, KNEE_P99_MS, KNEE_STEPS, KNEE_STEP_SECONDS, TRACE_REPEAT,
            PING_COUNT, PING_INTERVAL_MS, FORMATS_N, FORMATS_WARMUP, FORMATS_RUNS, SCHEDULE_SCALE, LOAD_TRANSPORT);

    private Settings() {
    }

    private static <T> Setting<T> of(String key, String description, String valid, Map<String, String> defaults,
                                     Function<String, T> parser) {
        return new Setting<>(key, description, valid, defaults, parser);
    }

    private static Map<String, String> local(String local, String hetzner) {
        return Map.ofEntries(entry("embedded", local), entry("docker", local), entry("hetzner", hetzner));
    }

    /** {@code FROM..TO} within the TSP bounds. */
    private static String range(String v) {
        String[] parts = v.split("\\.\\.");
        if (parts.length != 2) {
            throw new IllegalArgumentException("not a range FROM..TO");
        }
        int from = Parsers.integer(Kinds.TSP_MIN, Kinds.TSP_MAX).apply(parts[0].strip());
        int to = Parsers.integer(Kinds.TSP_MIN, Kinds.TSP_MAX).apply(parts[1].strip());
        if (from > to) {
            throw new IllegalArgumentException(from + " is above " + to);
        }
        return from + ".." + to;
    }

    /** The setting with {@code key}, if declared. */
    public static java.util.Optional<Setting<?>> byKey(String key) {
        return ALL.stream().filter(s -> s.key().equals(key)).findFirst();
    }
}
