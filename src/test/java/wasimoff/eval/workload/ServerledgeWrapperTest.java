package wasimoff.eval.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wasimoff.eval.install.DebianTool;

/** Our stand-in for the seed's wrapper.sh, run as Serverledge's executor runs CUSTOM_CMD. */
class ServerledgeWrapperTest {
    @TempDir
    Path dir;

    private Process wrapper(Path program, String params) throws Exception {
        Assumptions.assumeTrue(DebianTool.MUSL_GCC.path().isPresent(), "musl-gcc is not installed");
        Files.writeString(dir.resolve("params.json"), params);
        ProcessBuilder pb = new ProcessBuilder(NativeTsp.serverledgeWrapper().toString(), program.toString());
        pb.environment().put("PARAMS_FILE", dir.resolve("params.json").toString());
        pb.environment().put("RESULT_FILE", dir.resolve("result").toString());
        Process p = pb.redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p;
    }

    @Test
    void theSeedProgramsResultLandsInTheResultFileForTheParametersServerledgeWrites() throws Exception {
        Workload seed = SeedTspInstalled.workload();
        Process p = wrapper(seed.nativeStatic(), "{\"n\":\"7\"}");
        assertThat(p.exitValue()).isZero();
        assertThat(SeedTspOutput.invalid(Files.readString(dir.resolve("result")))).isEmpty();
    }

    @Test
    void parametersTheSeedsSedWouldNotMatchAreRefusedWithStatus2() throws Exception {
        Process p = wrapper(Path.of("/bin/true"), "{\"n\":\"7\",\"seed\":1}");
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(dir.resolve("result")).doesNotExist();
    }

    @Test
    void theSeedsOptionalSpaceAndUnquotedNumberAreAccepted() throws Exception {
        Process p = wrapper(Path.of("/bin/echo"), "{\"n\": 12}\n");
        assertThat(p.exitValue()).isZero();
        assertThat(Files.readString(dir.resolve("result"))).isEqualTo("rand 12\n");
    }
}
