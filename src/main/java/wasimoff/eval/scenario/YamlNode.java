package wasimoff.eval.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML node that knows its file, line and dotted field path, so every validation error can name
 * them. SnakeYAML's composed node tree is used because it keeps a source mark on every node, which
 * Jackson's tree model drops.
 */
final class YamlNode {
    private final Path file;
    private final String field;
    private final Node node;

    YamlNode(Path file, String field, Node node) {
        this.file = file;
        this.field = field;
        this.node = node;
    }

    Path file() {
        return file;
    }

    /** The keys of this mapping in file order. */
    List<String> keys() {
        if (!isMapping()) {
            throw error("expected a mapping, found " + describe());
        }
        List<String> keys = new ArrayList<>();
        for (NodeTuple tuple : ((MappingNode) node).getValue()) {
            keys.add(new YamlNode(file, field, tuple.getKeyNode()).scalar());
        }
        return keys;
    }

    String field() {
        return field;
    }

    int line() {
        return node.getStartMark().getLine() + 1;
    }

    ScenarioException error(String problem) {
        return new ScenarioException(file, line(), field, problem);
    }

    boolean isMapping() {
        return node instanceof MappingNode;
    }

    boolean isSequence() {
        return node instanceof SequenceNode;
    }

    boolean isScalar() {
        return node instanceof ScalarNode;
    }

    /** The entries of a mapping, in file order, after checking that every key is one of {@code allowed}. */
    Map<String, YamlNode> mapping(String... allowed) {
        if (!isMapping()) {
            throw error("expected a mapping of " + Arrays.toString(allowed) + ", found " + describe());
        }
        Set<String> valid = new HashSet<>(Arrays.asList(allowed));
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : ((MappingNode) node).getValue()) {
            YamlNode key = new YamlNode(file, field, tuple.getKeyNode());
            String name = key.scalar();
            String path = field.isEmpty() ? name : field + "." + name;
            if (!valid.contains(name)) {
                throw new ScenarioException(file, key.line(), path,
                        "unknown key; valid keys here are " + sorted(valid));
            }
            if (entries.containsKey(name)) {
                throw new ScenarioException(file, key.line(), path, "duplicate key");
            }
            entries.put(name, new YamlNode(file, path, tuple.getValueNode()));
        }
        return entries;
    }

    List<YamlNode> sequence() {
        if (!isSequence()) {
            throw error("expected a list, found " + describe());
        }
        List<YamlNode> items = new ArrayList<>();
        List<Node> values = ((SequenceNode) node).getValue();
        for (int i = 0; i < values.size(); i++) {
            items.add(new YamlNode(file, field + "[" + i + "]", values.get(i)));
        }
        return items;
    }

    String scalar() {
        if (!isScalar()) {
            throw error("expected a single value, found " + describe());
        }
        return ((ScalarNode) node).getValue();
    }

    int positiveInt() {
        String text = scalar().trim();
        try {
            int value = Integer.parseInt(text);
            if (value <= 0) {
                throw error("must be a positive whole number, was " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw error("'" + text + "' is not a whole number");
        }
    }

    double positiveNumber() {
        String text = scalar().trim();
        try {
            double value = Double.parseDouble(text);
            if (!(value > 0) || Double.isInfinite(value)) {
                throw error("must be a positive number, was " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw error("'" + text + "' is not a number");
        }
    }

    private String describe() {
        if (isMapping()) {
            return "a mapping";
        }
        if (isSequence()) {
            return "a list";
        }
        return "'" + ((ScalarNode) node).getValue() + "'";
    }

    static String sorted(Collection<String> names) {
        return String.join(", ", new java.util.TreeSet<>(names));
    }
}
