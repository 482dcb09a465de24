package wasimoff.eval.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The settings a run was given, parsed and checked at once: every invalid value and every missing
 * required value is reported together, naming key, value and what is valid, before anything is
 * installed, provisioned or paid for.
 */
public final class SettingValues {
    private final Map<Setting<?>, Object> values;
    private final Properties given;

    private SettingValues(Map<Setting<?>, Object> values, Properties given) {
        this.values = values;
        this.given = given;
    }

    /**
     * Parses the declared keys found in {@code properties} (other keys are left alone: a JVM's
     * system properties hold many). Blank values count as not given, except where that would
     * surprise: none of the declared keys means "empty" by a blank.
     */
    public static SettingValues parse(Properties properties) {
        return parse(properties, System.getenv());
    }

    /** {@link #parse(Properties)} with {@code environment} for the settings that may come from it (the token). */
    @SuppressWarnings("unchecked")
    public static SettingValues parse(Properties properties, Map<String, String> environment) {
        Map<Setting<?>, Object> values = new LinkedHashMap<>();
        Properties given = new Properties();
        List<String> problems = new ArrayList<>();
        for (Setting<?> s : Settings.ALL) {
            String text = properties.getProperty(s.key());
            if (text == null) {
                continue;
            }
            if (text.isBlank()) {
                problems.add(s.flag() + "= is empty (valid: " + s.valid() + "; leave the setting out for the default: "
                        + s.defaultOn("embedded") + ")");
                continue;
            }
            try {
                values.put(s, s.parse(text));
                given.setProperty(s.key(), text.strip());
            } catch (InvalidSettingException e) {
                problems.addAll(e.problems());
            }
        }
        boolean paid = TestbedKind.of((String) values.getOrDefault(Settings.TESTBED, "embedded")).paid();
        if (paid && !values.containsKey(Settings.HETZNER_ALLOW_FROM)) {
            problems.add(Settings.HETZNER_ALLOW_FROM.flag() + " is not set: give the address (CIDR) the harness"
                    + " connects from, e.g. " + Settings.HETZNER_ALLOW_FROM.flag() + "=203.0.113.7/32; the servers'"
                    + " firewall admits only it and the run's own servers");
        }
        String token = environment.get("HCLOUD_TOKEN");
        if (paid && (token == null || token.isBlank())
                && !values.containsKey(Settings.HCLOUD_TOKEN_FILE)) {
            problems.add("-Dtestbed=hetzner creates paid servers and needs a Hetzner Cloud API token: set HCLOUD_TOKEN"
                    + " or " + Settings.HCLOUD_TOKEN_FILE.flag() + "=<file only you can read>");
        }
        List<String> allowFrom = (List<String>) values.getOrDefault(Settings.HETZNER_ALLOW_FROM, List.of());
        if (allowFrom.stream().anyMatch(c -> c.endsWith("/0")) && !Boolean.TRUE.equals(values.get(Settings.HETZNER_ALLOW_ANY))) {
            problems.add(Settings.HETZNER_ALLOW_FROM.flag() + "=" + String.join(",", allowFrom) + " opens the servers,"
                    + " etcd's port included, to every address on the internet; give your own address (e.g."
                    + " 203.0.113.7/32), or, if you really mean everyone, add " + Settings.HETZNER_ALLOW_ANY.flag() + "=true");
        }
        if (!problems.isEmpty()) {
            throw new InvalidSettingException(problems);
        }
        return new SettingValues(values, given);
    }

    /** The value given for {@code setting}, if one was. */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> get(Setting<T> setting) {
        return Optional.ofNullable((T) values.get(setting));
    }

    /** The value given for {@code setting}, or {@code otherwise}. */
    public <T> T getOr(Setting<T> setting, T otherwise) {
        return get(setting).orElse(otherwise);
    }

    /** Whether the user gave {@code setting}. */
    public boolean given(Setting<?> setting) {
        return values.containsKey(setting);
    }

    /** The valid settings that were given, as text, for the layers that read properties. */
    public Properties asProperties() {
        Properties p = new Properties();
        p.putAll(given);
        return p;
    }
}
