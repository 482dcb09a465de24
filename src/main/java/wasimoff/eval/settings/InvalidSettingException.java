package wasimoff.eval.settings;

import java.util.List;

/**
 * Settings that cannot be used, found before anything is installed, provisioned or paid for: each
 * line names the key, the value given and what is valid.
 */
public class InvalidSettingException extends IllegalArgumentException {
    private final List<String> problems;

    public InvalidSettingException(Setting<?> setting, String value, String why) {
        this(List.of(setting.flag() + "=" + value + ": " + why + " (valid: " + setting.valid() + "; "
                + setting.description() + ")"));
    }

    public InvalidSettingException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0)
                : problems.size() + " settings are invalid:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One line per invalid setting. */
    public List<String> problems() {
        return problems;
    }
}
