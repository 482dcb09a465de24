package wasimoff.eval.testbed.hetzner.api;

import java.util.List;

/**
 * Hetzner's answer to creating a firewall: the firewall and the actions that set its rules and apply it.
 *
 * @param firewall the new firewall
 * @param actions  actions to wait for before the rules are in force; may be empty
 */
public record CreatedFirewall(Firewall firewall, List<Action> actions) {

    public CreatedFirewall {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}
