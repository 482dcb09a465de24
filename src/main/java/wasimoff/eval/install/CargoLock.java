package wasimoff.eval.install;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packages a {@code Cargo.lock} pins (name and version of every {@code [[package]]}), and the
 * differences between two of them, so that a build that had to change the lock can say exactly how.
 */
record CargoLock(int format, Map<String, TreeSet<String>> packages) {
    private static final Pattern PACKAGE = Pattern.compile(
            "(?m)^\\[\\[package]]\\s*\\nname = \"([^\"]+)\"\\s*\\nversion = \"([^\"]+)\"");
    private static final Pattern FORMAT = Pattern.compile("(?m)^version = (\\d+)\\s*$");

    static CargoLock parse(String text) {
        Map<String, TreeSet<String>> packages = new TreeMap<>();
        Matcher m = PACKAGE.matcher(text);
        while (m.find()) {
            packages.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
        }
        Matcher f = FORMAT.matcher(text);
        // the format line comes before the first [[package]]; package versions are quoted, it is not
        return new CargoLock(f.find() ? Integer.parseInt(f.group(1)) : 0, packages);
    }

    /**
     * How {@code changed} differs from this lock, one entry per package, e.g. {@code time 0.3.41 -> 0.3.20},
     * {@code -deranged 0.4.0}, {@code +foo 1.0}; and {@code lock format 4 -> 3}. Empty when they pin the same.
     */
    List<String> differencesTo(CargoLock changed) {
        List<String> out = new ArrayList<>();
        if (format != changed.format) {
            out.add("lock format " + format + " -> " + changed.format);
        }
        TreeSet<String> names = new TreeSet<>(packages.keySet());
        names.addAll(changed.packages.keySet());
        for (String name : names) {
            TreeSet<String> before = packages.getOrDefault(name, new TreeSet<>());
            TreeSet<String> after = changed.packages.getOrDefault(name, new TreeSet<>());
            if (before.equals(after)) {
                continue;
            }
            if (before.isEmpty()) {
                out.add("+" + name + " " + String.join(",", after));
            } else if (after.isEmpty()) {
                out.add("-" + name + " " + String.join(",", before));
            } else {
                out.add(name + " " + String.join(",", before) + " -> " + String.join(",", after));
            }
        }
        return out;
    }
}
