package wasimoff.eval.testbed.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.MountableFile;
import wasimoff.eval.scenario.NodeSpec;
import wasimoff.eval.testbed.HarnessBundle;
import wasimoff.eval.testbed.Node;
import wasimoff.eval.testbed.RunningService;
import wasimoff.eval.testbed.ServiceDefinition;
import wasimoff.eval.testbed.ShellService;
import wasimoff.eval.testbed.ShellServices;

/**
 * A node of the docker testbed: one container, limited to its server type's vCPUs and memory,
 * with its own address on Docker's bridge. Commands run with {@code docker exec}, files travel as
 * tar archives through the engine, services run as session-leader processes with pid and log files
 * ({@link ShellServices.PlainProcesses}), started by a detached exec.
 */
public final class ContainerNode implements Node {
    private static final String WORK = NodeImage.WORK_DIR;
    private static final Duration SHORT = Duration.ofSeconds(60);

    private final NodeSpec spec;
    private final GenericContainer<?> container;
    private final String host;
    private final ShellServices.PlainProcesses services = new ShellServices.PlainProcesses(WORK);
    private final Set<Integer> handedOut = new HashSet<>();
    private final Set<String> installed = new HashSet<>();
    private String harnessJar;
    private String cpuLimit;

    ContainerNode(NodeSpec spec, GenericContainer<?> container) {
        this.spec = spec;
        this.container = container;
        this.host = container.getContainerInfo().getNetworkSettings().getIpAddress();
    }

    @Override
    public NodeSpec spec() {
        return spec;
    }

    @Override
    public String host() {
        return host;
    }

    /** Every container node runs on this machine's engine; providers are given its socket. */
    @Override
    public boolean usesThisMachinesDockerEngine() {
        return true;
    }

    /** The container's id. */
    public String containerId() {
        return container.getContainerId();
    }

    /**
     * The CPU limit the container's cgroup enforces as quota and period in microseconds, e.g.
     * {@code 200000 100000} = 2 CPUs ({@code cpu.max} of cgroup v2, the CFS files of v1).
     */
    public synchronized String cpuLimit() {
        // fixed for the container's life: read once, reported at every provisioning
        if (cpuLimit == null) {
            cpuLimit = shell("if [ -f /sys/fs/cgroup/cpu.max ]; then cat /sys/fs/cgroup/cpu.max; else echo"
                    + " $(cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us) $(cat /sys/fs/cgroup/cpu/cpu.cfs_period_us); fi",
                    SHORT).output().strip();
        }
        return cpuLimit;
    }

    /** The memory limit the container's cgroup enforces, in bytes. */
    public String memoryLimit() {
        return shell("cat /sys/fs/cgroup/memory.max 2>/dev/null || cat /sys/fs/cgroup/memory/memory.limit_in_bytes",
                SHORT).output().strip();
    }

    @Override
    public synchronized int freePort() {
        // the container is this node's alone: only the services started here listen in it
        int port;
        do {
            port = ThreadLocalRandom.current().nextInt(20_000, 30_000);
        } while (!handedOut.add(port));
        return port;
    }

    @Override
    public RunningService start(ServiceDefinition service) {
        ShellServices.Launch launch = ShellServices.Launch.of(service, this::harnessJar);
        check(shell(services.prepare(service.name()), SHORT), "preparing " + service.name());
        DockerClient docker = container.getDockerClient();
        String exec = docker.execCreateCmd(containerId()).withWorkingDir(WORK)
                .withCmd("setsid", "sh", "-c", services.run(service.name(), launch.command(), launch.environment()))
                .exec().getId();
        try {
            docker.execStartCmd(exec).withDetach(true).exec(new ResultCallback.Adapter<>()).awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting " + service.name(), e);
        }
        check(shell(services.awaitStarted(service.name()), SHORT), "starting " + service.name());
        return new ShellService(service.name(), this, this::shell, services, launch.stopSignal());
    }

    @Override
    public CommandResult exec(List<String> command, Duration timeout) {
        return shell("cd " + WORK + " && " + ShellServices.words(command), timeout);
    }

    /** Runs a shell command line in the container, killed after {@code timeout}, stderr joined to stdout. */
    CommandResult shell(String commandLine, Duration timeout) {
        try {
            Container.ExecResult r = container.execInContainer("timeout", "-s", "KILL",
                    Long.toString(Math.max(1, timeout.toSeconds())), "sh", "-c", commandLine + " 2>&1");
            if (r.getExitCode() == 137) {
                throw new IllegalStateException(name() + ": '" + commandLine + "' was killed after " + timeout
                        + "; its output so far:\n" + r.getStdout());
            }
            return new CommandResult(r.getExitCode(), r.getStdout() + r.getStderr());
        } catch (IOException e) {
            throw new UncheckedIOException(name() + ": running '" + commandLine + "' failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public String putFile(String path, byte[] content) {
        String target = resolve(path);
        check(shell("mkdir -p " + ShellServices.quote(parent(target)), SHORT), "creating the directory of " + target);
        container.copyFileToContainer(Transferable.of(content), target);
        return target;
    }

    @Override
    public void fetchDirectory(String path, Path target) {
        String source = resolve(path);
        try (InputStream tar = container.getDockerClient().copyArchiveFromContainerCmd(containerId(), source + "/.")
                .exec(); TarArchiveInputStream in = new TarArchiveInputStream(tar)) {
            Files.createDirectories(target);
            for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
                // the archive holds "./..." below the directory
                Path to = target.resolve(e.getName()).normalize();
                if (!to.startsWith(target.normalize())) {
                    throw new IOException("archive entry outside the target: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(to);
                } else {
                    Files.createDirectories(to.getParent());
                    Files.copy(in, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name() + ": copying " + source + " out failed", e);
        }
    }

    @Override
    public synchronized String putExecutable(Path local) {
        String target = "/opt/bin/" + local.getFileName();
        if (installed.add(target)) {
            try {
                // a link (Debian's etcd in the cache is one) is copied as the file it names
                container.copyFileToContainer(MountableFile.forHostPath(local.toRealPath(), 0755), target);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + local, e);
            }
        }
        return target;
    }

    @Override
    public synchronized String putDirectory(Path local) {
        String target = "/opt/" + local.getFileName();
        if (installed.add(target)) {
            // files keep their own modes: the copy of a directory takes each file's
            container.copyFileToContainer(MountableFile.forHostPath(local), target);
        }
        return target;
    }

    @Override
    public synchronized String harnessJar() {
        if (harnessJar == null) {
            HarnessBundle bundle = HarnessBundle.ofThisJvm();
            String dir = "/opt/harness-" + bundle.hash();
            container.copyFileToContainer(MountableFile.forHostPath(bundle.directory()), dir);
            harnessJar = dir + "/" + HarnessBundle.JAR;
        }
        return harnessJar;
    }

    private String resolve(String path) {
        return path.startsWith("/") ? path : WORK + "/" + path;
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    private void check(CommandResult r, String what) {
        if (r.exitCode() != 0) {
            throw new IllegalStateException(name() + ": " + what + " failed: " + r.output());
        }
    }

    @Override
    public String toString() {
        return name() + "@" + host;
    }
}
