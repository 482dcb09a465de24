package wasimoff.eval.testbed.hetzner.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link HetznerClient#createFirewall(CreateFirewallRequest)} sends: a named rule set with labels, optionally
 * applied to servers or label selectors right away.
 *
 * @param name    unique name, at most 128 characters
 * @param labels  labels for the firewall (say, the run id), so a sweeper can find it
 * @param rules   at most 50 rules; none means: drop all inbound traffic
 * @param applyTo resources to apply it to at once; may be empty
 */
public record CreateFirewallRequest(String name, Map<String, String> labels, List<FirewallRule> rules,
        List<FirewallResource> applyTo) {

    public CreateFirewallRequest {
        Objects.requireNonNull(name, "name");
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        rules = rules == null ? List.of() : List.copyOf(rules);
        applyTo = applyTo == null ? List.of() : List.copyOf(applyTo);
    }
}
