package wasimoff.eval.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the seed's sweep notation for whole numbers: a single value ({@code 8}), a range with
 * step ({@code 2..32:2}, i.e. 2, 4, ..., 32; the step defaults to 1) or a list ({@code [4, 8]}).
 */
final class IntSweep {
    private static final Pattern RANGE = Pattern.compile("(\\d+)\\s*\\.\\.\\s*(\\d+)(?:\\s*:\\s*(\\d+))?");

    private IntSweep() {
    }

    static List<Integer> parse(YamlNode node) {
        List<Integer> values = new ArrayList<>();
        if (node.isSequence()) {
            for (YamlNode item : node.sequence()) {
                values.add(item.positiveInt());
            }
        } else {
            String text = node.scalar().trim();
            Matcher range = RANGE.matcher(text);
            if (range.matches()) {
                int from = Integer.parseInt(range.group(1));
                int to = Integer.parseInt(range.group(2));
                int step = range.group(3) == null ? 1 : Integer.parseInt(range.group(3));
                if (from <= 0 || to < from || step <= 0) {
                    throw node.error("malformed range '" + text
                            + "': expected FROM..TO:STEP with 0 < FROM <= TO and STEP > 0, e.g. 2..32:2");
                }
                for (int v = from; v <= to; v += step) {
                    values.add(v);
                }
            } else if (text.contains("..")) {
                throw node.error("malformed range '" + text + "': expected FROM..TO:STEP, e.g. 2..32:2");
            } else {
                values.add(node.positiveInt());
            }
        }
        if (values.isEmpty()) {
            throw node.error("must name at least one value");
        }
        return values;
    }
}
