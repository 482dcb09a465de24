package wasimoff.eval.testbed.hetzner.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A server's public network interface: its IPv4 address, its IPv6 network and the firewalls applied to it.
 *
 * @param ipv4      {@code null} when IPv4 is disabled
 * @param ipv6      {@code null} when IPv6 is disabled
 * @param firewalls firewalls on this interface with their state
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PublicNet(Ipv4 ipv4, Ipv6 ipv6, List<AppliedFirewall> firewalls) {

    public PublicNet {
        firewalls = firewalls == null ? List.of() : List.copyOf(firewalls);
    }

    /**
     * The server's primary IPv4 address.
     *
     * @param id      Primary IP id; may be {@code null}
     * @param ip      dotted address, e.g. {@code "1.2.3.4"}
     * @param blocked whether the address is blocked
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Ipv4(Long id, String ip, boolean blocked) {
    }

    /**
     * The server's IPv6 network.
     *
     * @param id      Primary IP id; may be {@code null}
     * @param ip      a /64 network such as {@code "2001:db8::/64"}, not a host address
     * @param blocked whether the network is blocked
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Ipv6(Long id, String ip, boolean blocked) {
    }

    /**
     * A firewall applied to the interface.
     *
     * @param id     firewall id
     * @param status {@code applied} or {@code pending}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AppliedFirewall(long id, String status) {
    }
}
