package wasimoff.eval.system.wasimoff;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import wasimoff.eval.testbed.Node;
import wasimoff.eval.testbed.ServiceDefinition;

/**
 * Wasimoff's own web provider as the evaluation ran it: one headless Chromium per provider node
 * opening the page the broker serves with {@code #autoconnect=yes&workers=<vCPUs>}, so that it
 * connects by itself and fills its worker pool. Each browser gets a fresh directory of its own
 * under the node's work directory (profile, HOME, XDG directories, crash reports) and runs under
 * {@code browser-provider.sh}, which removes that directory and every process naming it when the
 * browser ends: no Chromium, crashpad handler or profile outlives the service, and nothing is
 * written to the user's own {@code ~/.config/chromium}.
 */
final class BrowserProvider {
    static final String SERVICE = "wasimoff-webprovider";
    private static final String SCRIPT = "browser-provider.sh";

    private BrowserProvider() {
    }

    /** Copies the built web provider to {@code broker}, file by file, and returns its directory there. */
    static String putDist(Node broker, Path dist, String hash12) {
        String index = null;
        try (var files = Files.walk(dist)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String rel = dist.relativize(f).toString();
                String there = broker.putFile("webprovider-" + hash12 + "/dist/" + rel, Files.readAllBytes(f));
                if (rel.equals("index.html")) {
                    index = there;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the web provider " + dist + " to " + broker.name(), e);
        }
        if (index == null) {
            throw new IllegalStateException(dist + " has no index.html; rebuild the web provider (-Dinstall=on)");
        }
        return index.substring(0, index.length() - "/index.html".length());
    }

    /** A browser on {@code node} opening the web provider at {@code brokerUrl} with one worker per vCPU. */
    static ServiceDefinition service(Node node, String brokerUrl) {
        String script = node.putFile(SCRIPT, script());
        String marker = node.putFile("wasimoff-browser-" + node.name() + "-" + UUID.randomUUID().toString().substring(0, 8)
                + "/README", "a Wasimoff web provider's own directory; removed when its browser ends\n".getBytes());
        String dir = marker.substring(0, marker.length() - "/README".length());
        String url = brokerUrl + "/#autoconnect=yes&workers=" + workers(node);
        return new ServiceDefinition.ProcessService(SERVICE, List.of("sh", script, url), Map.of("BROWSER_DIR", dir));
    }

    /** One worker per vCPU of the node's server type, as the evaluation's "workers=max" on a dedicated server. */
    static int workers(Node node) {
        return node.spec().type().vcpus();
    }

    /**
     * Makes sure {@code node} has Chromium: on a server (root, apt-get) it is installed from Debian
     * on first use, as the evaluation's provider servers had it; this machine's installer has put it
     * on the embedded testbed's nodes already. Returns {@code chromium --version}.
     */
    static String ensureChromium(Node node) {
        Node.CommandResult r = node.exec(List.of("sh", "-c", "command -v chromium >/dev/null || { [ \"$(id -u)\" = 0 ]"
                + " && command -v apt-get >/dev/null && export DEBIAN_FRONTEND=noninteractive"
                + " && apt-get -o DPkg::Lock::Timeout=300 update -q"
                + " && apt-get -o DPkg::Lock::Timeout=300 install -y -q --no-install-recommends chromium; }"),
                Duration.ofMinutes(10));
        if (r.exitCode() != 0) {
            throw new IllegalStateException("Chromium is not on " + node.name() + " and could not be installed there"
                    + " (needs root and apt-get): exit " + r.exitCode() + "\n" + r.output());
        }
        return chromiumVersion(node);
    }

    /**
     * {@link #ensureChromium(Node)} on every node at once (a fresh server's apt-get takes a minute),
     * returning each node's Chromium version.
     */
    static Map<Node, String> ensureChromium(List<Node> nodes) {
        if (nodes.isEmpty()) {
            return Map.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(16, nodes.size()));
        try {
            Map<Node, CompletableFuture<String>> versions = new LinkedHashMap<>();
            nodes.forEach(n -> versions.put(n, CompletableFuture.supplyAsync(() -> ensureChromium(n), pool)));
            Map<Node, String> done = new LinkedHashMap<>();
            versions.forEach((n, v) -> done.put(n, v.join()));
            return done;
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code chromium --version} on {@code node}, e.g. {@code Chromium 156.0.8078.108 built on Debian ...}. */
    static String chromiumVersion(Node node) {
        Node.CommandResult r = node.exec(List.of("chromium", "--version"), Duration.ofSeconds(30));
        // Debian's launcher script prints shell noise on stderr before the version line
        return r.output().lines().filter(l -> l.startsWith("Chromium")).findFirst()
                .orElse("unknown (chromium --version exited " + r.exitCode() + ")");
    }

    private static byte[] script() {
        try (InputStream in = BrowserProvider.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
