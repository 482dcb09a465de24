package wasimoff.eval.system.serverledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import wasimoff.eval.workload.ServerledgeFunction;

class ServerledgeImageDockerfileTest {
    @Test
    void theSeedsFunctionCopiesProgramAndWrapperAndRunsTheWrapperOnTheProgram() {
        String dockerfile = ServerledgeImage.dockerfile(new ServerledgeFunction(
                Map.of("tsp", Path.of("tsp-seed-static"), "wrapper", Path.of("serverledge-wrapper")), "/wrapper /tsp"));
        assertThat(dockerfile).startsWith("FROM scratch\n").contains("COPY tsp /tsp\n", "COPY wrapper /wrapper\n",
                "ENV CUSTOM_CMD=\"/wrapper /tsp\"\n", "CMD [\"/executor\"]");
    }
}
