package wasimoff.eval.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The parsers settings are made of; each throws {@link IllegalArgumentException} saying what is wrong. */
public final class Parsers {
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");
    private static final Pattern CIDR = Pattern.compile("([0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]*)/(\\d{1,3})");

    private Parsers() {
    }

    public static Function<String, Integer> integer(int min, int max) {
        return v -> {
            int n;
            try {
                n = Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a whole number");
            }
            if (n < min || n > max) {
                throw new IllegalArgumentException(n + " is outside " + min + ".." + max);
            }
            return n;
        };
    }

    /** A finite decimal number in [{@code min}, {@code max}]; NaN and infinities are refused. */
    public static Function<String, Double> decimal(double min, double max) {
        return v -> {
            double d;
            try {
                d = Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number");
            }
            if (!Double.isFinite(d) || d < min || d > max) {
                throw new IllegalArgumentException(v + " is outside " + fmt(min) + ".." + fmt(max));
            }
            return d;
        };
    }

    /** A duration such as {@code 30s}, {@code 3m}, {@code 500ms} or {@code 1h}, within the bounds. */
    public static Function<String, Duration> duration(Duration min, Duration max) {
        return v -> {
            Matcher m = DURATION.matcher(v.toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new IllegalArgumentException("not a duration; write e.g. 30s, 3m or 500ms");
            }
            long n = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
            if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
                throw new IllegalArgumentException(v + " is outside " + show(min) + ".." + show(max));
            }
            return d;
        };
    }

    /** One of {@code choices}, exactly as written there (case-insensitive). */
    public static Function<String, String> oneOf(List<String> choices) {
        return v -> choices.stream().filter(c -> c.equalsIgnoreCase(v)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + v + "' is not one of " + String.join(", ", choices)));
    }

    /** {@code on}/{@code true} or {@code off}/{@code false}; nothing else, so that {@code yes} is no surprise. */
    public static Function<String, Boolean> onOff() {
        return v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "on", "true" -> true;
            case "off", "false" -> false;
            default -> throw new IllegalArgumentException("'" + v + "' is neither on nor off");
        };
    }

    /** {@code true} or {@code false} in any case and nothing else: a cleanup that read {@code yes} as false would delete. */
    public static Function<String, Boolean> trueFalse() {
        return v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("'" + v + "' is neither true nor false");
        };
    }

    /** A comma-separated, non-empty list of items each parsed by {@code item}. */
    public static <T> Function<String, List<T>> listOf(Function<String, T> item) {
        return v -> {
            List<String> parts = Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (parts.isEmpty()) {
                throw new IllegalArgumentException("an empty list");
            }
            return parts.stream().map(item).toList();
        };
    }

    /** Any non-blank text. */
    public static Function<String, String> text() {
        return v -> {
            if (v.isBlank()) {
                throw new IllegalArgumentException("empty");
            }
            return v;
        };
    }

    /** A path; {@code ~} and {@code ~/...} mean the user's home, as a shell would expand them. */
    public static Function<String, Path> path() {
        return v -> {
            if (v.isBlank()) {
                throw new IllegalArgumentException("empty");
            }
            return UserHome.expand(v);
        };
    }

    /** An IPv4 or IPv6 network in CIDR notation, e.g. {@code 203.0.113.7/32}. */
    public static Function<String, String> cidr() {
        return v -> {
            Matcher m = CIDR.matcher(v);
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + v + "' is not a CIDR such as 203.0.113.7/32 or 2001:db8::/64");
            }
            int bits = Integer.parseInt(m.group(3));
            boolean v4 = v.contains(".") && !v.contains(":");
            if (v4) {
                for (String octet : m.group(1).split("\\.")) {
                    if (Integer.parseInt(octet) > 255) {
                        throw new IllegalArgumentException("'" + v + "' has an octet above 255");
                    }
                }
            }
            if (bits > (v4 ? 32 : 128)) {
                throw new IllegalArgumentException("'" + v + "' has a prefix longer than " + (v4 ? 32 : 128));
            }
            return v;
        };
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static String show(Duration d) {
        if (d.toMillis() % 1000 != 0) {
            return d.toMillis() + "ms";
        }
        long seconds = d.toSeconds();
        return seconds % 3600 == 0 ? seconds / 3600 + "h" : seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }
}
