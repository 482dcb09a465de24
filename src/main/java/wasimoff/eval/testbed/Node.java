package wasimoff.eval.testbed;

import java.time.Duration;
import java.util.List;
import wasimoff.eval.scenario.NodeSpec;

/**
 * One server of a testbed. It has an address, can start and stop services, run commands and take
 * files; systems deploy onto nodes only through these operations, so they do not know which
 * testbed they run on.
 */
public interface Node {
    NodeSpec spec();

    default String name() {
        return spec().name();
    }

    /** The address the node's services listen on. */
    String host();

    /**
     * Whether programs on this node find {@link #host()} as their own first non-loopback address
     * (servers, containers). Nodes that share this machine's network (the embedded testbed) answer
     * false: a program there that looks up "its" address finds this machine's, so systems that
     * register such an address run in network namespaces of ours instead.
     */
    default boolean hasOwnAddress() {
        return true;
    }

    /**
     * Whether a Docker client on this node talks to this machine's Docker engine (embedded nodes,
     * containers given the engine's socket); false where the node has an engine of its own (servers).
     */
    default boolean usesThisMachinesDockerEngine() {
        return false;
    }

    /** A free TCP port on this node for a service to listen on. */
    int freePort();

    /** Starts a service; it runs until closed (or until the testbed is closed). */
    RunningService start(ServiceDefinition service);

    /** Runs a command to completion and returns its exit code and output. */
    CommandResult exec(List<String> command, Duration timeout);

    /** Writes {@code content} to {@code path} on the node (relative paths are under the node's work directory). */
    String putFile(String path, byte[] content);

    /**
     * Copies the directory {@code path} on the node (relative paths are under the node's work
     * directory), with everything below it, into the local directory {@code target}.
     */
    void fetchDirectory(String path, java.nio.file.Path target);

    /**
     * Makes the local executable {@code local} (a static binary such as the Wasimoff broker) runnable
     * on the node and returns its path there. Nodes on this machine run it in place; remote nodes
     * receive a copy once.
     */
    String putExecutable(java.nio.file.Path local);

    /**
     * Makes the local directory {@code local}, with everything below it, available on the node and
     * returns its path there. Nodes on this machine use it in place; remote nodes receive a copy once,
     * under its name (which should say its content, as the cache's build directories do), executable
     * files staying executable.
     */
    String putDirectory(java.nio.file.Path local);

    /**
     * The path on the node of the harness's {@code harness.jar} (see {@link HarnessBundle}),
     * installing the bundle there on first use; {@code java -jar} on it runs the load generator or
     * one of our services.
     */
    String harnessJar();

    /** The output of a command run on a node. */
    record CommandResult(int exitCode, String output) {
    }
}
