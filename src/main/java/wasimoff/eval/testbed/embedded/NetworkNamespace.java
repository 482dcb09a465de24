package wasimoff.eval.testbed.embedded;

import wasimoff.eval.process.ChildEnvironment;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test host of our own: a Linux network namespace joined to this machine by a veth pair, with
 * addresses we choose from 10.203.0.0/16 ({@code 10.203.k.1} on the host side, {@code 10.203.k.2}
 * inside). Programs started in it ({@link #command}) see only its loopback and its veth address,
 * so a program that advertises "its" address (Serverledge does) advertises ours. Traffic between
 * namespaces and to Docker's bridge is routed by this host. Needs root and iproute2.
 * Closing deletes the namespace and its veth pair.
 */
public final class NetworkNamespace implements AutoCloseable {
    /** Every namespace and veth this class makes starts with this, so leftovers can be swept. */
    public static final String PREFIX = "wev";
    private static final AtomicInteger NEXT = new AtomicInteger(10);

    private final String name;
    private final int subnet;

    private NetworkNamespace(String name, int subnet) {
        this.name = name;
        this.subnet = subnet;
    }

    /** Creates a namespace with a fresh /30 subnet and a default route through the host. */
    public static NetworkNamespace create() {
        int k = NEXT.getAndIncrement();
        if (k > 250) {
            throw new IllegalStateException("out of test-host subnets (10.203.10-250.0/30)");
        }
        String name = PREFIX + "-ns" + k;
        String host = PREFIX + k + "h";
        String inner = PREFIX + k + "n";
        NetworkNamespace ns = new NetworkNamespace(name, k);
        run("ip", "netns", "add", name);
        try {
            run("ip", "link", "add", host, "type", "veth", "peer", "name", inner);
            run("ip", "link", "set", inner, "netns", name);
            run("ip", "addr", "add", ns.hostAddress() + "/30", "dev", host);
            run("ip", "link", "set", host, "up");
            run("ip", "netns", "exec", name, "ip", "addr", "add", ns.address() + "/30", "dev", inner);
            run("ip", "netns", "exec", name, "ip", "link", "set", inner, "up");
            run("ip", "netns", "exec", name, "ip", "link", "set", "lo", "up");
            run("ip", "netns", "exec", name, "ip", "route", "add", "default", "via", ns.hostAddress());
        } catch (RuntimeException e) {
            ns.close();
            throw e;
        }
        return ns;
    }

    /** Why namespaces cannot be made here (not root, no iproute2), or null when they can. */
    public static String unavailableReason() {
        try {
            Process p = ChildEnvironment.base().command("ip", "netns", "list").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return "'ip netns list' failed: " + out.strip();
            }
        } catch (IOException e) {
            return "iproute2 ('ip') is not installed: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        return "root".equals(System.getProperty("user.name")) ? null
                : "network namespaces need root (running as " + System.getProperty("user.name") + ")";
    }

    /** Deletes namespaces and veths left by a run that was killed. */
    public static void sweepLeftovers() {
        try {
            Process p = ChildEnvironment.base().command("ip", "netns", "list").start();
            for (String line : new String(p.getInputStream().readAllBytes()).split("\n")) {
                String ns = line.split(" ")[0];
                if (ns.startsWith(PREFIX + "-ns")) {
                    quietly("ip", "netns", "del", ns);
                }
            }
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            // nothing to sweep without iproute2
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String name() {
        return name;
    }

    /** The namespace's own address. */
    public String address() {
        return "10.203." + subnet + ".2";
    }

    /** This host's address on the namespace's link: what a host process binds to talk to it. */
    public String hostAddress() {
        return "10.203." + subnet + ".1";
    }

    /** {@code command} prefixed so that it runs inside this namespace. */
    public List<String> command(List<String> command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name));
        full.addAll(command);
        return full;
    }

    @Override
    public void close() {
        quietly("ip", "netns", "del", name);
        quietly("ip", "link", "del", PREFIX + subnet + "h");
    }

    private static void run(String... command) {
        try {
            Process p = ChildEnvironment.base().command(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out.strip());
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void quietly(String... command) {
        try {
            ChildEnvironment.base().command(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            // best effort: it may already be gone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
