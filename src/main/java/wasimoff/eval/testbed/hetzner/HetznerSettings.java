package wasimoff.eval.testbed.hetzner;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import wasimoff.eval.settings.Settings;
import wasimoff.eval.testbed.hetzner.api.HetznerClient;
import wasimoff.eval.testbed.hetzner.api.HetznerToken;

/**
 * The Hetzner testbed's settings, from system properties: the cost cap
 * ({@value #MAX_HOURLY}, default 10 EUR/h), who may reach the servers ({@value #ALLOW_FROM}: the
 * user's address as CIDR, required because the harness cannot find out the user's public address
 * from inside the allowed network), the image, and how long servers may take to boot.
 */
public record HetznerSettings(BigDecimal maxHourlyEur, List<String> allowFrom, String image, Duration bootDeadline,
                              int parallelism) {
    public static final String MAX_HOURLY = Settings.HETZNER_MAX_HOURLY.key();
    public static final String ALLOW_FROM = Settings.HETZNER_ALLOW_FROM.key();
    public static final String IMAGE = Settings.HETZNER_IMAGE.key();
    /** Overrides Hetzner's API endpoint; for tests against a mock API only. */
    public static final String API_URL = Settings.HETZNER_API_URL.key();
    /** Must be {@code true} for {@value #ALLOW_FROM} to admit the whole internet (a {@code /0} prefix). */
    public static final String ALLOW_ANY = Settings.HETZNER_ALLOW_ANY.key();

    public HetznerSettings {
        allowFrom = List.copyOf(allowFrom);
    }

    /**
     * A client of Hetzner's API (or of {@value #API_URL}, if set) authenticated with {@code token}. An
     * {@value #API_URL} that is plain http to anything but a loopback address is refused here, before any
     * request carries the token.
     */
    public static HetznerClient apiClient(HetznerToken token, Properties p) {
        String url = p.getProperty(API_URL, HetznerClient.DEFAULT_BASE_URL).strip();
        try {
            HetznerClient.requireSafeBaseUrl(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("-D" + API_URL + " refused: " + e.getMessage(), e);
        }
        return HetznerClient.builder(() -> token).baseUrl(url).build();
    }

    /**
     * The boolean property {@code key}: {@code true} or {@code false} in any case, {@code fallback} when it
     * is not set. Anything else ({@code yes}, {@code 1}, empty) fails naming the key, the value and the
     * valid values: a cleanup that read {@code -Ddry-run=yes} as {@code false} would delete for real.
     */
    public static boolean flag(Properties p, String key, boolean fallback) {
        String value = p.getProperty(key);
        if (value == null) {
            return fallback;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("-D" + key + "=" + value + " is not a boolean; valid values"
                    + " are true and false");
        };
    }

    /** {@link #from(Properties, PrintStream)} with warnings on standard output. */
    public static HetznerSettings from(Properties p) {
        return from(p, System.out);
    }

    /**
     * Reads the settings; a missing or malformed value fails with the property's name and an example. A
     * {@code /0} in {@value #ALLOW_FROM} (the whole internet) is refused unless {@value #ALLOW_ANY} is
     * {@code true}, and then printed as a warning on {@code warnings}.
     */
    public static HetznerSettings from(Properties p, PrintStream warnings) {
        BigDecimal cap;
        try {
            cap = new BigDecimal(p.getProperty(MAX_HOURLY, "10"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + MAX_HOURLY + "=" + p.getProperty(MAX_HOURLY)
                    + " is not a number of euros per hour, e.g. -D" + MAX_HOURLY + "=4.5");
        }
        String allow = p.getProperty(ALLOW_FROM, "").strip();
        if (allow.isEmpty()) {
            throw new IllegalArgumentException("-D" + ALLOW_FROM + " is not set: give the address (CIDR) the harness"
                    + " connects from, e.g. -D" + ALLOW_FROM + "=203.0.113.7/32; the servers' firewall admits only it"
                    + " and the run's own servers");
        }
        List<String> cidrs = Arrays.stream(allow.split(",")).map(String::strip).toList();
        for (String cidr : cidrs) {
            if (!cidr.matches("[0-9a-fA-F.:]+/\\d{1,3}")) {
                throw new IllegalArgumentException("-D" + ALLOW_FROM + ": '" + cidr + "' is not a CIDR such as"
                        + " 203.0.113.7/32 or 2001:db8::/64");
            }
        }
        List<String> everyone = cidrs.stream().filter(c -> Integer.parseInt(c.substring(c.indexOf('/') + 1)) == 0)
                .toList();
        if (!everyone.isEmpty()) {
            if (!flag(p, ALLOW_ANY, false)) {
                throw new IllegalArgumentException("-D" + ALLOW_FROM + ": " + String.join(", ", everyone) + " admits"
                        + " every address on the internet to the servers' SSH and services; give your own address"
                        + " (e.g. 203.0.113.7/32), or, if you really mean everyone, add -D" + ALLOW_ANY + "=true");
            }
            warnings.println("[hetzner] WARNING: -D" + ALLOW_FROM + "=" + String.join(",", everyone) + " with -D"
                    + ALLOW_ANY + "=true: the servers' firewall admits every address on the internet, on every"
                    + " port, for as long as the servers run");
        }
        return new HetznerSettings(cap, cidrs, p.getProperty(IMAGE, "debian-12"), Duration.ofMinutes(10), 8);
    }
}
