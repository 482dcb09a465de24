package wasimoff.eval.testbed.hetzner.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Client for the parts of the Hetzner Cloud API v1 the testbed needs: locations, server types with prices,
 * images, SSH keys, servers, actions and firewalls.
 *
 * <p>Every call carries {@code Authorization: Bearer <token>}; rate limiting (HTTP 429), server errors and
 * network errors are retried as the {@link RetryPolicy} says, and what remains an error is thrown as
 * {@link HetznerApiException} (HTTP errors) or {@link java.io.UncheckedIOException} (network errors). Lists are
 * fetched completely, page by page. Deleting something that is already gone counts as success.
 *
 * <p>Thread-safe; share one instance. Example:
 * <pre>{@code
 * HetznerClient hetzner = HetznerClient.builder(HetznerToken::fromEnvironment).build();
 * CreatedServer created = hetzner.createServer(CreateServerRequest.builder("w-1", "ccx13", "debian-12")
 *         .location("fsn1").labels(Map.of("run", "r1")).sshKeyIds(List.of(key.id())).build());
 * hetzner.awaitActions(created.allActions(), Duration.ofMinutes(5));
 * }</pre>
 */
public final class HetznerClient {

    /** Hetzner's public endpoint. */
    public static final String DEFAULT_BASE_URL = "https://api.hetzner.cloud/v1";

    private static final int PER_PAGE = 50;

    private final HttpUrl baseUrl;
    private final ObjectMapper mapper;
    private final HetznerTransport transport;
    private final ActionWaiter waiter;

    /**
     * A client with the default retry policy, real clock and sleeper, and 1 s action polling.
     *
     * @param http    the OkHttp client to send with (share one per application)
     * @param baseUrl API base such as {@value #DEFAULT_BASE_URL}
     * @param token   where the token comes from; asked on every request
     */
    public HetznerClient(OkHttpClient http, String baseUrl, Supplier<HetznerToken> token) {
        this(builder(token).httpClient(http).baseUrl(baseUrl));
    }

    private HetznerClient(Builder builder) {
        this.baseUrl = requireSafeBaseUrl(builder.baseUrl);
        this.mapper = Json.mapper();
        this.transport = new HetznerTransport(builder.http, builder.token, mapper, builder.retryPolicy,
                builder.clock, builder.sleeper);
        this.waiter = new ActionWaiter(this::getAction, builder.actionPollInterval);
    }

