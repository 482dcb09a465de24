package wasimoff.eval.workload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeedTspOutputTest {
    private static final String PATH = "path = [\"Bonn\", \"Heilbronn\", \"Bonn\"]\n";

    @Test
    void aDistanceLineAloneOrAfterThePathLineIsAResult() {
        assertThat(SeedTspOutput.distanceText("distance = 323.88580495079685\n")).contains("323.88580495079685");
        assertThat(SeedTspOutput.distanceText(PATH + "distance = 323.88580495079685\n")).contains("323.88580495079685");
        assertThat(SeedTspOutput.invalid("distance = 480\n")).isEmpty();
    }

    @Test
    void anythingElseIsRefused() {
        assertThat(SeedTspOutput.invalid("")).hasValue("no seed TSP distance in output");
        assertThat(SeedTspOutput.invalid(PATH)).hasValue("no seed TSP distance in output");
        assertThat(SeedTspOutput.invalid("distance = 1.5\nextra\n")).hasValue("no seed TSP distance in output");
        assertThat(SeedTspOutput.invalid("warning\ndistance = 1.5\n")).hasValue("no seed TSP distance in output");
        assertThat(SeedTspOutput.invalid("distance = 1e5\n")).hasValue("no seed TSP distance in output");
        assertThat(SeedTspOutput.invalid("distance = NaN\n")).hasValue("no seed TSP distance in output");
        assertThat(SeedTspOutput.invalid("distance = 0\n")).hasValue("TSP distance is not positive");
        assertThat(SeedTspOutput.invalid("thread 'main' panicked at 'called `Result::unwrap()`'"))
                .hasValue("no seed TSP distance in output");
    }
}
