package wasimoff.eval.settings;

import java.util.Map;
import java.util.function.Function;

/**
 * One setting a user can give (as {@code -Dkey=value} on the command line, a JUnit configuration
 * parameter, or a scenario file's field where one exists): its key, what it means, what values are
 * valid, its default on each testbed, and the parser that turns text into a value or says what is
 * wrong with it. Every setting is declared once, in {@link Settings}.
 *
 * @param key         the property key, e.g. {@code run-time}
 * @param description one line on what it does
 * @param valid       the valid values as the README and errors state them, e.g. {@code 1..10000}
 * @param defaults    the default per testbed kind ({@code embedded}, {@code docker}, {@code hetzner}),
 *                    or under {@code *} for all; text, since some defaults come from the scenario file
 * @param parser      text to value; throws {@link IllegalArgumentException} saying what is wrong
 * @param <T>         the value's type
 */
public record Setting<T>(String key, String description, String valid, Map<String, String> defaults,
                         Function<String, T> parser) {
    /** The default on {@code testbed}, or the one for all testbeds. */
    public String defaultOn(String testbed) {
        return defaults.getOrDefault(testbed, defaults.getOrDefault("*", ""));
    }

    /** Parses {@code text}, or fails naming the key, the value and what is valid. */
    public T parse(String text) {
        try {
            return parser.apply(text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(this, text, e.getMessage());
        }
    }

    /** {@code -Dkey} as users type it. */
    public String flag() {
        return "-D" + key;
    }
}
