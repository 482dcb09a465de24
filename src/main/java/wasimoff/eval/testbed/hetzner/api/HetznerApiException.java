package wasimoff.eval.testbed.hetzner.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Hetzner Cloud API call answered with an error status. Carries the HTTP status and, when the body was
 * Hetzner's error envelope {@code {"error":{"code":..,"message":..,"details":..}}}, its code, message and details.
 * The message names the request (method and path) but never the token, headers or request body.
 */
public class HetznerApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String errorMessage;
    private final transient JsonNode details;
    private final String correlationId;

    /**
     * Creates the exception.
     *
     * @param request       method and path, e.g. {@code "POST /v1/servers"}
     * @param status        HTTP status
     * @param code          Hetzner's {@code error.code}; {@code null} if the body was not an error envelope
     * @param errorMessage  Hetzner's {@code error.message}, or a short excerpt of a non-envelope body
     * @param details       Hetzner's {@code error.details}; {@code null} if absent
     * @param correlationId the {@code X-Correlation-Id} response header Hetzner support asks for; may be {@code null}
     * @param attempts      how many attempts were made
     */
    public HetznerApiException(String request, int status, String code, String errorMessage, JsonNode details,
            String correlationId, int attempts) {
        super(describe(request, status, code, errorMessage, correlationId, attempts));
        this.status = status;
        this.code = code;
        this.errorMessage = errorMessage;
        this.details = details;
        this.correlationId = correlationId;
    }

    private static String describe(String request, int status, String code, String message, String correlationId,
            int attempts) {
        StringBuilder text = new StringBuilder("Hetzner API ").append(request).append(" failed: HTTP ").append(status);
        if (code != null) {
            text.append(' ').append(code);
        }
        if (message != null && !message.isEmpty()) {
            text.append(": ").append(message);
        }
        if (correlationId != null) {
            text.append(" (correlation id ").append(correlationId).append(')');
        }
        if (attempts > 1) {
            text.append(" after ").append(attempts).append(" attempts");
        }
        return text.toString();
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** Hetzner's {@code error.code}, e.g. {@code "uniqueness_error"}; {@code null} for a non-envelope body. */
    public String code() {
        return code;
    }

    /** Hetzner's {@code error.message}; may be {@code null}. */
    public String errorMessage() {
        return errorMessage;
    }

    /** Hetzner's {@code error.details} (field errors, limits); {@code null} if absent. */
    public JsonNode details() {
        return details;
    }

    /** The {@code X-Correlation-Id} of the failed response; may be {@code null}. */
    public String correlationId() {
        return correlationId;
    }

    /** Whether Hetzner said the resource does not exist (HTTP 404 with code {@code not_found}). */
    public boolean isNotFound() {
        return status == 404 && "not_found".equals(code);
    }
}
