package wasimoff.eval.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocustFormatTest {
    @Test
    void percentileLabelsReadAsLocustWritesThem() {
        assertThat(LocustFormat.percentileLabel(0.5)).isEqualTo("50%");
        assertThat(LocustFormat.percentileLabel(0.25)).isEqualTo("25%");
        assertThat(LocustFormat.percentileLabel(0.999)).isEqualTo("99.9%");
        assertThat(LocustFormat.percentileLabel(0.9999)).isEqualTo("99.99%");
        assertThat(LocustFormat.percentileLabel(1.0)).isEqualTo("100%");
    }

    @Test
    void responseTimesAreBucketedLikeLocustWithHalfToEven() {
        assertThat(LocustFormat.bucket(42.5)).isEqualTo(42);
        assertThat(LocustFormat.bucket(43.5)).isEqualTo(44);
        assertThat(LocustFormat.bucket(147)).isEqualTo(150);
        assertThat(LocustFormat.bucket(145)).isEqualTo(140);
        assertThat(LocustFormat.bucket(3456)).isEqualTo(3500);
        assertThat(LocustFormat.bucket(12500)).isEqualTo(12000);
    }
}
