package wasimoff.eval.system.wasimoff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * One frame of Wasimoff's provider protocol in its JSON subprotocol ({@code wasimoff_provider_v1_json}):
 * the protojson form of {@code wasimoff.v1.Envelope} with {@code sequence} (uint64, a decimal string),
 * {@code type} ({@code Request}, {@code Response} or {@code Event}), optional {@code error}, and a
 * {@code google.protobuf.Any} payload whose {@code @type} names the message. We model these few
 * messages ourselves rather than generating code from Wasimoff's {@code messages.proto}, which the
 * Go proxy reachable here does not serve.
 */
record Envelope(long sequence, String type, String error, ObjectNode payload) {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Wasimoff packs {@code Any} payloads with the type URL prefix {@code wasimoff/}. */
    private static final String TYPE_PREFIX = "wasimoff/wasimoff.v1.";
    private static final String PACKAGE = "wasimoff.v1.";

    /** The payload's message name without the type URL prefix, e.g. {@code Task.Wasip1.Request}. */
    String messageName() {
        if (payload == null) {
            return "";
        }
        // protobuf resolves an Any by the full name after the last '/', whatever the prefix
        String url = payload.path("@type").asText("");
        String fullName = url.substring(url.lastIndexOf('/') + 1);
        return fullName.startsWith(PACKAGE) ? fullName.substring(PACKAGE.length()) : fullName;
    }

    static Envelope parse(String text) throws IOException {
        JsonNode n = JSON.readTree(text);
        JsonNode payload = n.get("payload");
        return new Envelope(n.path("sequence").asLong(0), n.path("type").asText("UNKNOWN"),
                n.hasNonNull("error") ? n.get("error").asText() : null,
                payload instanceof ObjectNode o ? o : null);
    }

    /** A payload object for message {@code name} (e.g. {@code Ping}). */
    static ObjectNode message(String name) {
        ObjectNode o = JSON.createObjectNode();
        o.put("@type", TYPE_PREFIX + name);
        return o;
    }

    static String response(long sequence, ObjectNode payload) {
        return write(sequence, "Response", null, payload);
    }

    static String errorResponse(long sequence, String error) {
        return write(sequence, "Response", error, null);
    }

    static String event(long sequence, ObjectNode payload) {
        return write(sequence, "Event", null, payload);
    }

    private static String write(long sequence, String type, String error, ObjectNode payload) {
        ObjectNode o = JSON.createObjectNode();
        o.put("sequence", Long.toUnsignedString(sequence));
        o.put("type", type);
        if (error != null) {
            o.put("error", error);
        }
        if (payload != null) {
            o.set("payload", payload);
        }
        return o.toString();
    }
}
