package wasimoff.eval.testbed.hetzner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * A stateful stand-in for the Hetzner Cloud API on a loopback MockWebServer: servers, SSH keys and
 * firewalls are kept between requests, listed with label selectors and pagination, and deleted;
 * every response carries the rate-limit headers, bodies are shaped like the documented examples
 * (the fixtures of the API client's tests are the templates). Servers get loopback addresses, so
 * nothing ever dials out of this machine.
 */
final class FakeHetzner implements AutoCloseable {
    static final String TOKEN = "hc-fake-3b9d7e1a5c2f4d6b8a0c2e4f6b8d0a2c4e6f8b0d2a4c6e8f0b2d4a6c8e0f2b4d";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LOCATIONS = List.of("nbg1", "fsn1", "hel1", "ash", "hil");

    final MockWebServer server = new MockWebServer();
    final Map<Long, ObjectNode> servers = new ConcurrentHashMap<>();
    final Map<Long, ObjectNode> sshKeys = new ConcurrentHashMap<>();
    final Map<Long, ObjectNode> firewalls = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<JsonNode> createdServerBodies = new CopyOnWriteArrayList<>();
    final AtomicInteger rateLimitedOnce = new AtomicInteger();
    volatile long createDelayMillis;
    /** Where created servers run, if anywhere: null keeps them records only. */
    volatile Hosting hosting;

    /** Runs the servers the fake API creates, as a cloud would: booted from their user data, reachable. */
    interface Hosting {
        /** Boots server {@code id} and returns its public IPv4 address. */
        String boot(long id, String userData, List<String> authorizedKeys) throws Exception;

        /** Stops server {@code id}. */
        void shutdown(long id);
    }
    private final AtomicLong ids = new AtomicLong(100);
    private final AtomicInteger remaining = new AtomicInteger(3600);

    FakeHetzner() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                try {
                    return handle(request);
                } catch (Exception e) {
                    return json(500, error("server_error", "fake: " + e));
                }
            }
        });
        server.start();
    }

    String url() {
        return server.url("/v1").toString();
    }

    /** Lets the next request fail with 429 {@code rate_limit_exceeded}. */
    void rateLimitNextRequest() {
        rateLimitedOnce.set(1);
    }

    /** A server some other tool created: no harness label. */
    long addForeignServer(String name) {
        return addServer(name, "cpx22", "nbg1", Map.of("owner", "someone-else")).get("id").asLong();
    }

    /** A server a run of the harness created, as the testbed labels it. */
    long addRunServer(String name, String runId, String type, String location) {
        return addServer(name, type, location, Map.of("wasimoff-eval", "true", "wasimoff-eval-run", runId,
                "wasimoff-eval-scenario", "optimal", "wasimoff-eval-role", "provider")).get("id").asLong();
    }

    private MockResponse handle(RecordedRequest r) throws Exception {
        HttpUrl url = r.getUrl();
        String method = r.getMethod();
        List<String> path = url.pathSegments().subList(1, url.pathSegments().size());
        requests.add(method + " /" + String.join("/", path));
        if (!("Bearer " + TOKEN).equals(r.getHeaders().get("Authorization"))) {
            return json(401, error("unauthorized", "unable to authenticate"));
        }
        if (rateLimitedOnce.compareAndSet(1, 0)) {
            // the budget is empty and refills one request per second
            return new MockResponse.Builder().code(429).headers(new Headers.Builder().add("RateLimit-Limit", "3600")
                    .add("RateLimit-Remaining", "0")
                    .add("RateLimit-Reset", Long.toString(System.currentTimeMillis() / 1000 + 1)).build())
                    .addHeader("Content-Type", "application/json")
                    .body(error("rate_limit_exceeded", "limit of 3600 requests per hour reached").toString()).build();
        }
        JsonNode body = r.getBody() == null || r.getBody().size() == 0 ? null : JSON.readTree(r.getBody().utf8());
        String collection = path.get(0);
        Long id = path.size() > 1 ? Long.parseLong(path.get(1)) : null;
        switch (collection) {
            case "server_types":
                return json(200, list("server_types", serverTypes(), url));
            case "actions":
                return json(200, object("action", action("fake_action", id)));
            case "ssh_keys":
                if (method.equals("POST")) {
                    ObjectNode key = JSON.createObjectNode().put("id", ids.incrementAndGet())
                            .put("name", body.get("name").asText()).put("fingerprint", "00:11")
                            .put("public_key", body.get("public_key").asText())
                            .put("created", "2026-11-25T08:00:00Z");
                    key.set("labels", body.get("labels"));
                    sshKeys.put(key.get("id").asLong(), key);
                    return json(201, object("ssh_key", key));
                }
                return collectionRequest("ssh_keys", "ssh_key", sshKeys, method, id, url, null);
            case "firewalls":
                if (method.equals("POST") && id == null) {
                    ObjectNode fw = JSON.createObjectNode().put("id", ids.incrementAndGet())
                            .put("name", body.get("name").asText()).put("created", "2026-11-25T08:00:00Z");
                    fw.set("labels", body.get("labels"));
                    fw.set("rules", body.get("rules"));
                    fw.putArray("applied_to");
                    firewalls.put(fw.get("id").asLong(), fw);
                    ObjectNode reply = object("firewall", fw);
                    reply.putArray("actions");
                    return json(201, reply);
                }
                if (method.equals("POST") && path.get(3).equals("set_rules")) {
                    firewalls.get(id).set("rules", body.get("rules"));
                    ObjectNode reply = JSON.createObjectNode();
                    reply.putArray("actions").add(action("set_firewall_rules", ids.incrementAndGet()));
                    return json(201, reply);
                }
                if (method.equals("DELETE") && firewalls.containsKey(id) && servers.values().stream()
                        .anyMatch(s -> s.get("public_net").get("firewalls").findValues("id").stream()
                                .anyMatch(f -> f.asLong() == id))) {
                    return json(422, error("resource_in_use", "firewall is still applied to a server"));
                }
                return collectionRequest("firewalls", "firewall", firewalls, method, id, url, null);
            case "servers":
                if (method.equals("POST") && id == null) {
                    sleep(createDelayMillis);
                    createdServerBodies.add(body);
                    Map<String, String> labels = JSON.convertValue(body.get("labels"), Map.class);
                    ObjectNode s = addServer(body.get("name").asText(), body.get("server_type").asText(),
                            body.get("location").asText(), labels);
                    if (hosting != null) {
                        List<String> keys = new ArrayList<>();
                        body.path("ssh_keys").forEach(k -> keys.add(sshKeys.get(k.asLong()).get("public_key").asText()));
                        String ip = hosting.boot(s.get("id").asLong(), body.path("user_data").asText(), keys);
                        ((ObjectNode) s.get("public_net").get("ipv4")).put("ip", ip);
                    }
                    ArrayNode fws = ((ObjectNode) s.get("public_net")).putArray("firewalls");
                    body.path("firewalls").forEach(f -> fws.addObject().put("id", f.get("firewall").asLong())
                            .put("status", "applied"));
                    ObjectNode reply = object("server", s);
                    reply.set("action", action("create_server", ids.incrementAndGet()));
                    reply.putArray("next_actions").add(action("start_server", ids.incrementAndGet()));
                    reply.putNull("root_password");
                    return json(201, reply);
                }
                return collectionRequest("servers", "server", servers, method, id, url, "delete_server");
            default:
                return json(404, error("not_found", "no such endpoint"));
        }
    }

    private MockResponse collectionRequest(String plural, String singular, Map<Long, ObjectNode> store, String method,
                                           Long id, HttpUrl url, String deleteCommand) {
        if (id == null) {
            List<ObjectNode> matching = store.values().stream()
                    .filter(o -> matches(o.get("labels"), url.queryParameter("label_selector")))
                    .sorted((a, b) -> Long.compare(a.get("id").asLong(), b.get("id").asLong())).toList();
            return json(200, list(plural, matching, url));
        }
        ObjectNode found = store.get(id);
        if (found == null) {
            return json(404, error("not_found", singular + " with ID '" + id + "' not found"));
        }
        if (method.equals("DELETE")) {
            store.remove(id);
            if (store == servers && hosting != null) {
                hosting.shutdown(id);
            }
            return deleteCommand == null ? new MockResponse.Builder().code(204).headers(rateHeaders()).build()
                    : json(200, object("action", action(deleteCommand, ids.incrementAndGet())));
        }
        return json(200, object(singular, found));
    }

    /** Label selectors as Hetzner reads them: comma-separated {@code k}, {@code !k}, {@code k=v}, {@code k==v}, {@code k!=v}. */
    static boolean matches(JsonNode labels, String selector) {
        if (selector == null || selector.isBlank()) {
            return true;
        }
        for (String term : selector.split(",")) {
            String t = term.strip();
            if (t.contains("!=")) {
                String[] kv = t.split("!=", 2);
                if (kv[1].equals(labels.path(kv[0]).asText(null))) {
                    return false;
                }
            } else if (t.contains("=")) {
                String[] kv = t.split("==?", 2);
                if (!kv[1].equals(labels.path(kv[0]).asText(null))) {
                    return false;
                }
            } else if (t.startsWith("!")) {
                if (labels.has(t.substring(1))) {
                    return false;
                }
            } else if (!labels.has(t)) {
                return false;
            }
        }
        return true;
    }

    private ObjectNode addServer(String name, String type, String location, Map<String, String> labels) {
        ObjectNode s = template("server-create.json").with("server").deepCopy();
        long id = ids.incrementAndGet();
        s.put("id", id).put("name", name).put("status", "running");
        s.set("labels", JSON.valueToTree(labels));
        ((ObjectNode) s.get("location")).put("name", location);
        s.set("server_type", serverType(type));
        ((ObjectNode) s.get("public_net").get("ipv4")).put("ip", "127.79." + (id / 250) + "." + (id % 250 + 1));
        ((ObjectNode) s.get("public_net")).putArray("firewalls");
        servers.put(id, s);
        return s;
    }

    private List<ObjectNode> serverTypes() {
        return List.of("cpx11", "ccx13", "ccx23", "ccx33").stream().map(this::serverType).toList();
    }

    private ObjectNode serverType(String name) {
        ObjectNode t = template("server-types-list.json").withArray("server_types").get(0).deepCopy();
        t.put("name", name).put("description", name.toUpperCase()).put("deprecated", false);
        ArrayNode prices = t.putArray("prices");
        ArrayNode locations = t.putArray("locations");
        String hourly = name.equals("cpx11") ? "0.0080" : name.equals("ccx13") ? "0.0238" : "0.0476";
        for (int i = 0; i < LOCATIONS.size(); i++) {
            ObjectNode p = prices.addObject().put("location", LOCATIONS.get(i));
            p.putObject("price_hourly").put("net", hourly).put("gross", hourly);
            p.putObject("price_monthly").put("net", "15.0").put("gross", "15.0");
            locations.addObject().put("id", i + 1).put("name", LOCATIONS.get(i)).putNull("deprecation");
        }
        return t;
    }

    private static ObjectNode template(String fixture) {
        try (InputStream in = FakeHetzner.class.getResourceAsStream("/wasimoff/eval/testbed/hetzner/api/" + fixture)) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode action(String command, Long id) {
        ObjectNode a = template("action-get.json").with("action").deepCopy();
        a.put("command", command).put("id", id == null ? 1 : id).put("status", "success").put("progress", 100)
                .put("finished", "2026-11-25T08:00:01Z");
        return a;
    }

    private static ObjectNode object(String field, JsonNode value) {
        ObjectNode o = JSON.createObjectNode();
        o.set(field, value);
        return o;
    }

    /** One page as Hetzner paginates ({@code page}, {@code per_page}, default 25), with its meta. */
    private static ObjectNode list(String field, List<ObjectNode> all, HttpUrl url) {
        int perPage = url.queryParameter("per_page") == null ? 25 : Integer.parseInt(url.queryParameter("per_page"));
        int page = url.queryParameter("page") == null ? 1 : Integer.parseInt(url.queryParameter("page"));
        int last = Math.max(1, (all.size() + perPage - 1) / perPage);
        ObjectNode o = JSON.createObjectNode();
        ArrayNode items = o.putArray(field);
        all.stream().skip((long) (page - 1) * perPage).limit(perPage).forEach(items::add);
        ObjectNode p = o.putObject("meta").putObject("pagination").put("page", page).put("per_page", perPage)
                .put("last_page", last).put("total_entries", all.size());
        if (page > 1) {
            p.put("previous_page", page - 1);
        } else {
            p.putNull("previous_page");
        }
        if (page < last) {
            p.put("next_page", page + 1);
        } else {
            p.putNull("next_page");
        }
        return o;
    }

    private static ObjectNode error(String code, String message) {
        ObjectNode o = JSON.createObjectNode();
        o.putObject("error").put("code", code).put("message", message).putNull("details");
        return o;
    }

    private Headers rateHeaders() {
        return new Headers.Builder().add("RateLimit-Limit", "3600")
                .add("RateLimit-Remaining", Integer.toString(Math.max(0, remaining.decrementAndGet())))
                .add("RateLimit-Reset", Long.toString(System.currentTimeMillis() / 1000 + 3600))
                .add("X-Correlation-Id", "fake-" + ids.get()).build();
    }

    private MockResponse json(int status, JsonNode body) {
        return new MockResponse.Builder().code(status).headers(rateHeaders()).addHeader("Content-Type",
                "application/json").body(body.toString()).build();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
