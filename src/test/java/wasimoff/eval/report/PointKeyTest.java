package wasimoff.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PointKeyTest {
    @Test
    void fleetsAreOrderedByTheirNumberOfProvidersNotByTheirLabelsText() {
        List<String> fleets = List.of("32x02c", "01x48c+01x16c", "16x04c", "02x32c", "04x02c");
        assertThat(fleets.stream().sorted(PointKey::compareFleets).toList())
                .containsExactly("01x48c+01x16c", "02x32c", "04x02c", "16x04c", "32x02c");
    }

    @Test
    void pointsAreOrderedByPlacementFleetTspSizeThenSystem() {
        PointKey a = new PointKey("nbg1-nbg1-nbg1", "04x02c", 8, "wasimoff");
        PointKey b = new PointKey("nbg1-nbg1-nbg1", "04x02c", 10, "reference");
        PointKey c = new PointKey("nbg1-nbg1-nbg1", "16x02c", 8, "reference");
        PointKey d = new PointKey("nbg1-nbg1-nbg1", "04x02c", 8, "reference");
        assertThat(List.of(c, b, a, d).stream().sorted(PointKey.ORDER).toList()).containsExactly(d, a, b, c);
        assertThat(a.name()).isEqualTo("nbg1-nbg1-nbg1/04x02c/tsp-8/wasimoff");
    }
}
