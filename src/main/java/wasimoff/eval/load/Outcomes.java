package wasimoff.eval.load;

import wasimoff.eval.workload.ResponseCheck;
import io.netty.handler.codec.http.FullHttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Judges each ended request with the run's {@link ResponseCheck} and records it: the one place
 * where a response becomes a statistic, for closed and open loop alike.
 */
final class Outcomes {
    private final ResponseCheck check;
    private final RequestStats stats;

    Outcomes(ResponseCheck check, RequestStats stats) {
        this.check = check;
        this.stats = stats;
    }

    void record(long dueNanos, long writtenNanos, long doneNanos, FullHttpResponse response, String failure) {
        String reason = failure;
        long bytes = 0;
        if (response != null) {
            bytes = response.content().readableBytes();
            if (reason == null) {
                reason = judge(response);
            }
        }
        stats.record((doneNanos - dueNanos) / 1000, (doneNanos - writtenNanos) / 1000, bytes, reason);
    }

    private String judge(FullHttpResponse r) {
        try {
            Optional<String> f = check.failure(r.status().code(), r.headers()::get,
                    r.content().toString(StandardCharsets.UTF_8));
            return f.orElse(null);
        } catch (RuntimeException e) {
            return "response check error: " + e.getClass().getSimpleName();
        }
    }
}
