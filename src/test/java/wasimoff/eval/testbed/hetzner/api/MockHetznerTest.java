package wasimoff.eval.testbed.hetzner.api;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Tests of the API client against a fresh {@link MockHetzner} each, with a client pointed at it. */
abstract class MockHetznerTest {
    MockHetzner hetzner;
    HetznerClient client;

    @BeforeEach
    void startMockApi() throws IOException {
        hetzner = new MockHetzner();
        client = hetzner.client();
    }

    @AfterEach
    void stopMockApi() {
        hetzner.close();
    }
}
