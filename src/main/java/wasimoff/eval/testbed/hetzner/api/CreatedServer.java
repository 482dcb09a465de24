package wasimoff.eval.testbed.hetzner.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Hetzner's answer to creating a server: the server (still {@code initializing}), the {@code create_server}
 * action, follow-up actions such as {@code start_server}, and a root password if no SSH key was given.
 * The server is ready once {@link #allActions()} have succeeded. {@link #toString()} hides the password.
 *
 * @param server       the new server; its id is known from now on and it is billed until deleted
 * @param action       the {@code create_server} action
 * @param nextActions  actions that run after it
 * @param rootPassword generated root password; {@code null} when SSH keys were given
 */
public record CreatedServer(Server server, Action action, List<Action> nextActions, String rootPassword) {

    public CreatedServer {
        nextActions = nextActions == null ? List.of() : List.copyOf(nextActions);
    }

    /** The create action followed by the next actions, in the order to wait for them. */
    public List<Action> allActions() {
        List<Action> all = new ArrayList<>();
        all.add(action);
        all.addAll(nextActions);
        return List.copyOf(all);
    }

    @Override
    public String toString() {
        return "CreatedServer[server=" + server + ", action=" + action + ", nextActions=" + nextActions
                + ", rootPassword=" + (rootPassword == null ? "null" : "****") + "]";
    }
}
