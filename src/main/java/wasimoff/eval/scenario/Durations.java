package wasimoff.eval.scenario;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses run times the way Locust's {@code --run-time} writes them: {@code 180s}, {@code 3m}, {@code 1h30m}. */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+)([hms])");

    private Durations() {
    }

    public static Optional<Duration> parse(String text) {
        String t = text.trim();
        if (t.matches("\\d+")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(t)));
        }
        if (!t.matches("(\\d+[hms])+")) {
            return Optional.empty();
        }
        Duration total = Duration.ZERO;
        Matcher m = PART.matcher(t);
        while (m.find()) {
            long v = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "h" -> Duration.ofHours(v);
                case "m" -> Duration.ofMinutes(v);
                default -> Duration.ofSeconds(v);
            });
        }
        return total.isZero() ? Optional.empty() : Optional.of(total);
    }
}
