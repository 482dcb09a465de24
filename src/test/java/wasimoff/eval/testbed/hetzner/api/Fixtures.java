package wasimoff.eval.testbed.hetzner.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import mockwebserver3.MockResponse;

/**
 * Canned Hetzner responses. The JSON files next to this class are the example bodies of the official Hetzner
 * Cloud OpenAPI document (responses of the endpoints they are named after), with placeholder enum values
 * ({@code "string"}) replaced by documented ones and action errors set to null where the action did not fail.
 */
final class Fixtures {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Fixtures() {
    }

    /** A fixture file as a mutable tree. */
    static ObjectNode tree(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON response with the given status and body, carrying Hetzner's rate-limit headers. */
    static MockResponse json(int status, JsonNode body) {
        return new MockResponse.Builder()
                .code(status)
                .addHeader("Content-Type", "application/json")
                .addHeader("ratelimit-limit", "3600")
                .addHeader("ratelimit-remaining", "3599")
                .addHeader("ratelimit-reset", "1731000000")
                .body(body.toString())
                .build();
    }

    /** A JSON response with a fixture file as body. */
    static MockResponse json(int status, String fixture) {
        return json(status, tree(fixture));
    }

    /** Hetzner's error envelope {@code {"error":{"code":..,"message":..,"details":..}}}. */
    static ObjectNode error(String code, String message) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("code", code);
        error.put("message", message);
        error.putNull("details");
        return root;
    }

    /** A 204 No Content response, as Hetzner answers some DELETEs. */
    static MockResponse noContent() {
        return new MockResponse.Builder().code(204).build();
    }

    /** {@link #action} read as the client reads it. */
    static Action parsedAction(long id, String command, String status) {
        return Json.mapper().convertValue(action(id, command, status).get("action"), Action.class);
    }

    /** An action object from the {@code GET /actions/{id}} fixture with the given id, command and status. */
    static ObjectNode action(long id, String command, String status) {
        ObjectNode reply = tree("action-get");
        ObjectNode action = (ObjectNode) reply.get("action");
        action.put("id", id);
        action.put("command", command);
        action.put("status", status);
        if (!"running".equals(status)) {
            action.put("progress", 100);
            action.put("finished", "2016-01-30T23:56:00Z");
        }
        return reply;
    }
}
