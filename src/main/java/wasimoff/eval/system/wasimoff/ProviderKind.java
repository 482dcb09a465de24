package wasimoff.eval.system.wasimoff;

import java.util.Arrays;
import java.util.Locale;

/**
 * Which providers serve the {@code wasimoff} system: Wasimoff's own web provider in headless
 * Chromium ({@code browser}, as the evaluation ran it; the default), its Deno provider
 * ({@code deno}), or our Java {@link WasimoffProvider} on Wasimoff's provider protocol ({@code ours}).
 */
public enum ProviderKind {
    BROWSER, DENO, OURS;

    /** The setting's word: {@code browser}, {@code deno} or {@code ours}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code browser}, {@code deno} or {@code ours} (any case); null or blank is the default, {@code browser}. */
    public static ProviderKind parse(String value) {
        if (value == null || value.isBlank()) {
            return BROWSER;
        }
        for (ProviderKind k : values()) {
            if (k.word().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("provider '" + value + "' is not valid; valid: "
                + String.join(", ", Arrays.stream(values()).map(ProviderKind::word).toList()));
    }
}
