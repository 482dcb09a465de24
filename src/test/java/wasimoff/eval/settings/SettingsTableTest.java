package wasimoff.eval.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's settings table is the one generated from the settings model. */
class SettingsTableTest {
    private static final String BEGIN = "<!-- settings table: generated from wasimoff.eval.settings.Settings; a test keeps it so -->";
    private static final String END = "<!-- end of settings table -->";

    @Test
    void theReadmesSettingsTableIsTheGeneratedOne() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme).contains(BEGIN).contains(END);
        String table = readme.substring(readme.indexOf(BEGIN) + BEGIN.length(), readme.indexOf(END)).strip() + "\n";
        assertThat(table).as("README.md's settings table; print the current one with: java -cp target/classes "
                + SettingsTable.class.getName()).isEqualTo(SettingsTable.markdown());
    }
}
