package wasimoff.eval.system.reference;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --key value} arguments of our services, with a clear error for a missing or unknown one. */
final class Args {
    private final Map<String, String> values = new HashMap<>();

    Args(List<String> args, List<String> known) {
        for (int i = 0; i < args.size(); i++) {
            String key = args.get(i);
            if (!key.startsWith("--") || !known.contains(key.substring(2)) || i + 1 >= args.size()) {
                throw new IllegalArgumentException("bad argument '" + key + "'; expected --key value with keys "
                        + known);
            }
            values.put(key.substring(2), args.get(++i));
        }
    }

    String require(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing --" + key);
        }
        return v;
    }

    String get(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }
}
