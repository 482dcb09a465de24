package wasimoff.eval.run;

import wasimoff.eval.settings.TestbedKind;
import wasimoff.eval.run.RemoteLoadRun;
import io.qameta.allure.Allure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import wasimoff.eval.install.InstallContext;
import wasimoff.eval.install.InstalledBinaries;
import wasimoff.eval.install.Installer;
import wasimoff.eval.install.Requirement;
import wasimoff.eval.load.LoadRunner;
import wasimoff.eval.load.RunSummary;
import wasimoff.eval.load.ResultsWriter;
import wasimoff.eval.load.RunSpec;
import wasimoff.eval.load.SingleRequest;
import wasimoff.eval.report.AllureReport;
import wasimoff.eval.report.Charts;
import wasimoff.eval.report.FaultAnalysis;
import wasimoff.eval.report.FaultReport;
import wasimoff.eval.report.PhaseAnalysis;
import wasimoff.eval.report.ResultsTree;
import wasimoff.eval.report.RunResult;
import wasimoff.eval.scenario.NodeRole;
import wasimoff.eval.scenario.Placement;
import wasimoff.eval.scenario.RunSettings;
import wasimoff.eval.scenario.Scenario;
import wasimoff.eval.scenario.ScenarioLoader;
import wasimoff.eval.scenario.ScenarioPoint;
import wasimoff.eval.scenario.Sweep;
import wasimoff.eval.settings.InvalidSettingException;
import wasimoff.eval.settings.Kinds;
import wasimoff.eval.settings.SettingValues;
import wasimoff.eval.settings.Settings;
import wasimoff.eval.system.Deployment;
import wasimoff.eval.system.SystemFailure;
import wasimoff.eval.system.SystemUnderTest;
import wasimoff.eval.system.Systems;
import wasimoff.eval.testbed.Node;
import wasimoff.eval.testbed.RunningService;
import wasimoff.eval.testbed.Testbed;
import wasimoff.eval.testbed.Testbeds;
import wasimoff.eval.system.wasimoff.ProviderKind;
import wasimoff.eval.workload.Workload;
import wasimoff.eval.workload.Workloads;
import wasimoff.eval.workload.ResponseChecks;

/**
 * The orchestration of one scenario, without JUnit: settings checked, what the systems need
 * installed, the testbed provisioned for the current placement, the system deployed and scaled.
 * {@link #run} executes one throughput point with Allure steps (provision, deploy, scale, warm-up,
 * run, collect); {@link #runLiveScaling} one point while providers join and leave; {@link #runFaults}
 * one point through a timeline of faults; {@link #deploy}
 * hands an evaluation of its own (knee, trace, binary formats) a deployed, scaled system and a way
 * to run load from the client node. Closing it stops every system and releases the testbed.
 */
public final class ScenarioRun implements AutoCloseable {
    private static final Duration WARM_UP_TIMEOUT = Duration.ofSeconds(120);
    /** Single requests whose median is a point's service time. */
    private static final int SERVICE_TIME_SAMPLES = 5;
    /** Rounds of one request per worker at once before anything is timed. */
    private static final int WARM_UP_ROUNDS = 2;
    private static final java.time.format.DateTimeFormatter RUN_STAMP =
            java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    /**
     * This run's identity and order: {@code id} names the run in every result (so a comparison can
     * take exactly this run's directories), {@code seed} the random order's seed.
     */
    private record Ordering(String id, int repetitions, String seed) {
    }

    private final Scenario scenario;
    private final RunSettings settings;
    private final List<ScenarioPoint> points;
    private final Testbed testbed;
    private final ResultsTree results;
    private final SettingValues values;
    private final boolean wan;
    private final InstalledBinaries cache;
    private final Workload workload;
    private final Ordering ordering;
    /** The results directories this run wrote, for its comparison. */
    private final List<Path> written = new ArrayList<>();
    /** What ran, per system, for Allure's environment page. */
    private final Map<String, String> environment = new java.util.TreeMap<>();
    /** The systems of the sweep that cannot run here, with why and how to install them. */
    private final Map<String, Installer.Unmet> notRun;
    private final List<String> log = new ArrayList<>();
    private Placement placement;
    private List<Node> nodes;
    private SystemUnderTest system;
    private boolean closed;

    private ScenarioRun(Scenario scenario, RunSettings settings, List<ScenarioPoint> points, Testbed testbed,
                            ResultsTree results, SettingValues values, boolean wan, InstalledBinaries cache,
                            Map<String, Installer.Unmet> notRun, Workload workload, Ordering ordering) {
        this.ordering = ordering;
        this.cache = cache;
        this.workload = workload;
        this.notRun = Map.copyOf(notRun);
        this.scenario = scenario;
        this.settings = settings;
        this.points = points;
        this.testbed = testbed;
        this.results = results;
        this.values = values;
        this.wan = wan;
    }

    /** Loads scenario {@code id}, prints what will run and provisions the testbed for its first placement. */
    public static ScenarioRun open(String id, Properties properties) {
        return open(id, properties, Testbeds::create);
    }

