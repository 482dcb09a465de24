package wasimoff.eval.testbed.hetzner;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import wasimoff.eval.testbed.hetzner.api.Action;
import wasimoff.eval.testbed.hetzner.api.Firewall;
import wasimoff.eval.testbed.hetzner.api.HetznerApiException;
import wasimoff.eval.testbed.hetzner.api.HetznerClient;
import wasimoff.eval.testbed.hetzner.api.HetznerToken;
import wasimoff.eval.testbed.hetzner.api.Server;
import wasimoff.eval.testbed.hetzner.api.SshKey;

/**
 * Deletes what this harness created in a Hetzner project: every server, firewall and SSH key
 * carrying the harness label (or one run's label), servers first because a firewall cannot be
 * deleted while applied. It is what a testbed's close and its shutdown hook run for their own
 * run, and the command a user runs after a killed run:
 * {@code mvn -Pcleanup [-Drun-id=ID] [-Ddry-run=true]} or
 * {@code java -jar harness.jar cleanup [--run-id ID] [--dry-run]}.
 */
public final class HetznerCleanup {
    private static final Duration DELETE_DEADLINE = Duration.ofMinutes(5);
    private static final int FIREWALL_ATTEMPTS = 30;

    private final HetznerClient api;
    private final PrintStream out;

    public HetznerCleanup(HetznerClient api, PrintStream out) {
        this.api = api;
        this.out = out;
    }

    /** What a sweep found (and, unless it was a dry run, deleted). */
    public record Sweep(List<Server> servers, List<Firewall> firewalls, List<SshKey> sshKeys, boolean dryRun) {
        public int total() {
            return servers.size() + firewalls.size() + sshKeys.size();
        }
    }

    /** Lists everything matching {@code selector} and, unless {@code dryRun}, deletes it. */
    public Sweep sweep(String selector, boolean dryRun) {
        List<Server> servers = api.listServers(selector);
        List<Firewall> firewalls = api.listFirewalls(selector);
        List<SshKey> keys = api.listSshKeys(selector);
        out.printf("[cleanup] %s: %d servers, %d firewalls, %d SSH keys match '%s'%n",
                dryRun ? "dry run" : "deleting", servers.size(), firewalls.size(), keys.size(), selector);
        servers.forEach(s -> out.printf("[cleanup]   server %s (id %d, %s @ %s, run %s)%n", s.name(), s.id(),
                s.serverType() == null ? "?" : s.serverType().name(),
                s.location() == null ? "?" : s.location().name(), s.labels().get(RunLabels.RUN)));
        firewalls.forEach(f -> out.printf("[cleanup]   firewall %s (id %d)%n", f.name(), f.id()));
        keys.forEach(k -> out.printf("[cleanup]   ssh key %s (id %d)%n", k.name(), k.id()));
        if (!dryRun) {
            deleteServers(servers.stream().map(Server::id).toList());
            firewalls.forEach(f -> deleteFirewall(f.id()));
            keys.forEach(k -> api.deleteSshKey(k.id()));
            out.printf("[cleanup] deleted %d resources%n", servers.size() + firewalls.size() + keys.size());
        }
        return new Sweep(servers, firewalls, keys, dryRun);
    }

    /** Deletes servers and waits until Hetzner has removed them (already deleted ones are skipped). */
    public void deleteServers(List<Long> ids) {
        List<Action> deletions = new ArrayList<>();
        for (long id : ids) {
            api.deleteServer(id).ifPresent(deletions::add);
        }
        if (!deletions.isEmpty()) {
            api.awaitActions(deletions, DELETE_DEADLINE);
        }
    }

    /** Deletes a firewall, waiting while Hetzner still counts it as applied to servers being deleted. */
    public void deleteFirewall(long id) {
        for (int attempt = 1; ; attempt++) {
            try {
                api.deleteFirewall(id);
                return;
            } catch (HetznerApiException e) {
                if (!"resource_in_use".equals(e.code()) || attempt >= FIREWALL_ATTEMPTS) {
                    throw e;
                }
                sleep(Duration.ofSeconds(2));
            }
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to delete a firewall", e);
        }
    }

    /** {@code cleanup [--run-id ID] [--dry-run]}; the API endpoint can be changed with {@code -D}{@value HetznerSettings#API_URL}. */
    public static void main(String[] args) {
        String runId = System.getProperty("run-id", "");
        boolean dryRun = Boolean.parseBoolean(System.getProperty("dry-run", "false"));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "cleanup" -> { }
                case "--dry-run" -> dryRun = true;
                case "--run-id" -> runId = i + 1 < args.length ? args[++i] : "";
                default -> {
                    System.err.println("cleanup: unknown argument '" + args[i] + "'; usage: cleanup [--run-id ID]"
                            + " [--dry-run]");
                    System.exit(2);
                }
            }
        }
        HetznerToken token = HetznerToken.fromEnvironment();
        HetznerClient api = HetznerSettings.apiClient(token, System.getProperties());
        String selector = runId.isBlank() ? RunLabels.harnessSelector() : RunLabels.runSelector(runId.strip());
        new HetznerCleanup(api, System.out).sweep(selector, dryRun);
    }
}