    /**
     * Parses an API base URL that may carry the token: {@code https}, or plain {@code http} only to a
     * loopback host (127.0.0.0/8, ::1, {@code localhost}), where test doubles listen.
     *
     * @throws IllegalArgumentException naming the URL and what is accepted, before any request is made
     */
    public static HttpUrl requireSafeBaseUrl(String url) {
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            throw new IllegalArgumentException("'" + url + "' is not an http or https URL");
        }
        if (!parsed.isHttps() && !isLoopback(parsed.host())) {
            throw new IllegalArgumentException("'" + url + "' is plain http to " + parsed.host() + ", which is not a"
                    + " loopback address: the API token would cross the network unencrypted. Use https, or http only"
                    + " to 127.0.0.0/8, ::1 or localhost");
        }
        return parsed;
    }

    /** Whether {@code host} (as {@link HttpUrl#host()} gives it: IP literals canonical, no brackets) is loopback. */
    private static boolean isLoopback(String host) {
        if (host.equals("localhost")) {
            return true;
        }
        boolean ipLiteral = host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || host.contains(":");
        if (!ipLiteral) {
            // a name is not resolved here: what it resolves to can change between this check and the request
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Starts configuring a client that takes its token from {@code token}, e.g. {@code HetznerToken::fromEnvironment}. */
    public static Builder builder(Supplier<HetznerToken> token) {
        return new Builder(token);
    }

    /** The rate-limit budget as the latest response stated it (fields -1/null before the first response). */
    public RateLimit rateLimit() {
        return transport.rateLimit();
    }

    // ---- locations, server types, images

    /** All locations. */
    public List<Location> listLocations() {
        return listAll(url("locations"), "locations", Location.class);
    }

    /** All server types, each with its prices per location. */
    public List<ServerType> listServerTypes() {
        return listAll(url("server_types"), "server_types", ServerType.class);
    }

    /** The images matching the query. */
    public List<Image> listImages(ImageQuery query) {
        HttpUrl.Builder url = url("images");
        addIfSet(url, "name", query.name());
        addIfSet(url, "type", query.type());
        addIfSet(url, "architecture", query.architecture());
        addIfSet(url, "label_selector", query.labelSelector());
        return listAll(url, "images", Image.class);
    }

    // ---- SSH keys

    /** Stores a public key in the project; a key already stored fails with 409 {@code uniqueness_error}. */
    public SshKey createSshKey(String name, String publicKey, Map<String, String> labels) {
        ObjectNode body = mapper.createObjectNode().put("name", name).put("public_key", publicKey);
        if (!labels.isEmpty()) {
            body.set("labels", mapper.valueToTree(labels));
        }
        return read(post(url("ssh_keys").build(), body), "ssh_key", SshKey.class);
    }

    /** The SSH keys matching the label selector; {@code null} or blank for all. */
    public List<SshKey> listSshKeys(String labelSelector) {
        return listAll(withSelector(url("ssh_keys"), labelSelector), "ssh_keys", SshKey.class);
    }

    /** Deletes a key; returns {@code false} if it was already gone. */
    public boolean deleteSshKey(long id) {
        return deleteIfPresent(url("ssh_keys", id)).isPresent();
    }

    // ---- servers

    /**
     * Creates a server. It is billed from now on: keep {@link CreatedServer#server()}'s id for deletion before
     * waiting for {@link CreatedServer#allActions()}.
     */
    public CreatedServer createServer(CreateServerRequest request) {
        JsonNode reply = post(url("servers").build(), request.toJson(mapper));
        return new CreatedServer(read(reply, "server", Server.class), read(reply, "action", Action.class),
                readList(reply.path("next_actions"), Action.class), reply.path("root_password").asText(null));
    }

    /** The servers matching the label selector, all pages; {@code null} or blank for all. */
    public List<Server> listServers(String labelSelector) {
        return listAll(withSelector(url("servers"), labelSelector), "servers", Server.class);
    }

    /** One server; a missing one fails with {@link HetznerApiException#isNotFound()}. */
    public Server getServer(long id) {
        return read(transport.send("GET", url("servers", id).build(), null), "server", Server.class);
    }

    /** Deletes a server; returns its {@code delete_server} action, or empty if it was already gone. */
    public Optional<Action> deleteServer(long id) {
        return deleteIfPresent(url("servers", id)).map(reply -> read(reply, "action", Action.class));
    }

    /** Wipes the server's disk and installs {@code image}, keeping the previous user data. */
    public Action rebuildServer(long id, String image) {
        return rebuildServer(id, image, null);
    }

    /** Wipes the server's disk and installs {@code image} with new cloud-init user data ({@code null}: keep). */
    public Action rebuildServer(long id, String image, String userData) {
        ObjectNode body = mapper.createObjectNode().put("image", image);
        if (userData != null) {
            body.put("user_data", userData);
        }
        return read(post(serverAction(id, "rebuild"), body), "action", Action.class);
    }

    /** Switches the server on. */
    public Action powerOn(long id) {
        return read(post(serverAction(id, "poweron"), null), "action", Action.class);
    }

    /** Cuts the server's power (hard stop). A stopped server is still billed. */
    public Action powerOff(long id) {
        return read(post(serverAction(id, "poweroff"), null), "action", Action.class);
    }

    /** Asks the server's OS to shut down (ACPI); the action succeeds once the request is sent, not when off. */
    public Action shutdown(long id) {
        return read(post(serverAction(id, "shutdown"), null), "action", Action.class);
    }

    // ---- actions

    /** The current state of an action. */
    public Action getAction(long id) {
        return read(transport.send("GET", url("actions", id).build(), null), "action", Action.class);
    }

    /**
     * Polls the action until it finishes, at most for {@code deadline}.
     *
     * @return the action with status {@code success}
     * @throws ActionFailedException  if it ends with status {@code error}
     * @throws ActionTimeoutException if it still runs when the deadline passes
     */
    public Action awaitAction(Action action, Duration deadline) {
        return waiter.await(action, deadline);
    }

    /** {@link #awaitAction} for several actions in order, all within one {@code deadline}. */
    public List<Action> awaitActions(Collection<Action> actions, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        List<Action> done = new ArrayList<>();
        for (Action action : actions) {
            Duration left = Duration.ofNanos(Math.max(end - System.nanoTime(), Duration.ofMillis(1).toNanos()));
            done.add(awaitAction(action, left));
        }
        return List.copyOf(done);
    }

    // ---- firewalls

    /** Creates a firewall, applied at once to {@link CreateFirewallRequest#applyTo()}. */
    public CreatedFirewall createFirewall(CreateFirewallRequest request) {
        JsonNode reply = post(url("firewalls").build(), mapper.valueToTree(request));
        return new CreatedFirewall(read(reply, "firewall", Firewall.class),
                readList(reply.path("actions"), Action.class));
    }

    /** The firewalls matching the label selector, all pages; {@code null} or blank for all. */
    public List<Firewall> listFirewalls(String labelSelector) {
        return listAll(withSelector(url("firewalls"), labelSelector), "firewalls", Firewall.class);
    }

    /** Applies a firewall to servers or label selectors; returns the {@code apply_firewall} actions. */
    public List<Action> applyFirewall(long firewallId, List<FirewallResource> resources) {
        ObjectNode body = mapper.createObjectNode();
        body.set("apply_to", mapper.valueToTree(resources));
        return readList(post(firewallAction(firewallId, "apply_to_resources"), body).path("actions"), Action.class);
    }

    /** Removes a firewall from servers or label selectors; returns the {@code remove_firewall} actions. */
    public List<Action> removeFirewall(long firewallId, List<FirewallResource> resources) {
        ObjectNode body = mapper.createObjectNode();
        body.set("remove_from", mapper.valueToTree(resources));
        return readList(post(firewallAction(firewallId, "remove_from_resources"), body).path("actions"),
                Action.class);
    }

    /** Replaces all rules of a firewall; returns the {@code set_firewall_rules} actions. */
    public List<Action> setFirewallRules(long firewallId, List<FirewallRule> rules) {
        ObjectNode body = mapper.createObjectNode();
        body.set("rules", mapper.valueToTree(rules));
        return readList(post(firewallAction(firewallId, "set_rules"), body).path("actions"), Action.class);
    }

    /**
     * Deletes a firewall; returns {@code false} if it was already gone. Hetzner refuses (422
     * {@code resource_in_use}) while it is still applied to a server.
     */
    public boolean deleteFirewall(long id) {
        return deleteIfPresent(url("firewalls", id)).isPresent();
    }

    // ---- plumbing

    private HttpUrl.Builder url(String collection) {
        return baseUrl.newBuilder().addPathSegment(collection);
    }

    private HttpUrl.Builder url(String collection, long id) {
        return url(collection).addPathSegment(Long.toString(id));
    }

    private HttpUrl serverAction(long id, String action) {
        return url("servers", id).addPathSegment("actions").addPathSegment(action).build();
    }

    private HttpUrl firewallAction(long id, String action) {
        return url("firewalls", id).addPathSegment("actions").addPathSegment(action).build();
    }

    private static HttpUrl.Builder withSelector(HttpUrl.Builder url, String labelSelector) {
        addIfSet(url, "label_selector", labelSelector);
        return url;
    }

    private static void addIfSet(HttpUrl.Builder url, String name, String value) {
        if (value != null && !value.isBlank()) {
            url.addQueryParameter(name, value);
        }
    }

    private JsonNode post(HttpUrl url, JsonNode body) {
        return transport.send("POST", url, body);
    }

    /** DELETE; empty if Hetzner answers 404 {@code not_found}, so cleanup is idempotent. */
    private Optional<JsonNode> deleteIfPresent(HttpUrl.Builder url) {
        try {
            return Optional.of(transport.send("DELETE", url.build(), null));
        } catch (HetznerApiException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private <T> List<T> listAll(HttpUrl.Builder url, String key, Class<T> type) {
        List<T> all = new ArrayList<>();
        long page = 1;
        while (true) {
            url.setQueryParameter("page", Long.toString(page)).setQueryParameter("per_page", Integer.toString(PER_PAGE));
            JsonNode reply = transport.send("GET", url.build(), null);
            all.addAll(readList(reply.path(key), type));
            JsonNode next = reply.path("meta").path("pagination").path("next_page");
            if (!next.canConvertToLong()) {
                return List.copyOf(all);
            }
            if (next.asLong() <= page) {
                // stopping here could hide servers from a cleanup sweep, so refuse instead
                throw new IllegalStateException("Hetzner API GET " + url.build().encodedPath() + " page " + page
                        + " names next_page " + next.asLong() + ", which does not advance");
            }
            page = next.asLong();
        }
    }

    private <T> T read(JsonNode reply, String key, Class<T> type) {
        JsonNode node = reply.path(key);
        if (!node.isObject()) {
            throw new IllegalStateException("Hetzner API response lacks the object '" + key + "'");
        }
        return mapper.convertValue(node, type);
    }

    private <T> List<T> readList(JsonNode node, Class<T> type) {
        if (!node.isArray()) {
            return List.of();
        }
        return mapper.convertValue(node, mapper.getTypeFactory().constructCollectionType(List.class, type));
    }

    /** Configuration of a {@link HetznerClient}; every setting has a default. */
    public static final class Builder {
        private final Supplier<HetznerToken> token;
        private OkHttpClient http;
        private String baseUrl = DEFAULT_BASE_URL;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private Duration actionPollInterval = Duration.ofSeconds(1);

        private Builder(Supplier<HetznerToken> token) {
            this.token = Objects.requireNonNull(token, "token");
        }

        /** The OkHttp client to use; default: a new one with OkHttp's defaults. */
        public Builder httpClient(OkHttpClient value) {
            this.http = Objects.requireNonNull(value, "httpClient");
            return this;
        }

        /**
         * The API base URL; default {@value HetznerClient#DEFAULT_BASE_URL}; tests pass a MockWebServer URL.
         * {@link #build()} refuses plain http to anything but a loopback address.
         */
        public Builder baseUrl(String value) {
            this.baseUrl = Objects.requireNonNull(value, "baseUrl");
            return this;
        }

        /** Retry bounds; default {@link RetryPolicy#defaults()}. */
        public Builder retryPolicy(RetryPolicy value) {
            this.retryPolicy = Objects.requireNonNull(value, "retryPolicy");
            return this;
        }

        /** The clock that {@code RateLimit-Reset} is compared with; default UTC system clock. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** How retries wait; default {@link Sleeper#SYSTEM}. */
        public Builder sleeper(Sleeper value) {
            this.sleeper = Objects.requireNonNull(value, "sleeper");
            return this;
        }

        /** Time between polls of a running action; default 1 s (Hetzner asks not to poll too often). */
        public Builder actionPollInterval(Duration value) {
            this.actionPollInterval = Objects.requireNonNull(value, "actionPollInterval");
            return this;
        }

        /** The client. */
        public HetznerClient build() {
            if (http == null) {
                http = new OkHttpClient();
            }
            return new HetznerClient(this);
        }
    }
}
