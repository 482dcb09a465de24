package wasimoff.eval.testbed.hetzner;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;
import wasimoff.eval.testbed.hetzner.api.Action;
import wasimoff.eval.testbed.hetzner.api.Firewall;
import wasimoff.eval.testbed.hetzner.api.HetznerApiException;
import wasimoff.eval.testbed.hetzner.api.HetznerClient;
import wasimoff.eval.testbed.hetzner.api.HetznerToken;
import wasimoff.eval.testbed.hetzner.api.MissingHetznerTokenException;
import wasimoff.eval.testbed.hetzner.api.Server;
import wasimoff.eval.testbed.hetzner.api.SshKey;

/**
 * Deletes what this harness created in a Hetzner project: every server, firewall and SSH key
 * carrying the harness label (or one run's label), servers first because a firewall cannot be
 * deleted while applied. It is what a testbed's close and its shutdown hook run for their own
 * run, and the command a user runs after a killed run:
 * {@code mvn -Pcleanup (-Drun-id=ID | -Dall=true) [-Ddry-run=true]} or
 * {@code java -jar harness.jar cleanup (--run-id ID | --all) [--dry-run]}. It lists everything it will
 * delete, with counts, before the first deletion.
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

    /** What the command line asked for: the label selector to sweep and whether to delete. */
    public record Request(String selector, boolean dryRun) {
    }

    static final String USAGE = "usage: cleanup (--run-id ID | --all) [--dry-run], or with Maven:"
            + " mvn -Pcleanup (-Drun-id=ID | -Dall=true) [-Ddry-run=true]";

    /**
     * Reads the command line and the properties {@code run-id}, {@code all} and {@code dry-run} strictly:
     * one run (a non-empty run id) or every run ({@code all=true}) must be named, booleans are
     * {@code true} or {@code false}; anything else fails with a message saying what to give, before any
     * API call.
     */
    public static Request parse(String[] args, Properties p) {
        String runId = p.getProperty("run-id");
        boolean all = HetznerSettings.flag(p, "all", false);
        boolean dryRun = HetznerSettings.flag(p, "dry-run", false);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "cleanup" -> { }
                case "--dry-run" -> dryRun = true;
                case "--all" -> all = true;
                case "--run-id" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--run-id needs the run's id; " + USAGE);
                    }
                    runId = args[++i];
                }
                default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'; " + USAGE);
            }
        }
        if (runId != null && runId.isBlank()) {
            throw new IllegalArgumentException("the run id is empty (-Drun-id= or --run-id '', perhaps an unset shell"
                    + " variable): give the id the run printed at its start, e.g. -Drun-id=20261125t080512-3fa2, or"
                    + " -Dall=true (--all) to delete what every run of the harness left");
        }
        if (runId != null && all) {
            throw new IllegalArgumentException("run id '" + runId + "' and all=true contradict each other: give either"
                    + " -Drun-id=<id> (one run) or -Dall=true (every run)");
        }
        if (runId == null && !all) {
            throw new IllegalArgumentException("say what to delete: -Drun-id=<id> (--run-id <id>) deletes one run's"
                    + " servers, firewall and SSH key, the id as the run printed it at its start; -Dall=true (--all)"
                    + " deletes everything labelled '" + RunLabels.HARNESS + "', of every run");
        }
        if (runId != null && !RunLabels.isLabelValue(runId.strip())) {
            throw new IllegalArgumentException("'" + runId + "' is not a run id (such as 20261125t080512-3fa2): at most"
                    + " 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
        }
        return new Request(all ? RunLabels.harnessSelector() : RunLabels.runSelector(runId.strip()), dryRun);
    }

    /**
     * The cleanup command: checks the command line and properties, then the token and the API endpoint,
     * then sweeps. Returns the exit status: 0 done, 2 refused (the reason on {@code err}; nothing was
     * sent to the API).
     */
    public static int run(String[] args, Properties p, Supplier<HetznerToken> token, PrintStream out,
                          PrintStream err) {
        Request request;
        HetznerClient api;
        try {
            request = parse(args, p);
            api = HetznerSettings.apiClient(token.get(), p);
        } catch (IllegalArgumentException | MissingHetznerTokenException e) {
            err.println("cleanup: " + e.getMessage());
            return 2;
        }
        new HetznerCleanup(api, out).sweep(request.selector(), request.dryRun());
        return 0;
    }

    /**
     * {@code cleanup (--run-id ID | --all) [--dry-run]}; the API endpoint can be changed with
     * {@code -D}{@value HetznerSettings#API_URL}.
     */
    public static void main(String[] args) {
        int status = run(args, System.getProperties(), HetznerToken::fromEnvironment, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }
}
