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
    /** A namespace's name: {@code wev-ns<subnet>-<pid of the JVM that made it>} (older runs: no pid). */
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile(PREFIX + "-ns(\\d+)(?:-(\\d+))?");
    private static boolean swept;

    private final String name;
    private final int subnet;

    private NetworkNamespace(String name, int subnet) {
        this.name = name;
        this.subnet = subnet;
    }

    /**
     * Creates a namespace with a fresh /30 subnet and a default route through the host. A subnet is
     * claimed by creating its veth pair, which fails when another run (another JVM) holds it, so
     * concurrent runs never share one; the namespace's name carries this JVM's pid, so that a later
     * run can tell the leftovers of a dead run ({@link #sweepLeftovers}) from those of a live one.
     */
    public static NetworkNamespace create() {
        sweepOnce();
        for (int k = NEXT.getAndIncrement(); k <= 250; k = NEXT.getAndIncrement()) {
            String host = PREFIX + k + "h";
            String inner = PREFIX + k + "n";
            NetworkNamespace ns = new NetworkNamespace(PREFIX + "-ns" + k + "-" + ProcessHandle.current().pid(), k);
            // the namespace first, then the claim: a sweep never sees a live run's link without its namespace
            run("ip", "netns", "add", ns.name);
            if (!quietly("ip", "link", "add", host, "type", "veth", "peer", "name", inner)) {
                quietly("ip", "netns", "del", ns.name);
                continue; // another run holds this subnet
            }
            try {
                run("ip", "link", "set", inner, "netns", ns.name);
                run("ip", "addr", "add", ns.hostAddress() + "/30", "dev", host);
                run("ip", "link", "set", host, "up");
                run("ip", "netns", "exec", ns.name, "ip", "addr", "add", ns.address() + "/30", "dev", inner);
                run("ip", "netns", "exec", ns.name, "ip", "link", "set", inner, "up");
                run("ip", "netns", "exec", ns.name, "ip", "link", "set", "lo", "up");
                run("ip", "netns", "exec", ns.name, "ip", "route", "add", "default", "via", ns.hostAddress());
            } catch (RuntimeException e) {
                ns.close();
                throw e;
            }
            return ns;
        }
        throw new IllegalStateException("out of test-host subnets (10.203.10-250.0/30): other runs hold them");
    }

    /** Why no namespace can be made here (no iproute2, not root), or null when one can. */
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

    private static synchronized void sweepOnce() {
        if (!swept) {
            swept = true;
            sweepLeftovers();
        }
    }

    /**
     * Deletes the namespaces and veth pairs of runs whose JVM is gone (killed runs); those of live
     * runs, this one's included, are left alone.
     */
    public static void sweepLeftovers() {
        java.util.Set<Integer> live = new java.util.HashSet<>();
        for (String line : output("ip", "netns", "list").split("\n")) {
            java.util.regex.Matcher m = NAME.matcher(line.split(" ")[0]);
            if (!m.matches()) {
                continue;
            }
            boolean alive = m.group(2) != null && ProcessHandle.of(Long.parseLong(m.group(2))).isPresent();
            if (alive) {
                live.add(Integer.parseInt(m.group(1)));
            } else {
                quietly("ip", "netns", "del", m.group(0));
            }
        }
        java.util.regex.Matcher links = java.util.regex.Pattern.compile(": " + PREFIX + "(\\d+)h[@:]")
                .matcher(output("ip", "-o", "link", "show"));
        while (links.find()) {
            int k = Integer.parseInt(links.group(1));
            if (!live.contains(k)) {
                quietly("ip", "link", "del", PREFIX + k + "h");
            }
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

    /** Runs {@code command}; whether it succeeded. */
    private static boolean quietly(String... command) {
        try {
            Process p = ChildEnvironment.base().command(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String output(String... command) {
        try {
            Process p = ChildEnvironment.base().command(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor(10, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
