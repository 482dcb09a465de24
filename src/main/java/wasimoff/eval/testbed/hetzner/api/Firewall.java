package wasimoff.eval.testbed.hetzner.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A Hetzner Cloud firewall: a stateful rule set applied to servers' public interfaces.
 *
 * @param id        Hetzner's id
 * @param name      unique name in the project
 * @param labels    user labels
 * @param created   creation time
 * @param rules     the rules
 * @param appliedTo servers and selectors it is applied to
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Firewall(long id, String name, Map<String, String> labels, OffsetDateTime created,
        List<FirewallRule> rules, List<FirewallResource> appliedTo) {

    public Firewall {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        rules = rules == null ? List.of() : List.copyOf(rules);
        appliedTo = appliedTo == null ? List.of() : List.copyOf(appliedTo);
    }
}