    /** {@link #open(String, Properties)} with the testbed made by {@code testbeds}. */
    public static ScenarioRun open(String id, Properties properties, Testbeds.Factory testbeds) {
        SettingValues values;
        try {
            values = SettingValues.parse(properties);
        } catch (InvalidSettingException e) {
            // before anything is installed, provisioned or paid for
            throw new ScenarioConfigurationException(id + ": " + e.getMessage(), e);
        }
        Path scenarios = values.get(Settings.SCENARIOS_DIR).orElseGet(ScenarioLoader::defaultDirectory);
        Scenario scenario = ScenarioLoader.of(scenarios).load(id);
        RunSettings settings;
        try {
            settings = RunSettings.resolve(scenario, values);
        } catch (IllegalArgumentException e) {
            throw new ScenarioConfigurationException(scenario.id() + ": " + e.getMessage(), e);
        }
        Path root = scenarios.toAbsolutePath().getParent();
        Installed installed = install(scenario, settings, values, root);
        Map<String, Installer.Unmet> notRun = installed.notRun();
        List<String> notes = new ArrayList<>(settings.notes());
        notes.add("workload = " + installed.workload().label() + " (module sha256 " + installed.workload().moduleSha256()
                + ")");
        notRun.values().forEach(u -> notes.add("system " + u.subject() + " is NOT run: " + u.describe()));
        // real servers need no emulation: their network is the one being measured
        boolean cloud = TestbedKind.of(settings.testbed()).realNetwork();
        boolean wan = !cloud && values.getOr(Settings.WAN, true);
        notes.add("wan = " + (cloud ? "real: the servers are in their locations"
                : wan ? "on: connections between locations pay the seed's measured round-trip times"
                : "off (from -Dwan=off)"));
        int repetitions = values.getOr(Settings.REPETITIONS, scenario.repetitions());
        boolean random = values.getOr(Settings.ORDER, "random").equals("random");
        long seed = values.get(Settings.ORDER_SEED).orElseGet(() -> new java.security.SecureRandom().nextLong());
        ProviderKind provider = providerOf(scenario, values);
        List<ScenarioPoint> points = Sweep.ordered(Sweep.points(scenario, settings), repetitions, random, seed).stream()
                .map(p -> p.withVariant(Systems.variant(p.system(), settings.engine(), installed.workload().kind(), provider)))
                .toList();
        points.stream().filter(p -> !p.variant().isEmpty()).map(ScenarioPoint::systemLabel).distinct()
                .forEach(label -> notes.add(label.substring(0, label.indexOf('+')) + " is named " + label
                        + " in results, charts and the console: not its default set-up"));
        if (settings.systems().contains("wasimoff")) {
            notes.add("wasimoff's providers = " + provider.word() + " (-D" + Settings.PROVIDER.key() + "="
                    + String.join("|", Kinds.PROVIDERS) + ")");
        }
        notes.add("repetitions = " + repetitions + "; order = " + (random ? "random within each placement, seed " + seed
                + " (the same order again: -D" + Settings.ORDER_SEED.key() + "=" + seed + ")" : "the seed's sweep"));
        Path resultsRoot = values.getOr(Settings.RESULTS_DIR, root.resolve("results"));
        try {
            ScenarioReport.carryHistory(root);
        } catch (IOException e) {
            System.out.println("WARNING: Allure's history was not carried over: " + e);
        }
        System.out.println("== scenario " + scenario.id() + " on the " + settings.testbed() + " testbed: "
                + points.size() + " points");
        notes.forEach(n -> System.out.println("   " + n));
        Path work = root.resolve("target/testbed/" + scenario.id() + "-" + Instant.now().toEpochMilli());
        Testbed testbed;
        try {
            testbed = testbeds.create(settings.testbed(), work, wan, scenario.id(), values.asProperties(),
                    browserProviders(settings, notRun, providerOf(scenario, values)));
        } catch (UnsupportedOperationException | IllegalArgumentException | IllegalStateException e) {
            // no token, no allowed address, a testbed not built: the user's setting to fix, said at once
            throw new ScenarioConfigurationException("-Dtestbed=" + settings.testbed() + ": " + e.getMessage(), e);
        }
        ScenarioRun session = new ScenarioRun(scenario, settings, points, testbed,
                new ResultsTree(resultsRoot), values, wan, cacheOf(values), notRun, installed.workload(),
                new Ordering(scenario.id() + "-" + RUN_STAMP.format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC)),
                        repetitions, random ? Long.toString(seed) : "none (sweep order)"));
        try {
            if (!points.isEmpty()) {
                session.provision(points.get(0).placement());
            }
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
        return session;
    }

    /**
     * Brings what the testbed and the systems need onto this machine (or only checks, with
     * {@code -Dinstall=off}). A testbed that cannot run, or a system named by {@code -Dsystems=}
     * that cannot, fails the scenario; other systems that cannot run are returned, to be reported
     * at each of their points.
     */
    /** What the installer brought: the systems that still cannot run, and the workload every system runs. */
    private record Installed(Map<String, Installer.Unmet> notRun, Workload workload) {
    }

    private static Installed install(Scenario scenario, RunSettings settings, SettingValues values, Path project) {
        boolean installing = values.getOr(Settings.INSTALL, true);
        InstallContext context = new InstallContext(cacheOf(values), values.asProperties(), System.getenv(), project,
                System.out::println);
        Installer installer = new Installer(context, installing);
        String workloadSetting = values.get(Settings.WORKLOAD).orElse(scenario.workload());
        String workloadKind = Workloads.kind(workloadSetting, context);
        String testbedSubject = "testbed " + settings.testbed();
        String workloadSubject = "workload " + workloadKind;
        Map<String, List<Requirement>> subjects = new LinkedHashMap<>();
        subjects.put(testbedSubject, Testbeds.requirements(settings.testbed()));
        subjects.put(workloadSubject, Workloads.requirements(workloadSetting, context));
        ProviderKind provider = providerOf(scenario, values);
        for (String system : settings.systems()) {
            subjects.put(system, Systems.requirements(system, settings.testbed(), provider));
        }
        System.out.println("== scenario " + scenario.id() + ": checking what " + String.join(", ", settings.systems())
                + ", the " + workloadKind + " workload and the " + settings.testbed() + " testbed need"
                + (installing ? "" : " (installing is off)"));
        Map<String, Installer.Unmet> unmet = new LinkedHashMap<>(installer.ensure(subjects));
        Installer.Unmet testbed = unmet.remove(testbedSubject);
        if (testbed != null) {
            throw new ScenarioConfigurationException("-Dtestbed=" + settings.testbed() + " cannot run: "
                    + testbed.describe());
        }
        Installer.Unmet seed = unmet.remove(workloadSubject);
        Workload workload;
        if (seed == null) {
            workload = Workloads.resolve(workloadSetting, context);
        } else if (workloadSetting == null) {
            // the default could not be built: measure with our own program, and say so in every result
            System.out.println("WARNING: the evaluation's TSP program could not be built (" + seed.describe()
                    + "); every system runs this project's own TSP program instead");
            workload = Workloads.resolve(Workload.OWN_TSP, context);
        } else {
            throw new ScenarioConfigurationException("workload " + workloadKind + " cannot run: " + seed.describe());
        }
        for (String system : settings.systems()) {
            Systems.unfixable(system, settings.testbed()).ifPresent(u -> unmet.put(system, u));
        }
        if (values.given(Settings.SYSTEMS) && !unmet.isEmpty()) {
            throw new ScenarioConfigurationException(unmet.values().stream()
                    .map(u -> u.subject() + " cannot run: " + u.describe()).collect(Collectors.joining("\n")));
        }
        return new Installed(unmet, workload);
    }

    /** Whether Wasimoff runs in this run with its web provider, so that provider nodes need Chromium. */
    private static boolean browserProviders(RunSettings settings, Map<String, Installer.Unmet> notRun,
                                            ProviderKind provider) {
        return provider == ProviderKind.BROWSER && settings.systems().contains("wasimoff")
                && !notRun.containsKey("wasimoff");
    }

    /** Wasimoff's provider kind: {@code -Dprovider}, else the scenario file's, else the web provider in Chromium. */
    private static ProviderKind providerOf(Scenario scenario, SettingValues values) {
        return ProviderKind.parse(values.get(Settings.PROVIDER).orElse(scenario.provider()));
    }

    /** The TSP program every system of this run runs. */
    public Workload workload() {
        return workload;
    }

    private static InstalledBinaries cacheOf(SettingValues values) {
        return values.get(Settings.CACHE_DIR).map(InstalledBinaries::new)
                .orElseGet(() -> InstalledBinaries.from(null, System.getenv("WASIMOFF_EVAL_CACHE")));
    }

    public Scenario scenario() {
        return scenario;
    }

    public RunSettings settings() {
        return settings;
    }

    /** Every setting the run was given, parsed and checked. */
    public SettingValues values() {
        return values;
    }

    public List<ScenarioPoint> points() {
        return points;
    }

    /** Runs one point and returns its results as read back from its results directory. */
    public RunResult run(ScenarioPoint point) throws Exception {
        nameInAllure(point);
        abortIfNotRun(point);
        Prepared p = prepare(point, null);
        Allure.step("run " + point.load(), () -> runLoad(p.spec(), p.dir()));
        return finish(point, p);
    }

    /**
     * Runs one point while its providers join and leave on the scenario's schedule, every phase's
     * time multiplied by {@code timeScale}. Besides the usual results it writes
     * {@code providers.csv} (second;providers) and {@code phases.csv} (plateau and settling time per
     * phase) and charts throughput and provider count together.
     */
    public RunResult runLiveScaling(ScenarioPoint point, double timeScale) throws Exception {
        nameInAllure(point);
        abortIfNotRun(point);
        List<Scenario.Phase> schedule = scenario.schedule();
        if (schedule.isEmpty()) {
            throw new IllegalStateException("scenario " + scenario.id() + " has no schedule");
        }
        List<Integer> starts = schedule.stream().map(ph -> (int) Math.round(ph.at().toSeconds() * timeScale)).toList();
        List<Integer> counts = schedule.stream().map(Scenario.Phase::providers).toList();
        Prepared p = withScheduledRunTime(prepare(point, counts.get(0)), timeScale);
        p.params().put("schedule", counts + " providers from seconds " + starts);
        List<Node> all = providerNodes();
        List<String> changes = new ArrayList<>(List.of("second;providers"));
        Allure.step("run " + point.load() + " with providers " + counts + " from seconds " + starts, () -> {
            var load = loadInBackground(p);
            long t0 = System.nanoTime();
            changes.add("0;" + counts.get(0));
            for (int i = 1; i < starts.size(); i++) {
                long due = t0 + starts.get(i) * 1_000_000_000L;
                Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
                System.out.println("== live scaling: " + counts.get(i) + " providers at second " + starts.get(i));
                p.sut().scaleTo(all.subList(0, counts.get(i)));
                changes.add(starts.get(i) + ";" + counts.get(i));
            }
            load.join();
        });
        Files.write(p.dir().resolve("providers.csv"), changes);
        RunResult result = finish(point, p);
        List<Double> perSecond = result.history().stream().map(RunResult.HistoryRow::requestsPerSecond).toList();
        List<PhaseAnalysis.Phase> phases = PhaseAnalysis.analyse(perSecond, starts, counts);
        List<String> table = new ArrayList<>(List.of("providers;from_s;to_s;plateau_rps;settle_s"));
        phases.forEach(ph -> table.add(String.format(java.util.Locale.ROOT, "%d;%d;%d;%.1f;%d", ph.providers(),
                ph.startSecond(), ph.endSecond(), ph.plateau(), ph.settleSeconds())));
        Files.write(p.dir().resolve("phases.csv"), table);
        Charts.throughputAndProviders(result, starts, counts, "Live scaling: " + point.systemLabel(),
                p.dir().resolve("scaling.png"));
        AllureReport.attach("throughput and providers over time", p.dir().resolve("scaling.png"));
        AllureReport.attach("phases.csv", p.dir().resolve("phases.csv"));
        table.forEach(l -> System.out.println("   " + l));
        return result;
    }

    /** {@code prepared} with the scenario file's run time multiplied by {@code timeScale}. */
    private Prepared withScheduledRunTime(Prepared prepared, double timeScale) {
        RunSpec base = prepared.spec();
        long runMillis = Math.round(scenario.load().runTime().toMillis() * timeScale);
        prepared.params().put("run time", runMillis / 1000 + "s (the schedule's, x" + timeScale + ")");
        return new Prepared(prepared.sut(), prepared.params(), new RunSpec(base.name(), base.request(),
                base.check(), base.users(), base.spawnRate(), runMillis, base.percentiles(), base.bindAddress(),
                base.requestTimeoutMillis(), base.csvPrefix()), prepared.dir());
    }

    /**
     * Runs one point through the scenario's fault events during one closed-loop load run, every
     * time multiplied by {@code timeScale} (see {@link FaultTimeline}). Besides the usual results it
     * writes {@code events.csv} (second;event;detail), {@code faults.md} (what each event cost, what
     * was lost, retried or timed out) and {@code faults.png} (throughput and failures with the events
     * marked). The system is not reused afterwards: the next point deploys it afresh.
     */
    public RunResult runFaults(ScenarioPoint point, double timeScale) throws Exception {
        abortIfNotRun(point);
        List<wasimoff.eval.scenario.FaultEvent> events = scenario.events();
        if (events.isEmpty()) {
            throw new IllegalStateException("scenario " + scenario.id() + " has no events");
        }
        Prepared p = withScheduledRunTime(prepare(point, null), timeScale);
        String plan = events.stream().map(e -> e.label() + " at " + Math.round(e.at().toSeconds() * timeScale) + "s")
                .collect(Collectors.joining(", "));
        p.params().put("events", plan);
        FaultTimeline timeline = new FaultTimeline(p.sut(), testbed, point.placement());
        List<FaultAnalysis.Event> happened = new ArrayList<>();
        try {
            Allure.step("run " + point.load() + " through " + plan, () -> {
                var load = loadInBackground(p);
                long t0 = System.nanoTime();
                Instant wall = Instant.now();
                List<FaultAnalysis.Event> seen = timeline.run(events, timeScale, t0, load::isDone);
                happened.addAll(seen);
                // the load generator's seconds start when it started, a moment after t0: count from there
                double lag = Duration.between(wall, load.join().started()).toNanos() / 1e9;
                happened.clear();
                seen.forEach(e -> happened.add(new FaultAnalysis.Event(Math.max(0, e.second() - lag), e.label(),
                        e.enacted(), e.detail())));
            });
        } finally {
            timeline.healLeftovers();
            List<String> csv = new ArrayList<>(List.of("second;event;detail"));
            happened.forEach(e -> csv.add(String.format(java.util.Locale.ROOT, "%.1f;%s;%s", e.second(), e.label(),
                    (e.enacted() ? "" : "NOT ENACTED ") + e.detail().replace(';', ',').replace('\n', ' '))));
            Files.write(p.dir().resolve("events.csv"), csv);
        }
        happened.forEach(e -> p.params().put("event " + e.label(), (e.enacted() ? "" : "NOT ENACTED ") + e.detail()));
        try {
            return finish(point, p, result -> {
                String title = title(point);
                Charts.throughputWithEvents(result, happened, "Faults: " + title, p.dir().resolve("faults.png"));
                String md = FaultReport.write(result, title, happened, List.of("event times are seconds since the"
                        + " load generator started (its summary's start time); history row i is second i to i+1"));
                AllureReport.attach("throughput and failures with the events", p.dir().resolve("faults.png"));
                AllureReport.text("faults.md", md);
                AllureReport.attach("events.csv", p.dir().resolve("events.csv"));
                System.out.println(md);
            });
        } finally {
            // killed, cut and restarted: no later point should measure this deployment
            closeSystem();
        }
    }

    /**
     * Names the running Allure test after the point ({@code wasimoff · 04x02c · nbg1-nbg1-nbg1 · tsp-8}):
     * Allure's JUnit listener would put the test method's signature before a parameterized test's name.
     */
    private static void nameInAllure(ScenarioPoint point) {
        Allure.getLifecycle().updateTestCase(test -> test.setName(point.toString()));
    }

    /**
     * A point of a system that cannot run here is not measured: its results directory gets
     * {@code not-run.json} with the reason and the command that would install what is missing, Allure
     * shows the same, and the test is aborted (skipped), not passed.
     */
    private void abortIfNotRun(ScenarioPoint point) throws IOException {
        Installer.Unmet unmet = notRun.get(point.system());
        if (unmet == null) {
            return;
        }
        Allure.epic(scenario.id());
        Allure.feature(point.systemLabel());
        Path dir = results.newRunDirectory(point);
        Map<String, Object> why = new LinkedHashMap<>();
        why.put("system", point.system());
        why.put("status", "not run");
        why.put("reasons", unmet.reasons());
        why.put("install command", unmet.command());
        ResultsWriter.JSON.writeValue(dir.resolve("not-run.json").toFile(), why);
        AllureReport.text(point.system() + " NOT RUN", unmet.describe());
        System.out.println("== " + point.system() + " NOT RUN at " + point + ": " + unmet.describe() + " -> " + dir);
        throw new PointNotRunException(point.system() + " is not run here: " + unmet.describe());
    }

    /** Everything a point's load run needs once the system is deployed, scaled and warmed up. */
    private record Prepared(SystemUnderTest sut, Map<String, Object> params, RunSpec spec, Path dir) {
    }

    /** Provision, deploy, scale to the point's fleet (or to the first {@code providers}), warm up. */
    private Prepared prepare(ScenarioPoint point, Integer providers) throws Exception {
        Deployed d = deployAndScale(point, providers);
        SystemUnderTest sut = d.system();
        RunSpec.HttpRequestTemplate request = sut.request(point.tspN());
        Path dir = results.newRunDirectory(point);
        RunSpec spec = new RunSpec(point.systemLabel() + " " + point.fleet().label() + " tsp-" + point.tspN(), request,
                sut.responseCheck(), point.load().users(), point.load().spawnRate(), point.load().runTime().toMillis(),
                RunSpec.SEED_PERCENTILES, d.clientAddress(), 120_000, "locust");
        return new Prepared(sut, d.parameters(), spec, dir);
    }

    /**
     * Deploys the point's system on the testbed, scaled to the point's fleet, and warmed up with one
     * TSP request of the point's size, for an evaluation that runs load of its own through
     * {@link Deployed#runLoad}. The system stays deployed until another system is or this run closes.
     */
    public Deployed deploy(ScenarioPoint point) throws Exception {
        nameInAllure(point);
        abortIfNotRun(point);
        return deployAndScale(point, null);
    }

    private Deployed deployAndScale(ScenarioPoint point, Integer providers) throws Exception {
        Allure.epic(scenario.id());
        Allure.feature(point.systemLabel());
        Allure.label("testbed", settings.testbed());
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("scenario", scenario.id());
        params.put("scenario run", ordering.id());
        params.put("repetition", point.repetition() + "/" + point.repetitions());
        params.put("order seed", ordering.seed());
        params.put("system", point.system());
        params.put("system as named", point.systemLabel());
        params.put("fleet", point.fleet().label());
        params.put("placement", point.placement().label());
        params.put("tsp-n", point.tspN());
        params.put("users", point.load().users());
        params.put("spawn rate", point.load().spawnRate());
        params.put("run time", point.load().runTime().toSeconds() + "s");
        params.put("testbed", settings.testbed());
        Allure.step("provision " + point.placement().label(), () -> {
            provision(point.placement());
            AllureReport.text("provisioning log", String.join("\n", log));
        });
        SystemUnderTest sut = Allure.step("deploy " + point.system(), () -> deploy(point.system()));
        sut.parameters().forEach(params::put);
        testbed.parameters().forEach(params::put);
        boolean distant = !point.placement().providers().stream().allMatch(l -> l.equals(point.placement().client()))
                || !point.placement().client().equals(point.placement().broker());
        if (distant && wan && !sut.followsRoutes()) {
            String warning = point.system() + " does not go through the WAN emulation: this result has none of the"
                    + " latency of placement " + point.placement().label();
            System.out.println("WARNING: " + warning);
            AllureReport.text("WARNING: no WAN latency", warning);
            params.put("wan emulation", "NOT applied to " + point.system());
        } else {
            params.put("wan emulation", TestbedKind.of(settings.testbed()).realNetwork() ? "none (real network)"
                    : wan ? "on" : "off");
        }
        AllureReport.parameters(params);
        List<Node> active = providers == null
                ? Sweep.activeProviders(point.fleet(), providerNodes(), n -> n.spec().type())
                : providerNodes().subList(0, providers);
        Allure.step("scale to " + active.size() + " providers", () -> {
            sut.scaleTo(active);
            assertAlive(sut, "after scaling");
        });
        // what only started providers can say (Wasimoff's: the Chromium version, workers per provider)
        Map<String, Object> learned = new LinkedHashMap<>();
        sut.parameters().forEach((k, v) -> {
            if (!params.containsKey(k)) {
                learned.put(k, v);
            }
        });
        params.putAll(learned);
        AllureReport.parameters(learned);
        RunSpec.HttpRequestTemplate warmUp = sut.request(point.tspN());
        Allure.step("warm-up: one TSP request", () -> {
            var outcome = SingleRequest.send(warmUp, ResponseChecks.named(sut.responseCheck()), WARM_UP_TIMEOUT);
            AllureReport.text("warm-up response (" + outcome.took().toMillis() + " ms)", outcome.body());
            if (outcome.failure().isPresent()) {
                assertAlive(sut, "during warm-up");
                throw new SystemFailure(point.system() + " answered the warm-up request wrongly: "
                        + outcome.failure().get());
            }
        });
        int workers = active.stream().mapToInt(n -> n.spec().type().vcpus()).sum();
        String warmed = Allure.step("warm-up: " + WARM_UP_ROUNDS + " rounds of " + workers
                + " requests at once, one per worker", () -> warmEveryWorker(sut, warmUp, workers));
        params.put("warm-up", warmed);
        double serviceMillis = Allure.step("service time: " + SERVICE_TIME_SAMPLES + " single requests, one at a time",
                () -> serviceTime(sut, warmUp));
        // local testbeds share this machine's cores among all nodes; servers have their own
        int usable = TestbedKind.of(settings.testbed()).sharesThisMachine()
                ? Math.min(workers, Runtime.getRuntime().availableProcessors()) : workers;
        params.put("service time ms", String.format(java.util.Locale.ROOT, "%.1f", serviceMillis));
        params.put("workers", workers);
        params.put("cpus usable", usable + (usable < workers ? " (of " + workers + " asked: the machine's, not the"
                + " system's limit)" : ""));
        params.put("cpu-bound limit req/s", String.format(java.util.Locale.ROOT, "%.1f", usable * 1000.0 / serviceMillis));
        sut.parameters().forEach((k, v) -> environment.put(point.system() + " " + k, String.valueOf(v)));
        Node client = byRole(NodeRole.CLIENT).get(0);
        return new Deployed(sut, client, sut.clientAddress(client), params);
    }

    /**
     * Sends {@code workers} requests at once, {@link #WARM_UP_ROUNDS} times, so that before any request
     * is timed every worker has run one: Serverledge starts a function container per node on first use
     * (a second or more), Wasm engines compile per worker, browsers fill their pools. Returns what
     * happened, for the results; failures here are recorded, not fatal, since the runs that follow
     * count their own.
     */
    private static String warmEveryWorker(SystemUnderTest sut, RunSpec.HttpRequestTemplate request, int workers)
            throws InterruptedException {
        int parallel = Math.max(1, Math.min(workers, 64));
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        int failed = 0;
        long slowest = 0;
        try {
            for (int round = 0; round < WARM_UP_ROUNDS; round++) {
                List<java.util.concurrent.Future<SingleRequest.Outcome>> calls = new ArrayList<>();
                for (int i = 0; i < parallel; i++) {
                    calls.add(pool.submit(() -> SingleRequest.send(request, ResponseChecks.named(sut.responseCheck()),
                            WARM_UP_TIMEOUT)));
                }
                for (var c : calls) {
                    try {
                        SingleRequest.Outcome o = c.get();
                        failed += o.failure().isPresent() ? 1 : 0;
                        slowest = Math.max(slowest, o.took().toMillis());
                    } catch (java.util.concurrent.ExecutionException e) {
                        failed++;
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return WARM_UP_ROUNDS + " x " + parallel + " requests at once, " + failed + " failed, slowest " + slowest + " ms";
    }

    /** The median time of single requests sent one at a time to an idle system, in ms. */
    private static double serviceTime(SystemUnderTest sut, RunSpec.HttpRequestTemplate request) throws Exception {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < SERVICE_TIME_SAMPLES; i++) {
            var outcome = SingleRequest.send(request, ResponseChecks.named(sut.responseCheck()), WARM_UP_TIMEOUT);
            if (outcome.failure().isPresent()) {
                throw new SystemFailure(sut.id() + " answered a single request wrongly: " + outcome.failure().get());
            }
            millis.add(outcome.took().toNanos() / 1e6);
        }
        java.util.Collections.sort(millis);
        return millis.get(millis.size() / 2);
    }

    /**
     * A system deployed, scaled and warmed up for one point, with the client node to load it from.
     *
     * @param parameters what ran (system versions, testbed, fleet, placement), as results record it
     */
    public record Deployed(SystemUnderTest system, Node client, String clientAddress, Map<String, Object> parameters) {
    }

    /**
     * Runs {@code spec} from the client node of the deployed system into {@code dir}: in this JVM on
     * the embedded testbed, on the client node itself elsewhere (its results directory is copied back).
     */
    public RunSummary runLoad(RunSpec spec, Path dir) throws Exception {
        return runLoad(spec, dir, System.out::println);
    }

    /** {@link #runLoad(RunSpec, Path)} with the generator's progress lines going to {@code progress}. */
    public RunSummary runLoad(RunSpec spec, Path dir, java.util.function.Consumer<String> progress) throws Exception {
        if (TestbedKind.of(testbed.kind()).sharesThisMachinesNetwork()) {
            return new LoadRunner(spec, ResponseChecks.named(spec.check()), progress).run(dir);
        }
        return new RemoteLoadRun(byRole(NodeRole.CLIENT).get(0)).run(spec, dir, progress);
    }

    /**
     * A new directory for an evaluation's own results, {@code <results root>/<evaluation>/<system>/<time>},
     * never reused.
     */
    public Path evaluationDirectory(String evaluation, String system) throws IOException {
        Path dir = results.root().resolve(evaluation).resolve(system)
                .resolve(java.time.Instant.now().toString().replace(":", ""));
        return Files.createDirectories(dir);
    }


    /** A chart or report of an evaluation's own, made from the results read back. */
    private interface Extra {
        void write(RunResult result) throws Exception;
    }

    private RunResult finish(ScenarioPoint point, Prepared p) throws Exception {
        return finish(point, p, result -> {
        });
    }

    /**
     * After the load: services checked, parameters written, results read back and charted, and
     * {@code extra} written. A service that died leaves all of that written too, and is named with its
     * exit status and last log lines in {@code parameters.json}, {@code services-died.txt} and the
     * failure this then throws.
     */
    private RunResult finish(ScenarioPoint point, Prepared p, Extra extra) throws Exception {
        List<RunningService> dead = p.sut().services().stream().filter(s -> !s.isAlive()).toList();
        SystemFailure died = dead.isEmpty() ? null : SystemFailure.servicesDied(p.sut().id() + " services died"
                + " during the run", dead);
        if (died != null) {
            p.params().put("services died", died.getMessage());
            Files.writeString(p.dir().resolve("services-died.txt"), died.getMessage() + "\n");
        }
        ResultsWriter.JSON.writeValue(p.dir().resolve("parameters.json").toFile(), p.params());
        written.add(p.dir());
        addEfficiency(p.dir(), p.params());
        RunResult result = Allure.step("collect results", () -> collect(point, p.dir()));
        extra.write(result);
        results.markLatest(p.dir());
        Allure.description(glance(result, p.params()));
        Allure.step("service logs", () -> p.sut().services().forEach(s -> AllureReport.text(
                s.node().name() + "/" + s.name() + " (last 200 lines)", String.join("\n", s.lastLogLines(200)))));
        // the charts sit on the test itself, not inside a step, so the report shows them first
        AllureReport.attach("throughput over time", p.dir().resolve("throughput.png"));
        AllureReport.attach("response-time percentiles", p.dir().resolve("response-times.png"));
        if (died != null) {
            AllureReport.text("SERVICES DIED", died.getMessage());
            System.out.println("== " + died.getMessage() + "\n   results written to " + p.dir());
            throw died;
        }
        return result;
    }

    /** The point's load run on a thread of its own, while the caller changes the system on a schedule. */
    private java.util.concurrent.CompletableFuture<RunSummary> loadInBackground(Prepared p) {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return runLoad(p.spec(), p.dir());
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
    }

    /** How charts and the console name a point. */
    private static String title(ScenarioPoint point) {
        return point.systemLabel() + " " + point.fleet().label() + " " + point.placement().label() + " tsp-" + point.tspN();
    }

    private List<Node> providerNodes() {
        return byRole(NodeRole.PROVIDER);
    }

    /**
     * Adds to {@code summary.json} the point's efficiency against the CPU limit: successful requests
     * per second over the CPU-bound limit (usable CPUs / single-request service time).
     */
    private static void addEfficiency(Path dir, Map<String, Object> params) throws IOException {
        Path file = dir.resolve("summary.json");
        var summary = (com.fasterxml.jackson.databind.node.ObjectNode) ResultsWriter.JSON.readTree(file.toFile());
        double limit = Double.parseDouble(String.valueOf(params.get("cpu-bound limit req/s")));
        double efficiency = limit > 0 ? summary.path("successesPerSecond").asDouble() / limit : 0;
        summary.put("serviceTimeMillis", Double.parseDouble(String.valueOf(params.get("service time ms"))));
        summary.put("cpusUsable", Integer.parseInt(String.valueOf(params.get("cpus usable")).split(" ")[0]));
        summary.put("workers", (Integer) params.get("workers"));
        summary.put("cpuBoundLimitPerSecond", limit);
        summary.put("efficiency", Math.round(efficiency * 1000) / 1000.0);
        ResultsWriter.JSON.writeValue(file.toFile(), summary);
        params.put("efficiency", String.format(java.util.Locale.ROOT, "%.2f", efficiency));
    }

    /** What a point's Allure page shows first: its figures, without opening an attachment. */
    private static String glance(RunResult result, Map<String, Object> params) {
        var s = result.summary();
        return String.format(java.util.Locale.ROOT, "| req/s | p50 ms | p99 ms | sent | failed | efficiency |%n"
                        + "|---|---|---|---|---|---|%n| %.1f | %.0f | %.0f | %d | %d (%.2f%%) | %s of %s req/s (%s CPUs, %s ms"
                        + " per request) |%n", s.successesPerSecond(), s.percentileMillis(0.5), s.percentileMillis(0.99),
                s.sent(), s.failed(), 100 * s.failureRatio(), params.get("efficiency"),
                params.get("cpu-bound limit req/s"), params.get("cpus usable"), params.get("service time ms"));
    }

    private RunResult collect(ScenarioPoint point, Path dir) throws IOException {
        RunResult result = RunResult.read(dir);
        String title = title(point);
        Charts.throughputOverTime(result, "Throughput: " + title, dir.resolve("throughput.png"));
        Charts.responseTimePercentiles(result, "Response times: " + title, dir.resolve("response-times.png"));
        AllureReport.attach("summary.json", dir.resolve("summary.json"));
        AllureReport.attach("parameters.json", dir.resolve("parameters.json"));
        try (var files = Files.list(dir)) {
            for (Path csv : files.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
                AllureReport.attach(csv.getFileName().toString(), csv);
            }
        }
        AllureReport.text("results directory", dir.toString());
        if (result.summary().generatorWarning() != null) {
            AllureReport.text("WARNING: load generator saturated", result.summary().generatorWarning());
            System.out.println("WARNING: " + result.summary().generatorWarning());
        }
        System.out.printf("== %s: %.1f req/s, %d sent, %d ok, %d failed -> %s%n", title,
                result.summary().requestsPerSecond(), result.summary().sent(), result.summary().succeeded(),
                result.summary().failed(), dir);
        return result;
    }

    /**
     * The nodes of {@code wanted}, provisioned on the testbed (reused when it is the current
     * placement), for an evaluation that works with nodes rather than systems (the ping test).
     */
    public List<Node> nodesOf(Placement wanted) {
        provision(wanted);
        return List.copyOf(nodes);
    }

    /** The testbed the nodes are on; {@link Testbed#route} says how one node dials another. */
    public Testbed testbed() {
        return testbed;
    }

    private void provision(Placement wanted) {
        if (wanted.equals(placement)) {
            log.add("reusing the nodes of " + wanted.label());
            return;
        }
        closeSystem();
        long t0 = System.nanoTime();
        nodes = testbed.provision(Sweep.nodes(scenario, wanted, settings.fleets()));
        placement = wanted;
        log.add(String.format("provisioned %d nodes for %s on the %s testbed in %d ms:", nodes.size(),
                wanted.label(), testbed.kind(), (System.nanoTime() - t0) / 1_000_000));
        nodes.forEach(n -> log.add("  " + n.name() + " " + n.spec().type() + " @" + n.spec().location() + " -> "
                + n.host()));
    }

    /**
     * The deployed system {@code id}: the one deployed already if every service of it is alive,
     * otherwise (another system, or one whose service died) a fresh deployment.
     */
    private SystemUnderTest deploy(String id) {
        if (system != null && system.id().equals(id)) {
            List<RunningService> dead = system.services().stream().filter(s -> !s.isAlive()).toList();
            if (dead.isEmpty()) {
                return system;
            }
            String why = SystemFailure.servicesDied(id + " is deployed afresh: services of its last deployment died",
                    dead).getMessage();
            System.out.println("== " + why);
            log.add(why);
        }
        closeSystem();
        SystemUnderTest created = Systems.create(id, cache, values.getOr(Settings.SERVERLEDGE_CPU, scenario.serverledgeCpu()),
                settings.engine(), workload, providerOf(scenario, values));
        system = created;
        Node client = byRole(NodeRole.CLIENT).get(0);
        Node broker = byRole(NodeRole.BROKER).get(0);
        created.deploy(new Deployment(testbed, client, broker, byRole(NodeRole.PROVIDER)));
        return created;
    }

    private List<Node> byRole(NodeRole role) {
        return nodes.stream().filter(n -> n.spec().role() == role).collect(Collectors.toList());
    }

    private static void assertAlive(SystemUnderTest sut, String when) {
        List<RunningService> dead = sut.services().stream().filter(s -> !s.isAlive()).toList();
        if (!dead.isEmpty()) {
            throw SystemFailure.servicesDied(sut.id() + " services died " + when, dead);
        }
    }

    private void closeSystem() {
        if (system != null) {
            SystemUnderTest s = system;
            system = null;
            s.close();
        }
    }

    /** The comparison of what this run measured, and Allure's environment page; a failure here loses no result. */
    private void report() {
        try {
            environment.put("testbed", settings.testbed());
            environment.put("workload", workload.label() + " (module sha256 " + workload.moduleSha256() + ")");
            environment.put("scenario run", ordering.id() + ", order seed " + ordering.seed());
            ScenarioReport.environment(environment);
            if (!written.isEmpty()) {
                Path out = ScenarioReport.comparison(results.root(), scenario.id(), ordering.id(), written);
                System.out.println("== comparison of " + written.size() + " runs: " + out);
            }
        } catch (IOException | RuntimeException e) {
            System.out.println("WARNING: the comparison of " + ordering.id() + " could not be written: " + e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            closeSystem();
        } finally {
            testbed.close();
            report();
        }
    }
}
