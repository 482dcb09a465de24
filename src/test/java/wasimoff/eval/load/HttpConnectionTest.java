package wasimoff.eval.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ConnectTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class HttpConnectionTest {
    @Test
    void failureReasonsAreStableAndFreeOfAddresses() {
        assertThat(HttpConnection.reason(new ConnectException("Connection refused: /127.0.0.1:4711")))
                .isEqualTo("connection error: connection refused");
        assertThat(HttpConnection.reason(new ConnectTimeoutException("connection timed out: /127.0.0.1:4711")))
                .isEqualTo("connection error: connect timeout");
        assertThat(HttpConnection.reason(new IOException("recvAddress(..) failed: Connection reset by peer")))
                .isEqualTo("connection error: Connection reset by peer");
        assertThat(HttpConnection.reason(new IOException("writev(..) failed with error(-32)")))
                .isEqualTo("connection error: errno 32");
        assertThat(HttpConnection.reason(new IOException("Broken pipe: somewhere")))
                .isEqualTo("connection error: IOException (Broken pipe)");
    }
}
