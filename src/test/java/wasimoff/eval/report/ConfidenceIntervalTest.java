package wasimoff.eval.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ConfidenceIntervalTest {
    @Test
    void threeValuesUseStudentsTWithTwoDegreesOfFreedom() {
        ConfidenceInterval ci = ConfidenceInterval.of95(1, 2, 3);
        // mean 2, sample deviation 1, t(0.975, 2) = 4.3027: half-width 4.3027 / sqrt(3)
        assertThat(ci.mean()).isEqualTo(2.0);
        assertThat(ci.low()).isCloseTo(2 - 2.484138, within(1e-6));
        assertThat(ci.high()).isCloseTo(2 + 2.484138, within(1e-6));
        assertThat(ci.n()).isEqualTo(3);
    }

    @Test
    void twoValuesGiveTheWideIntervalOfOneDegreeOfFreedom() {
        ConfidenceInterval ci = ConfidenceInterval.of95(10, 12);
        // deviation sqrt(2), t(0.975, 1) = 12.7062: half-width 12.7062 * sqrt(2) / sqrt(2)
        assertThat(ci.low()).isCloseTo(11 - 12.706205, within(1e-6));
        assertThat(ci.high()).isCloseTo(11 + 12.706205, within(1e-6));
    }

    @Test
    void quantilesMatchPublishedTablesAcrossDegreesOfFreedom() {
        assertThat(ConfidenceInterval.t975(4)).isCloseTo(2.776445, within(1e-6));
        assertThat(ConfidenceInterval.t975(30)).isCloseTo(2.042272, within(1e-6));
        assertThat(ConfidenceInterval.t975(31)).isCloseTo(2.039513, within(1e-5));
        assertThat(ConfidenceInterval.t975(40)).isCloseTo(2.021075, within(1e-5));
        assertThat(ConfidenceInterval.t975(60)).isCloseTo(2.000298, within(1e-5));
        assertThat(ConfidenceInterval.t975(120)).isCloseTo(1.979930, within(1e-5));
        assertThat(ConfidenceInterval.t975(100_000)).isCloseTo(1.959964, within(1e-4));
    }

    @Test
    void oneValueHasNoIntervalAndOverlapsNothing() {
        ConfidenceInterval one = ConfidenceInterval.of95(5);
        assertThat(one.defined()).isFalse();
        assertThat(one.low()).isNaN();
        assertThat(one.overlaps(ConfidenceInterval.of95(4, 5, 6))).isFalse();
    }

    @Test
    void identicalValuesGiveAPointIntervalAndSeparateIntervalsDoNotOverlap() {
        ConfidenceInterval a = ConfidenceInterval.of95(10, 10, 10);
        assertThat(a.low()).isEqualTo(10.0);
        assertThat(a.high()).isEqualTo(10.0);
        assertThat(a.overlaps(ConfidenceInterval.of95(9, 10, 11))).isTrue();
        assertThat(a.overlaps(ConfidenceInterval.of95(20, 21, 22))).isFalse();
        assertThat(ConfidenceInterval.of95(20, 21, 22).overlaps(a)).isFalse();
    }
}
