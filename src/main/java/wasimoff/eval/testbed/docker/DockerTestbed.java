package wasimoff.eval.testbed.docker;

import wasimoff.eval.settings.TestbedKind;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Volume;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;
import wasimoff.eval.net.LatencyCatalogue;
import wasimoff.eval.net.WanEmulation;
import wasimoff.eval.scenario.NodeRole;
import wasimoff.eval.scenario.NodeSpec;
import wasimoff.eval.testbed.Node;
import wasimoff.eval.testbed.Testbed;

/**
 * Local containers as a scenario's nodes ({@code -Dtestbed=docker}): one container per node,
 * started through Testcontainers from the locally built {@link NodeImage}, limited to its server
 * type's vCPUs and memory, on Docker's default bridge. Connections between locations pass the
 * same delaying relays as on the embedded testbed, bound to the bridge's gateway. Provider
 * containers reach the engine's socket, so a Serverledge node inside one starts its function
 * containers beside it. When browser providers are asked for, provider containers run the
 * {@link ChromiumImage} instead (built once; other runs never wait for it). When the fleet asks for more CPUs than this machine has, the testbed says
 * by how much, in the console and in every result's parameters.
 *
 * <p>Containers carry the labels {@value NodeImage#LABEL} and {@value #RUN_LABEL}; close, a shutdown
 * hook and {@link #sweep} remove them (Testcontainers' Ryuk reaper is disabled: its image cannot be
 * pulled here).
 */
public final class DockerTestbed implements Testbed {
    public static final String RUN_LABEL = "wasimoff-eval-run";
    private static final long GIB = 1024L * 1024 * 1024;
    private static final String SOCKET = "/var/run/docker.sock";

    private final Path workDir;
    private final String runId;
    private final DockerEngine engine;
    private final String image;
    private final String providerImage;
    private final WanEmulation wan;
    private final Map<String, ContainerNode> nodes = new LinkedHashMap<>();
    private final List<GenericContainer<?>> containers = new ArrayList<>();
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private final Thread shutdownHook = new Thread(this::removeContainers, "docker-testbed-cleanup");
    private boolean closed;

    /** Starts (or finds) the engine and builds the node image; {@code emulateWan} adds the measured RTTs. */
    public DockerTestbed(Path workDir, boolean emulateWan) {
        this(workDir, emulateWan, false);
    }

