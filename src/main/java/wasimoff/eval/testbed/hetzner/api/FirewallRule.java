package wasimoff.eval.testbed.hetzner.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One firewall rule: traffic in one direction and protocol (and port range) from or to a set of CIDR networks.
 * Used both in requests and as Hetzner returns it. Inbound traffic without a matching rule is dropped.
 *
 * @param direction      {@code in} or {@code out}
 * @param protocol       {@code tcp}, {@code udp}, {@code icmp}, {@code esp} or {@code gre}
 * @param port           {@code "22"} or a range {@code "1024-5000"}, tcp/udp only; otherwise {@code null}
 * @param sourceIps      CIDRs allowed in ({@code in} rules)
 * @param destinationIps CIDRs allowed out ({@code out} rules)
 * @param description    free text; may be {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FirewallRule(String direction, String protocol, String port, List<String> sourceIps,
        List<String> destinationIps, String description) {

    public FirewallRule {
        sourceIps = sourceIps == null ? List.of() : List.copyOf(sourceIps);
        destinationIps = destinationIps == null ? List.of() : List.copyOf(destinationIps);
    }

    /** An inbound rule admitting {@code protocol} on {@code port} (null for icmp/esp/gre) from {@code sources}. */
    public static FirewallRule inbound(String protocol, String port, List<String> sources) {
        return new FirewallRule("in", protocol, port, sources, List.of(), null);
    }

    /** An outbound rule admitting {@code protocol} on {@code port} (null for icmp/esp/gre) to {@code targets}. */
    public static FirewallRule outbound(String protocol, String port, List<String> targets) {
        return new FirewallRule("out", protocol, port, List.of(), targets, null);
    }

    /** This rule with a description. */
    public FirewallRule withDescription(String text) {
        return new FirewallRule(direction, protocol, port, sourceIps, destinationIps, text);
    }
}
