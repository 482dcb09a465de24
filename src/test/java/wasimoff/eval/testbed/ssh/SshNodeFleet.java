package wasimoff.eval.testbed.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import wasimoff.eval.scenario.Location;
import wasimoff.eval.scenario.NodeRole;
import wasimoff.eval.scenario.NodeSpec;
import wasimoff.eval.scenario.ServerType;
import wasimoff.eval.testbed.Node;
import wasimoff.eval.testbed.embedded.EmbeddedTestbed;
import wasimoff.eval.testbed.embedded.NetworkNamespace;

/**
 * A broker and two providers that are SSH nodes, as a server testbed has them, with a client on the
 * embedded testbed: for tests of a system deployed over SSH. The sshds run on loopback (one for all)
 * or each in a network namespace of ours, so that what runs there has an address of its own.
 * Closing closes everything it made, newest first.
 */
public final class SshNodeFleet implements AutoCloseable {
    private static final ServerType TINY = new ServerType("ccx13", 2, 8, true);
    private static final Location NBG = new Location("nbg1", "Nuremberg", "DE", "eu-central");

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final Path work;
    private final HostKey hostKey = HostKey.generate();
    private final ClientKey key = ClientKey.generate();
    public final EmbeddedTestbed local;
    public final Node client;
    public final Node broker;
    public final List<Node> providers;

    private SshNodeFleet(Path work, boolean namespaces) throws Exception {
        this.work = work;
        try {
            local = new EmbeddedTestbed(work.resolve("local"), false);
            resources.add(local);
            client = local.provision(List.of(new NodeSpec("client", NodeRole.CLIENT, TINY, NBG))).get(0);
            LoopbackSshd shared = namespaces ? null : sshd(LoopbackSshd.start(hostKey, key, work.resolve("sshd")));
            broker = node(new NodeSpec("broker", NodeRole.BROKER, TINY, NBG), shared);
            providers = List.of(node(new NodeSpec("provider-1", NodeRole.PROVIDER, TINY, NBG), shared),
                    node(new NodeSpec("provider-2", NodeRole.PROVIDER, TINY, NBG), shared));
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    /** Every SSH node served by one sshd on loopback. */
    public static SshNodeFleet onLoopback(Path work) throws Exception {
        return new SshNodeFleet(work, false);
    }

    /** Every SSH node an sshd in a network namespace of its own (needs root and iproute2). */
    public static SshNodeFleet inNamespaces(Path work) throws Exception {
        return new SshNodeFleet(work, true);
    }

    /** The directory a node keeps its files in. */
    public Path workDirectory(String node) {
        return work.resolve("node-" + node);
    }

    private LoopbackSshd sshd(LoopbackSshd sshd) {
        resources.add(sshd);
        return sshd;
    }

    private Node node(NodeSpec spec, LoopbackSshd shared) throws Exception {
        LoopbackSshd sshd = shared;
        String address = LoopbackSshd.ADDRESS;
        if (shared == null) {
            NetworkNamespace ns = NetworkNamespace.create();
            resources.add(ns);
            sshd = sshd(LoopbackSshd.startIn(ns, hostKey, key, work.resolve("sshd-" + spec.name())));
            address = ns.address();
        }
        SshNode node = SshNode.connect(spec, address, sshd.port(), "root", hostKey.publicKey(), key,
                workDirectory(spec.name()).toString(), Duration.ofSeconds(20));
        resources.add(node);
        return node;
    }

    @Override
    public void close() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
        resources.clear();
    }
}
