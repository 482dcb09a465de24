package wasimoff.eval.settings;

import java.util.ArrayList;
import java.util.List;

/**
 * The README's settings table, generated from {@link Settings#ALL}; a test keeps the README's copy
 * equal to it. {@code main} prints it.
 */
public final class SettingsTable {
    private SettingsTable() {
    }

    /** The table in Markdown. */
    public static String markdown() {
        List<String> rows = new ArrayList<>();
        rows.add("| setting | embedded / docker default | hetzner default | valid | meaning |");
        rows.add("|---|---|---|---|---|");
        for (Setting<?> s : Settings.ALL) {
            String local = s.defaultOn("embedded");
            String docker = s.defaultOn("docker");
            if (!docker.equals(local)) {
                local = "embedded: " + local + ", docker: " + docker;
            }
            rows.add("| `" + s.flag() + "` | " + cell(local) + " | " + cell(s.defaultOn("hetzner")) + " | "
                    + cell(s.valid()) + " | " + cell(s.description()) + " |");
        }
        return String.join("\n", rows) + "\n";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    public static void main(String[] args) {
        System.out.print(markdown());
    }
}
