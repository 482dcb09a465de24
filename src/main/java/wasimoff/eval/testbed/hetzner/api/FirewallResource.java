package wasimoff.eval.testbed.hetzner.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What a firewall applies to: one server, or all servers matching a label selector. Used in
 * {@link CreateFirewallRequest#applyTo()}, {@link HetznerClient#applyFirewall} and {@link Firewall#appliedTo()}.
 *
 * @param type               {@code server} or {@code label_selector}
 * @param server             the server, for type {@code server}; otherwise {@code null}
 * @param labelSelector      the selector, for type {@code label_selector}; otherwise {@code null}
 * @param appliedToResources for a selector in a response: the servers it currently matches
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FirewallResource(String type, ServerRef server, Selector labelSelector,
        List<FirewallResource> appliedToResources) {

    public FirewallResource {
        appliedToResources = appliedToResources == null ? List.of() : List.copyOf(appliedToResources);
    }

    /** The firewall applies to the server with this id. */
    public static FirewallResource server(long serverId) {
        return new FirewallResource("server", new ServerRef(serverId), null, List.of());
    }

    /** The firewall applies to every server matching this label selector, now and later. */
    public static FirewallResource labelSelector(String selector) {
        return new FirewallResource("label_selector", null, new Selector(selector), List.of());
    }

    /**
     * A server named by id.
     *
     * @param id the server's id
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ServerRef(long id) {
    }

    /**
     * A label selector such as {@code run=r1}.
     *
     * @param selector the selector expression
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Selector(String selector) {
    }
}
