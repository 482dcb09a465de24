package wasimoff.eval.testbed.hetzner.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = RetryPolicy.defaults();

    @Test
    void backoffDoublesFromOneSecondAndIsCappedAtSixtySeconds() {
        assertThat(policy.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.backoff(6)).isEqualTo(Duration.ofSeconds(32));
        assertThat(policy.backoff(7)).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.backoff(1000)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void rateLimitWaitIsAtLeastOneSecondWhenTheResetIsUnknownOrPast() {
        assertThat(policy.rateLimitWait(null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.rateLimitWait(Duration.ofSeconds(-5))).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.rateLimitWait(Duration.ofSeconds(12))).isEqualTo(Duration.ofSeconds(12));
        assertThat(policy.rateLimitWait(Duration.ofHours(1))).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void fewerThanOneAttemptIsRejected() {
        assertThatThrownBy(() -> policy.withMaxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
