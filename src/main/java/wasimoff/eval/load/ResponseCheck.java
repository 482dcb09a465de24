package wasimoff.eval.load;

import java.util.Optional;
import okhttp3.Response;

/**
 * Decides whether one HTTP response counts as a success. A failure carries a short, stable reason
 * (it groups the failures CSV), for example {@code HTTP 500} or {@code no TSP distance in body}.
 */
@FunctionalInterface
public interface ResponseCheck {
    /** The reason the response failed, or empty when it succeeded. {@code body} is already read. */
    Optional<String> failure(Response response, String body);
}
