package wasimoff.eval.testbed.hetzner.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Sends one API call: adds the bearer token and JSON headers, records the rate-limit headers, retries as the
 * {@link RetryPolicy} says and turns error responses into {@link HetznerApiException}. Logs only method, path,
 * status and waits: never headers or bodies.
 */
final class HetznerTransport {

    private static final System.Logger LOG = System.getLogger(HetznerClient.class.getName());
    private static final MediaType JSON = MediaType.get("application/json");
    private static final String USER_AGENT = "wasimoff-eval-hetzner-client";
    private static final int EXCERPT_CHARS = 200;

    private final OkHttpClient http;
    private final Supplier<HetznerToken> token;
    private final ObjectMapper mapper;
    private final RetryPolicy policy;
    private final Clock clock;
    private final Sleeper sleeper;
    private volatile RateLimit rateLimit = new RateLimit(-1, -1, null);

    HetznerTransport(OkHttpClient http, Supplier<HetznerToken> token, ObjectMapper mapper, RetryPolicy policy,
            Clock clock, Sleeper sleeper) {
        this.http = http;
        this.token = token;
        this.mapper = mapper;
        this.policy = policy;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    RateLimit rateLimit() {
        return rateLimit;
    }

    /** Sends the call, retrying as the policy allows; returns the response JSON (missing node if empty). */
    JsonNode send(String method, HttpUrl url, JsonNode body) {
        String what = method + " " + url.encodedPath();
        byte[] payload = serialize(body);
        boolean idempotent = "GET".equals(method) || "DELETE".equals(method);
        for (int attempt = 1; ; attempt++) {
            Reply reply;
            try {
                reply = call(method, url, payload);
            } catch (IOException e) {
                if (!idempotent || attempt >= policy.maxAttempts()) {
                    throw new UncheckedIOException("Hetzner API " + what + " failed after " + attempt
                            + " attempt(s): " + e, e);
                }
                pause(what, e.getClass().getSimpleName(), attempt, policy.backoff(attempt));
                continue;
            }
            if (reply.status() >= 200 && reply.status() < 300) {
                return parse(what, reply.body());
            }
            HetznerApiException error = toException(what, reply, attempt);
            Duration wait = retryWait(reply, error, attempt);
            if (wait == null || attempt >= policy.maxAttempts()) {
                throw error;
            }
            pause(what, "HTTP " + reply.status() + (error.code() == null ? "" : " " + error.code()), attempt, wait);
        }
    }

    private Reply call(String method, HttpUrl url, byte[] payload) throws IOException {
        RequestBody requestBody = null;
        if (payload != null) {
            requestBody = RequestBody.create(payload, JSON);
        } else if ("POST".equals(method)) {
            requestBody = RequestBody.create(new byte[0], null);
        }
        Request request = new Request.Builder()
                .url(url)
                .header("Authorization", "Bearer " + token.get().secret())
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .method(method, requestBody)
                .build();
        try (Response response = http.newCall(request).execute()) {
            RateLimit seen = RateLimit.from(response.headers());
            if (seen.isPresent()) {
                rateLimit = seen;
            }
            return new Reply(response.code(), seen, response.header("X-Correlation-Id"), response.body().string());
        }
    }

    private Duration retryWait(Reply reply, HetznerApiException error, int attempt) {
        if (reply.status() == 429) {
            Duration untilReset = reply.rateLimit().reset() == null
                    ? null : Duration.between(clock.instant(), reply.rateLimit().reset());
            return policy.rateLimitWait(untilReset);
        }
        if (reply.status() >= 500 || (reply.status() == 409 && "conflict".equals(error.code()))) {
            return policy.backoff(attempt);
        }
        return null;
    }

    private void pause(String what, String reason, int attempt, Duration wait) {
        LOG.log(Level.INFO, "Hetzner API {0}: {1}; attempt {2} of {3}, retrying in {4}",
                what, reason, attempt, policy.maxAttempts(), wait);
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("interrupted while waiting to retry " + what));
        }
    }

    private HetznerApiException toException(String what, Reply reply, int attempt) {
        JsonNode error = parseQuietly(reply.body()).path("error");
        if (error.isObject()) {
            JsonNode details = error.path("details");
            return new HetznerApiException(what, reply.status(), error.path("code").asText(null),
                    error.path("message").asText(null), details.isObject() ? details : null,
                    reply.correlationId(), attempt);
        }
        String excerpt = reply.body().strip();
        if (excerpt.length() > EXCERPT_CHARS) {
            excerpt = excerpt.substring(0, EXCERPT_CHARS) + "...";
        }
        return new HetznerApiException(what, reply.status(), null, excerpt, null, reply.correlationId(), attempt);
    }

    private byte[] serialize(JsonNode body) {
        if (body == null) {
            return null;
        }
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize the request body", e);
        }
    }

    private JsonNode parse(String what, String text) {
        if (text.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Hetzner API " + what + " answered with malformed JSON", e);
        }
    }

    private JsonNode parseQuietly(String text) {
        try {
            return text.isBlank() ? MissingNode.getInstance() : mapper.readTree(text);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    /** The parts of a response the retry and error logic needs. */
    private record Reply(int status, RateLimit rateLimit, String correlationId, String body) {
    }
}
