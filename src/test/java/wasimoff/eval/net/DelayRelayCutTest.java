package wasimoff.eval.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cutting and healing relays, with real sockets: an echo server behind a relay. */
class DelayRelayCutTest {
    private ServerSocket echo;
    private DelayRelay relay;

    @BeforeEach
    void echoBehindARelay() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket s = echo.accept();
                    Thread c = new Thread(() -> {
                        try (s) {
                            s.getInputStream().transferTo(s.getOutputStream());
                        } catch (IOException e) {
                            // the client went away
                        }
                    });
                    c.setDaemon(true);
                    c.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        relay = new DelayRelay(InetAddress.getLoopbackAddress(), (InetSocketAddress) echo.getLocalSocketAddress(), 1);
    }

    @AfterEach
    void close() throws IOException {
        relay.close();
        echo.close();
    }

    @Test
    void aDropCutResetsOpenConnectionsAndRefusesNewOnesUntilHealed() throws Exception {
        try (Socket before = connect()) {
            assertThat(roundTrip(before, "a")).isEqualTo("a");
            assertThat(relay.cut(DelayRelay.Cut.DROP)).isEqualTo(1);
            assertThatThrownBy(() -> roundTrip(before, "b")).isInstanceOf(IOException.class);
        }
        assertThatThrownBy(() -> {
            try (Socket during = connect()) {
                roundTrip(during, "c");
            }
        }).as("reset at connect or at the first read").isInstanceOf(IOException.class);
        relay.heal();
        try (Socket after = connect()) {
            assertThat(roundTrip(after, "d")).isEqualTo("d");
        }
    }

    @Test
    void aBlackholeCutHoldsBytesAndNewConnectionsUntilTheHealDeliversThem() throws Exception {
        try (Socket open = connect(); Socket waiting = new Socket()) {
            assertThat(roundTrip(open, "a")).isEqualTo("a");
            relay.cut(DelayRelay.Cut.BLACKHOLE);
            open.getOutputStream().write('b');
            open.setSoTimeout(300);
            assertThatThrownBy(() -> open.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            waiting.connect(relay.address(), 1000);
            waiting.getOutputStream().write('c');
            waiting.setSoTimeout(300);
            assertThatThrownBy(() -> waiting.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            relay.heal();
            open.setSoTimeout(2000);
            waiting.setSoTimeout(2000);
            assertThat((char) open.getInputStream().read()).isEqualTo('b');
            assertThat((char) waiting.getInputStream().read()).isEqualTo('c');
        }
    }

    @Test
    void aCutBetweenTwoLocationsStopsOnlyTheirRelaysAndCutsRelaysMadeDuringIt() throws Exception {
        try (WanEmulation wan = new WanEmulation(LatencyCatalogue.hetzner(), () -> "127.0.0.1")) {
            InetSocketAddress target = (InetSocketAddress) echo.getLocalSocketAddress();
            InetSocketAddress nbgToTarget = wan.route("nbg1", "fsn1", target);
            assertThat(wan.cut("fsn1", "nbg1", DelayRelay.Cut.DROP)).contains("1 relays");
            InetSocketAddress helToTarget = wan.route("hel1", "fsn1", target);
            InetSocketAddress madeDuringCut = wan.route("fsn1", "nbg1", new InetSocketAddress("127.0.0.1", echo.getLocalPort()));
            assertThat(List.of(nbgToTarget, madeDuringCut)).allSatisfy(a -> {
                try (Socket s = new Socket(a.getAddress(), a.getPort())) {
                    assertThatThrownBy(() -> roundTrip(s, "x")).isInstanceOf(IOException.class);
                }
            });
            try (Socket s = new Socket(helToTarget.getAddress(), helToTarget.getPort())) {
                assertThat(roundTrip(s, "y")).isEqualTo("y");
            }
            assertThat(wan.heal("nbg1", "fsn1")).contains("2 relays forward again");
            try (Socket s = new Socket(nbgToTarget.getAddress(), nbgToTarget.getPort())) {
                assertThat(roundTrip(s, "z")).isEqualTo("z");
            }
        }
    }

    @Test
    void aLocationCannotBeCutFromItself() {
        try (WanEmulation wan = new WanEmulation(LatencyCatalogue.hetzner(), () -> "127.0.0.1")) {
            assertThatThrownBy(() -> wan.cut("nbg1", "nbg1", DelayRelay.Cut.DROP))
                    .hasMessageContaining("not joined by a relay");
        }
    }

    private Socket connect() throws IOException {
        Socket s = new Socket();
        s.connect(relay.address(), 1000);
        s.setSoTimeout(2000);
        return s;
    }

    private static String roundTrip(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes());
        s.getOutputStream().flush();
        InputStream in = s.getInputStream();
        byte[] buffer = new byte[text.length()];
        int n = in.read(buffer);
        if (n < 0) {
            throw new IOException("closed");
        }
        return new String(buffer, 0, n);
    }
}
