package wasimoff.eval.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseChecksSeedTest {
    private static final String SEED_BODY = "path = [\"Bonn\", \"Heilbronn\", \"Bonn\"]\ndistance = 323.88580495079685\n";
    private static final ResponseCheck.Headers OK = Map.of("X-Wasimoff-Result", "Ok", "X-Wasimoff-Status", "0")::get;

    @Test
    void theSeedChecksAreNamedAfterTheApiAndTheWorkload() {
        assertThat(ResponseChecks.forWorkload(ResponseChecks.WASIMOFF_RUN, Workload.SEED_TSP))
                .isEqualTo("wasimoff-run:seed-tsp");
        assertThat(ResponseChecks.forWorkload(ResponseChecks.SERVERLEDGE_INVOKE, Workload.SEED_TSP))
                .isEqualTo("serverledge-invoke:seed-tsp");
    }

    @Test
    void wasimoffsStderrThenStdoutBodyOfTheSeedProgramSucceeds() {
        ResponseCheck seed = ResponseChecks.named("wasimoff-run:seed-tsp");
        assertThat(seed.failure(200, OK, SEED_BODY)).isEmpty();
        assertThat(seed.failure(200, OK, "distance = 1664.043\nmore\n")).hasValue("no seed TSP distance in output");
        assertThat(seed.failure(200, Map.of("X-Wasimoff-Result", "Ok", "X-Wasimoff-Status", "101")::get, SEED_BODY))
                .hasValue("exit status 101");
    }

    @Test
    void serverledgesResultOfTheSeedProgramSucceedsAndAFailedRunDoesNot() {
        ResponseCheck seed = ResponseChecks.named("serverledge-invoke:seed-tsp");
        assertThat(seed.failure(200, name -> null, "{\"Success\":true,\"Result\":\"distance = 480.78265295131365\\n\"}"))
                .isEmpty();
        assertThat(seed.failure(200, name -> null, "{\"Success\":true,\"Result\":\"\"}"))
                .hasValue("no seed TSP distance in output");
        assertThat(seed.failure(200, name -> null, "{\"Success\":false}")).hasValue("Success is not true");
    }

    @Test
    void ourProgramsChecksRefuseTheSeedProgramsOutputSoAMixedUpRunFails() {
        assertThat(ResponseChecks.named(ResponseChecks.WASIMOFF_RUN).failure(200, OK, SEED_BODY))
                .hasValue("no TSP distance in output");
    }
}
