package wasimoff.eval.scenario;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import wasimoff.eval.settings.Kinds;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads and validates the catalogue and the scenario files of a {@code scenarios/} directory. Any
 * unknown key, server type or location, malformed range or bad number is a
 * {@link ScenarioException} naming the file, line and field and listing the valid choices.
 */
public final class ScenarioLoader {
    /** The systems a scenario may compare. */
    public static final Set<String> SYSTEMS = Set.copyOf(Kinds.SYSTEMS);

    private final Path directory;
    private final Catalogue catalogue;

    private ScenarioLoader(Path directory, Catalogue catalogue) {
        this.directory = directory;
        this.catalogue = catalogue;
    }

    /** A loader for {@code directory}, whose {@code catalogue.yaml} is read and validated at once. */
    public static ScenarioLoader of(Path directory) {
        return new ScenarioLoader(directory, readCatalogue(directory.resolve("catalogue.yaml")));
    }

    /** Finds the project's {@code scenarios/} directory from the working directory or a property. */
    public static Path defaultDirectory() {
        String configured = System.getProperty(wasimoff.eval.settings.Settings.SCENARIOS_DIR.key());
        if (configured != null) {
            return Path.of(configured);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("scenarios/catalogue.yaml"))) {
                return dir.resolve("scenarios");
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(
                "no scenarios/catalogue.yaml above " + Path.of("").toAbsolutePath() + "; set -Dscenarios.dir=DIR");
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    /** The ids of the scenario files in the directory, sorted. */
    public List<String> ids() {
        try (var files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml") && !n.equals("catalogue.yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length()))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Scenario load(String id) {
        Path file = directory.resolve(id + ".yaml");
        if (!Files.isRegularFile(file)) {
            throw new ScenarioException(file, 0, "id", "no such scenario '" + id + "'; valid ids are "
                    + String.join(", ", ids()));
        }
        return load(file);
    }

    public Scenario load(Path file) {
        YamlNode root = parse(file);
        Map<String, YamlNode> top = root.mapping(
                "id", "description", "systems", "tsp-n", "load", "client", "broker", "fleets", "placements",
                "serverledge-cpu", "schedule", "workload", "repetitions", "provider", "events");
        String id = require(root, top, "id").scalar();
        String expectedId = file.getFileName().toString().replaceFirst("\\.yaml$", "");
        if (!id.equals(expectedId)) {
            throw top.get("id").error("id '" + id + "' must equal the file name '" + expectedId + "'");
        }
        String description = top.containsKey("description") ? top.get("description").scalar() : "";
        List<String> systems = new ArrayList<>();
        for (YamlNode s : require(root, top, "systems").sequence()) {
            String name = s.scalar();
            if (!SYSTEMS.contains(name)) {
                throw s.error("unknown system '" + name + "'; valid systems are " + YamlNode.sorted(SYSTEMS));
            }
            systems.add(name);
        }
        List<Integer> tspN = IntSweep.parse(require(root, top, "tsp-n"));
        for (int n : tspN) {
            if (n < 2 || n > 16) {
                throw top.get("tsp-n").error("TSP size " + n + " is outside 2..16");
            }
        }
        LoadProfile load = loadProfile(require(root, top, "load"));
        ServerType clientType = serverType(require(root, top, "client").mapping("type"), root.field());
        ServerType brokerType = serverType(require(root, top, "broker").mapping("type"), root.field());
        List<Fleet> fleets = new ArrayList<>();
        for (YamlNode f : require(root, top, "fleets").sequence()) {
            fleets.addAll(fleets(f));
        }
        List<Placement> placements = new ArrayList<>();
        for (YamlNode p : require(root, top, "placements").sequence()) {
            placements.add(placement(p));
        }
        if (fleets.isEmpty() || placements.isEmpty() || systems.isEmpty()) {
            throw root.error("a scenario needs at least one system, fleet and placement");
        }
        double serverledgeCpu = 0;
        if (top.containsKey("serverledge-cpu")) {
            serverledgeCpu = top.get("serverledge-cpu").positiveNumber();
        }
        List<Scenario.Phase> schedule = top.containsKey("schedule")
                ? schedule(top.get("schedule"), fleets) : List.of();
        String workload = top.containsKey("workload") ? oneOf(top.get("workload"), "workload", Kinds.WORKLOADS) : null;
        int repetitions = top.containsKey("repetitions") ? top.get("repetitions").positiveInt() : 1;
        String provider = top.containsKey("provider") ? oneOf(top.get("provider"), "provider", Kinds.PROVIDERS) : null;
        List<FaultEvent> events = top.containsKey("events") ? events(top.get("events"), fleets, load) : List.of();
        return new Scenario(id, description, file, systems, tspN, load, clientType, brokerType, fleets, placements,
                serverledgeCpu, schedule, workload, repetitions, provider, events);
    }

    /** The node's text, one of {@code valid}, or an error naming the field's line and the choices. */
    private static String oneOf(YamlNode node, String what, List<String> valid) {
        String value = node.scalar();
        if (!valid.contains(value)) {
            throw node.error("unknown " + what + " '" + value + "'; valid " + what + "s are " + String.join(", ", valid));
        }
        return value;
    }

    /** Phases in time order, each with a provider count the largest fleet can field. */
    private static List<Scenario.Phase> schedule(YamlNode node, List<Fleet> fleets) {
        int most = fleets.stream().mapToInt(Fleet::providers).max().orElse(0);
        List<Scenario.Phase> phases = new ArrayList<>();
        for (YamlNode p : node.sequence()) {
            Map<String, YamlNode> m = p.mapping("at", "providers");
            YamlNode at = require(p, m, "at");
            java.time.Duration when = at.scalar().matches("0+s?") ? java.time.Duration.ZERO
                    : Durations.parse(at.scalar()).orElseThrow(() -> at.error("'" + at.scalar()
                            + "' is not a time; write e.g. 30s or 2m"));
            if (!phases.isEmpty() && when.compareTo(phases.get(phases.size() - 1).at()) <= 0) {
                throw at.error("phases must be in increasing time order");
            }
            if (phases.isEmpty() && !when.isZero()) {
                throw at.error("the first phase must start at 0s");
            }
            YamlNode providers = require(p, m, "providers");
            int count = providers.positiveInt();
            if (count > most) {
                throw providers.error(count + " providers, but the largest fleet has " + most);
            }
            phases.add(new Scenario.Phase(when, count));
        }
        return phases;
    }

    /**
     * Fault events in time order within the run time: a provider number the smallest fleet has, a
     * heal only after a cut and a cut only when healed, a mode only on a cut.
     */
    private static List<FaultEvent> events(YamlNode node, List<Fleet> fleets, LoadProfile load) {
        int fewest = fleets.stream().mapToInt(Fleet::providers).min().orElse(0);
        List<FaultEvent> events = new ArrayList<>();
        boolean cut = false;
        for (YamlNode e : node.sequence()) {
            Map<String, YamlNode> m = e.mapping("at", "event", "provider", "mode");
            YamlNode at = require(e, m, "at");
            java.time.Duration when = at.scalar().matches("0+s?") ? java.time.Duration.ZERO
                    : Durations.parse(at.scalar()).orElseThrow(() -> at.error("'" + at.scalar()
                            + "' is not a time; write e.g. 30s or 2m"));
            if (!events.isEmpty() && when.compareTo(events.get(events.size() - 1).at()) < 0) {
                throw at.error("events must be in time order");
            }
            if (when.compareTo(load.runTime()) >= 0) {
                throw at.error("event at " + at.scalar() + " is not within the run time " + load.runTime().toSeconds() + "s");
            }
            FaultEvent.Kind kind = FaultEvent.Kind.of(oneOf(require(e, m, "event"), "event", FaultEvent.Kind.words()));
            int provider = 0;
            if (m.containsKey("provider")) {
                if (kind != FaultEvent.Kind.KILL_PROVIDER) {
                    throw m.get("provider").error("only kill-provider names a provider");
                }
                provider = m.get("provider").positiveInt();
                if (provider > fewest) {
                    throw m.get("provider").error("provider " + provider + ", but the smallest fleet has " + fewest);
                }
            } else if (kind == FaultEvent.Kind.KILL_PROVIDER) {
                provider = 1;
            }
            String mode = null;
            if (m.containsKey("mode")) {
                if (kind != FaultEvent.Kind.CUT) {
                    throw m.get("mode").error("only a cut has a mode");
                }
                mode = oneOf(m.get("mode"), "mode", FaultEvent.CUT_MODES);
            } else if (kind == FaultEvent.Kind.CUT) {
                mode = "blackhole";
            }
            if (kind == FaultEvent.Kind.CUT && cut || kind == FaultEvent.Kind.HEAL && !cut) {
                throw e.error(cut ? "a cut while the partition is still cut; heal it first" : "a heal without a cut before it");
            }
            cut = kind == FaultEvent.Kind.CUT || cut && kind != FaultEvent.Kind.HEAL;
            events.add(new FaultEvent(when, kind, provider, mode));
        }
        return events;
    }

    private LoadProfile loadProfile(YamlNode node) {
        Map<String, YamlNode> m = node.mapping("users", "spawn-rate", "run-time");
        int users = require(node, m, "users").positiveInt();
        double spawnRate = require(node, m, "spawn-rate").positiveNumber();
        YamlNode rt = require(node, m, "run-time");
        var runTime = Durations.parse(rt.scalar())
                .orElseThrow(() -> rt.error("'" + rt.scalar() + "' is not a run time; write e.g. 180s, 3m or 1h30m"));
        return new LoadProfile(users, spawnRate, runTime);
    }

    /** One entry of {@code fleets}: a group (count may sweep) or a list of groups forming one mixed fleet. */
    private List<Fleet> fleets(YamlNode node) {
        if (node.isSequence()) {
            List<ProviderGroup> groups = new ArrayList<>();
            for (YamlNode g : node.sequence()) {
                Map<String, YamlNode> m = g.mapping("count", "type");
                groups.add(new ProviderGroup(require(g, m, "count").positiveInt(), serverType(m, g.field())));
            }
            return List.of(new Fleet(groups));
        }
        Map<String, YamlNode> m = node.mapping("count", "type");
        ServerType type = serverType(m, node.field());
        List<Fleet> fleets = new ArrayList<>();
        for (int count : IntSweep.parse(require(node, m, "count"))) {
            fleets.add(new Fleet(List.of(new ProviderGroup(count, type))));
        }
        return fleets;
    }

    private Placement placement(YamlNode node) {
        Map<String, YamlNode> m = node.mapping("name", "client", "broker", "providers");
        List<Location> providers = new ArrayList<>();
        for (YamlNode p : require(node, m, "providers").sequence()) {
            providers.add(location(p));
        }
        if (providers.isEmpty()) {
            throw m.get("providers").error("must name at least one location");
        }
        return new Placement(require(node, m, "name").scalar(),
                location(require(node, m, "client")), location(require(node, m, "broker")), providers);
    }

    private Location location(YamlNode node) {
        String id = node.scalar();
        return catalogue.location(id).orElseThrow(() -> node.error("unknown location '" + id
                + "'; valid locations are " + String.join(", ", catalogue.locations().keySet())));
    }

    private ServerType serverType(Map<String, YamlNode> m, String parentField) {
        YamlNode node = m.get("type");
        if (node == null) {
            throw new IllegalStateException(parentField + ".type missing");
        }
        String name = node.scalar();
        return catalogue.serverType(name).orElseThrow(() -> node.error("unknown server type '" + name
                + "'; valid server types are " + String.join(", ", catalogue.serverTypes().keySet())));
    }

    private static YamlNode require(YamlNode parent, Map<String, YamlNode> m, String key) {
        YamlNode node = m.get(key);
        if (node == null) {
            throw new ScenarioException(parent.file(), parent.line(),
                    parent.field().isEmpty() ? key : parent.field() + "." + key, "missing required key");
        }
        return node;
    }

    private static Catalogue readCatalogue(Path file) {
        YamlNode root = parse(file);
        Map<String, YamlNode> top = root.mapping("locations", "server-types");
        Map<String, Location> locations = new LinkedHashMap<>();
        for (var e : require(root, top, "locations").mapping(ids(require(root, top, "locations"))).entrySet()) {
            Map<String, YamlNode> m = e.getValue().mapping("city", "country", "network-zone");
            locations.put(e.getKey(), new Location(e.getKey(), require(e.getValue(), m, "city").scalar(),
                    require(e.getValue(), m, "country").scalar(), require(e.getValue(), m, "network-zone").scalar()));
        }
        Map<String, ServerType> types = new LinkedHashMap<>();
        for (var e : require(root, top, "server-types").mapping(ids(require(root, top, "server-types"))).entrySet()) {
            Map<String, YamlNode> m = e.getValue().mapping("vcpus", "ram-gb", "cpu", "alias");
            YamlNode cpu = require(e.getValue(), m, "cpu");
            if (!Set.of("shared", "dedicated").contains(cpu.scalar())) {
                throw cpu.error("must be one of dedicated, shared");
            }
            types.put(e.getKey(), new ServerType(e.getKey(), require(e.getValue(), m, "vcpus").positiveInt(),
                    require(e.getValue(), m, "ram-gb").positiveInt(), cpu.scalar().equals("dedicated")));
        }
        return new Catalogue(locations, types);
    }

    /** The keys of a mapping whose keys are free names (ids) rather than fixed fields. */
    private static String[] ids(YamlNode node) {
        return node.keys().toArray(String[]::new);
    }

    private static YamlNode parse(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(true); // reported by YamlNode with the line, not by SnakeYAML
            Node node = new Yaml(options).compose(reader);
            if (node == null) {
                throw new ScenarioException(file, 1, "", "the file is empty");
            }
            return new YamlNode(file, "", node);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(file, 0, "", "file not found");
        } catch (MarkedYAMLException e) {
            throw new ScenarioException(file, e.getProblemMark().getLine() + 1, "",
                    "not valid YAML: " + e.getProblem());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