    /**
     * {@link #DockerTestbed(Path, boolean)}, with headless Chromium in every provider container when
     * {@code chromiumOnProviders} (Wasimoff's web provider runs there).
     */
    public DockerTestbed(Path workDir, boolean emulateWan, boolean chromiumOnProviders) {
        if (!"true".equals(System.getenv("TESTCONTAINERS_RYUK_DISABLED"))) {
            throw new IllegalStateException("the docker testbed needs the environment variable"
                    + " TESTCONTAINERS_RYUK_DISABLED=true (Maven sets it; in an IDE add it to the run configuration):"
                    + " Testcontainers' Ryuk image cannot be pulled here, and this testbed removes its containers"
                    + " by label itself");
        }
        this.workDir = workDir;
        // the JVM's pid first: a later start tells a dead run's containers from a live one's
        this.runId = ProcessHandle.current().pid() + "-" + Long.toString(System.currentTimeMillis(), 36);
        try {
            this.engine = DockerEngine.start(workDir);
            sweepDeadRuns();
            this.image = NodeImage.ensure(workDir.resolve("docker-build"));
            this.providerImage = chromiumOnProviders ? ChromiumImage.ensure(image, workDir.resolve("docker-build")) : image;
        } catch (IOException e) {
            throw new IllegalStateException("the docker testbed cannot start: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        String gateway = gateway();
        this.wan = emulateWan ? new WanEmulation(LatencyCatalogue.hetzner(), () -> gateway) : null;
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        parameters.put("docker engine", engine.version());
        parameters.put("node image", image);
        if (chromiumOnProviders) {
            parameters.put("provider node image", providerImage);
        }
    }

    @Override
    public String kind() {
        return TestbedKind.DOCKER.id();
    }

    /** Whether a Docker engine answers or can be started and the node image can be built here; null if so. */
    public static String unavailableReason() {
        return NodeImage.unavailableReason();
    }

    /** {@link #unavailableReason()}, and for {@code chromiumOnProviders} whether Chromium's image can be built. */
    public static String unavailableReason(boolean chromiumOnProviders) {
        String reason = NodeImage.unavailableReason();
        return reason == null && chromiumOnProviders ? ChromiumImage.unavailableReason() : reason;
    }

    @Override
    public synchronized List<Node> provision(List<NodeSpec> specs) {
        List<Node> result = new ArrayList<>();
        for (NodeSpec spec : specs) {
            ContainerNode node = nodes.get(spec.name());
            if (node == null || !node.spec().equals(spec)) {
                node = startNode(spec);
                nodes.put(spec.name(), node);
                System.out.printf("[docker] %s: %s, %d vCPU / %d GB (cpu.max %s%s) -> %s%n", spec.name(),
                        spec.type().name(), spec.type().vcpus(), spec.type().ramGb(), node.cpuLimit(),
                        spec.type().vcpus() > Runtime.getRuntime().availableProcessors()
                                ? ": capped at this machine's CPUs" : "", node.host());
            }
            result.add(node);
        }
        int asked = nodes.values().stream().mapToInt(n -> n.spec().type().vcpus()).sum();
        int available = Runtime.getRuntime().availableProcessors();
        String oversubscription = String.format(Locale.ROOT, "%d vCPUs asked / %d available = %.1fx%s", asked,
                available, asked / (double) available, asked > available
                        ? ": the containers share this machine's CPUs; this is NOT a cloud result" : "");
        parameters.put("cpu oversubscription", oversubscription);
        nodes.values().forEach(n -> parameters.put("cpu.max " + n.name(), n.cpuLimit()
                + (n.spec().type().vcpus() > available ? " (capped at this machine's CPUs)" : "")));
        System.out.println("[docker] " + oversubscription);
        return result;
    }

    private ContainerNode startNode(NodeSpec spec) {
        GenericContainer<?> c = new GenericContainer<>(DockerImageName.parse(
                spec.role() == NodeRole.PROVIDER ? providerImage : image))
                .withCommand("/bin/sleep", "2147483647")
                .withLabel(NodeImage.LABEL, "true")
                .withLabel(RUN_LABEL, runId)
                .withLabel("wasimoff-eval-node", spec.name())
                .withCreateContainerCmdModifier(cmd -> {
                    cmd.withName("wasimoff-eval-" + runId + "-" + spec.name()).withHostName(spec.name());
                    // the engine refuses a limit above the machine's CPUs: such a node gets all of them
                    cmd.getHostConfig().withNanoCPUs(Math.min(spec.type().vcpus(),
                                    Runtime.getRuntime().availableProcessors()) * 1_000_000_000L)
                            .withMemory(spec.type().ramGb() * GIB);
                    if (spec.role() == NodeRole.PROVIDER) {
                        // Serverledge nodes start function containers through this machine's engine; bound
                        // here, not with withFileSystemBind, whose mount check runs a pulled alpine image
                        cmd.getHostConfig().withBinds(new Bind(SOCKET, new Volume(SOCKET)));
                    }
                });
        c.start();
        containers.add(c);
        return new ContainerNode(spec, c);
    }

    @Override
    public InetSocketAddress route(Node from, Node to, int port) {
        InetSocketAddress direct = new InetSocketAddress(to.host(), port);
        return wan == null ? direct : wan.route(from.spec().location().id(), to.spec().location().id(), direct);
    }

    @Override
    public java.util.Optional<InetSocketAddress> undelayedRoute(Node from, Node to, int port) {
        return java.util.Optional.ofNullable(wan).map(w -> w.undelayedRoute(from.spec().location().id(),
                to.spec().location().id(), new InetSocketAddress(to.host(), port)));
    }

    /** Engine, image, each node's CPU limit and the oversubscription. */
    @Override
    public Map<String, String> parameters() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /**
     * Removes the containers of runs whose JVM is gone (killed runs); a run that is still going, on
     * this engine, keeps its containers.
     */
    public void sweepDeadRuns() throws IOException, InterruptedException {
        String rows = DockerEngine.docker(List.of("ps", "-a", "--filter", "label=" + NodeImage.LABEL, "--format",
                "{{.ID}} {{.Label \"" + RUN_LABEL + "\"}}"), Duration.ofSeconds(30)).strip();
        List<String> dead = new ArrayList<>();
        for (String row : rows.isEmpty() ? new String[0] : rows.split("\n")) {
            String[] f = row.strip().split("\\s+");
            String owner = f.length > 1 ? f[1].split("-")[0] : "";
            if (!owner.matches("\\d+") || ProcessHandle.of(Long.parseLong(owner)).isEmpty()) {
                dead.add(f[0]);
            }
        }
        remove(dead, "of runs whose JVM is gone");
    }

    /** Removes this run's containers by its label (what close missed). */
    public void sweepThisRun() throws IOException, InterruptedException {
        String ids = DockerEngine.docker(List.of("ps", "-aq", "--filter", "label=" + RUN_LABEL + "=" + runId),
                Duration.ofSeconds(30)).strip();
        remove(ids.isEmpty() ? List.of() : List.of(ids.split("\\s+")), "of this run");
    }

    private static void remove(List<String> ids, String whose) throws IOException, InterruptedException {
        if (!ids.isEmpty()) {
            List<String> rm = new ArrayList<>(List.of("rm", "-f"));
            rm.addAll(ids);
            DockerEngine.docker(rm, Duration.ofMinutes(2));
            System.out.println("[docker] removed " + ids.size() + " containers " + whose);
        }
    }

    private static String gateway() {
        try {
            return DockerEngine.docker(List.of("network", "inspect", "bridge", "--format",
                    "{{(index .IPAM.Config 0).Gateway}}"), Duration.ofSeconds(30)).strip();
        } catch (IOException e) {
            throw new IllegalStateException("cannot find Docker's bridge gateway: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void removeContainers() {
        for (GenericContainer<?> c : containers) {
            try {
                c.stop();
            } catch (RuntimeException e) {
                System.err.println("[docker] stopping " + c.getContainerName() + " failed: " + e.getMessage());
            }
        }
        containers.clear();
        try {
            sweepThisRun();
        } catch (IOException e) {
            System.err.println("[docker] label sweep failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            removeContainers();
            nodes.clear();
            if (wan != null) {
                wan.close();
            }
            engine.close();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running
            }
        }
    }
}
