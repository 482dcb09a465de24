package wasimoff.eval.process;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The environment of a child process the harness starts on this machine: the parent's variables named
 * by an allow-list, plus explicit extras, never the whole parent environment. A JVM started with
 * {@code HCLOUD_TOKEN} for the Hetzner testbed must not hand it to a broker, a benchmark tool or a
 * build script; {@value #TOKEN} is refused even when a caller names it.
 *
 * <p>Every child gets {@link #BASE} (finding programs, home, user, locale, temporary files); a caller
 * adds what its program really needs, e.g. {@link #DOCKER} for the Docker CLI and engine:
 * <pre>{@code
 * Process p = ChildEnvironment.base().allow(ChildEnvironment.DOCKER).command(List.of("docker", "ps")).start();
 * }</pre>
 * Every {@link ProcessBuilder} of the harness is made here. Instances are immutable.
 */
public final class ChildEnvironment {
    /** Hetzner's API token: never passed to a child. */
    public static final String TOKEN = "HCLOUD_TOKEN";

    /** What every child gets when the parent has it; a name ending in {@code *} allows a prefix. */
    public static final Set<String> BASE = Set.of("PATH", "HOME", "USER", "LOGNAME", "LANG", "LANGUAGE", "LC_*",
            "TZ", "TMPDIR");

    /** What the Docker CLI and engine, and programs talking to the engine, read. */
    public static final Set<String> DOCKER = Set.of("DOCKER_HOST", "DOCKER_CONFIG", "DOCKER_CONTEXT",
            "DOCKER_CERT_PATH", "DOCKER_TLS_VERIFY", "DOCKER_API_VERSION", "DOCKER_BUILDKIT", "XDG_RUNTIME_DIR");

    /**
     * Where this machine's trust store and proxies are, for tools that fetch from a registry: a
     * network that inspects TLS gives its CA this way (Node, for one, reads no system store).
     */
    public static final Set<String> NETWORK = Set.of("SSL_CERT_FILE", "SSL_CERT_DIR", "NODE_EXTRA_CA_CERTS",
            "CURL_CA_BUNDLE", "REQUESTS_CA_BUNDLE", "GIT_SSL_CAINFO", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY",
            "http_proxy", "https_proxy", "no_proxy");

    /** What the installer's build tools read: Go, git, cargo and rustup, npm, and the {@link #NETWORK}. */
    public static final Set<String> BUILD_TOOLS = union(NETWORK, Set.of("GO*", "GIT_*", "CARGO_*", "RUSTUP_*",
            "RUSTFLAGS", "npm_config_*"));

    private static final Set<String> NEVER = Set.of(TOKEN);

    private final Set<String> allowed;
    private final Map<String, String> extras;

    private ChildEnvironment(Set<String> allowed, Map<String, String> extras) {
        this.allowed = Set.copyOf(allowed);
        this.extras = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    /** {@link #BASE} and nothing else. */
    public static ChildEnvironment base() {
        return new ChildEnvironment(BASE, Map.of());
    }

    /** This environment, also passing the parent's variables {@code names} (a trailing {@code *}: a prefix). */
    public ChildEnvironment allow(Collection<String> names) {
        names.forEach(ChildEnvironment::refuseSecret);
        Set<String> more = new LinkedHashSet<>(allowed);
        more.addAll(names);
        return new ChildEnvironment(more, extras);
    }

    /** {@link #allow(Collection)} for single names. */
    public ChildEnvironment allow(String... names) {
        return allow(Arrays.asList(names));
    }

    /** This environment with {@code name} set to {@code value}, whatever the parent has. */
    public ChildEnvironment with(String name, String value) {
        return with(Map.of(name, value));
    }

    /** This environment with {@code variables} set, whatever the parent has. */
    public ChildEnvironment with(Map<String, String> variables) {
        variables.keySet().forEach(ChildEnvironment::refuseSecret);
        Map<String, String> more = new LinkedHashMap<>(extras);
        more.putAll(variables);
        return new ChildEnvironment(allowed, more);
    }

    /** The child's variables given the parent's: the allowed ones the parent has, then the extras. */
    public Map<String, String> from(Map<String, String> parent) {
        Map<String, String> child = new TreeMap<>();
        parent.forEach((name, value) -> {
            if (isAllowed(name)) {
                child.put(name, value);
            }
        });
        child.putAll(extras);
        return child;
    }

    /** A process builder for {@code command} whose environment is {@link #from} this JVM's environment. */
    public ProcessBuilder command(List<String> command) {
        return command(command, System.getenv());
    }

    /** {@link #command(List)} for single words. */
    public ProcessBuilder command(String... command) {
        return command(List.of(command));
    }

    /** A process builder for {@code command} whose environment is {@link #from} {@code parent}. */
    public ProcessBuilder command(List<String> command, Map<String, String> parent) {
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.clear();
        env.putAll(from(parent));
        return pb;
    }

    private boolean isAllowed(String name) {
        if (NEVER.contains(name)) {
            return false;
        }
        for (String a : allowed) {
            if (a.endsWith("*") ? name.startsWith(a.substring(0, a.length() - 1)) : name.equals(a)) {
                return true;
            }
        }
        return false;
    }

    private static void refuseSecret(String name) {
        if (NEVER.contains(name) || (name.endsWith("*") && TOKEN.startsWith(name.substring(0, name.length() - 1)))) {
            throw new IllegalArgumentException(name + " would pass " + TOKEN + " to a child process; the harness never"
                    + " does");
        }
    }

    @Override
    public String toString() {
        return "ChildEnvironment[allowed=" + new java.util.TreeSet<>(allowed) + ", extras=" + extras.keySet() + "]";
    }
}
