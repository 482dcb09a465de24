package wasimoff.eval.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunTimesLabelTest {
    @TempDir
    Path dir;

    @Test
    void aHyperfineLineWithAnAbsolutePathIsLabelledByVariantAndN() {
        RunTimes t = RunTimes.parse("/root/.cache/bin/tsp-seed-static rand 10,0.2,0.01,0.2,0.1,0.0,0.19,0.21,10");
        assertThat(t.labelled("static").command()).isEqualTo("static(10)");
        assertThat(t.labelled("static").csv()).startsWith("static(10),0.2,0.01,");
    }

    @Test
    void serviceTimesRoundTripTheNativeMeanPerN() throws Exception {
        List<RunTimes> nativeTimes = List.of(
                RunTimes.of("native(8)", 8, List.of(0.25, 0.75), List.of(0.01, 0.01), List.of(0.0, 0.0)),
                RunTimes.of("native(10)", 10, List.of(1.0, 3.0), List.of(0.1, 0.1), List.of(0.0, 0.0)));
        ServiceTimes.write(nativeTimes, dir.resolve(ServiceTimes.FILE));
        assertThat(ServiceTimes.read(dir.resolve(ServiceTimes.FILE))).containsEntry(8, 0.5).containsEntry(10, 2.0);
    }
}
