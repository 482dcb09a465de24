package wasimoff.eval.testbed.embedded;

import wasimoff.eval.process.ChildEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import wasimoff.eval.scenario.NodeSpec;
import wasimoff.eval.testbed.EmbeddableService;
import wasimoff.eval.testbed.HarnessBundle;
import wasimoff.eval.testbed.Node;
import wasimoff.eval.testbed.RunningService;
import wasimoff.eval.testbed.ServiceDefinition;

/**
 * A node of the embedded testbed: its own loopback address and work directory on this machine;
 * our Java services run inside this JVM, native services as child processes.
 */
final class EmbeddedNode implements Node {
    private final NodeSpec spec;
    private final String host;
    private final Path workDir;
    private final Consumer<RunningService> started;

    EmbeddedNode(NodeSpec spec, String host, Path workDir, Consumer<RunningService> started) {
        this.spec = spec;
        this.host = host;
        this.workDir = workDir;
        this.started = started;
    }

    @Override
    public NodeSpec spec() {
        return spec;
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public boolean hasOwnAddress() {
        return false;
    }

    @Override
    public boolean usesThisMachinesDockerEngine() {
        return true;
    }

    Path workDir() {
        return workDir;
    }

    @Override
    public int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + host, e);
        }
    }

    @Override
    public RunningService start(ServiceDefinition service) {
        RunningService running;
        if (service instanceof ServiceDefinition.JavaService java) {
            running = startInJvm(java);
        } else {
            running = ChildProcessService.start(this, (ServiceDefinition.ProcessService) service,
                    workDir.resolve(service.name() + ".log"));
        }
        started.accept(running);
        return running;
    }

    private RunningService startInJvm(ServiceDefinition.JavaService java) {
        try {
            EmbeddableService instance = java.mainClass().getDeclaredConstructor().newInstance();
            return new InJvmService(java.name(), this, instance.start(java.args()));
        } catch (Exception e) {
            throw new IllegalStateException("service " + java.name() + " on " + name() + " failed to start: " + e, e);
        }
    }

    @Override
    public CommandResult exec(List<String> command, Duration timeout) {
        try {
            Process p = ChildEnvironment.base().allow(ChildEnvironment.DOCKER).command(command)
                    .directory(workDir.toFile()).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command + " on " + name() + " timed out after " + timeout);
            }
            return new CommandResult(p.exitValue(), new String(out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public String putFile(String path, byte[] content) {
        Path target = workDir.resolve(path);
        try {
            Files.createDirectories(target.getParent());
            Files.write(target, content);
            return target.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void fetchDirectory(String path, Path target) {
        Path source = workDir.resolve(path);
        try (var files = Files.walk(source)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(source.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + source + " from " + name() + " to " + target, e);
        }
    }

    @Override
    public String putExecutable(Path local) {
        return local.toAbsolutePath().toString();
    }

    @Override
    public String putDirectory(Path local) {
        return local.toAbsolutePath().toString();
    }

    @Override
    public String harnessJar() {
        return HarnessBundle.ofThisJvm().directory().toAbsolutePath()
                .resolve(HarnessBundle.JAR).toString();
    }

    @Override
    public String toString() {
        return name() + "@" + host;
    }
}
