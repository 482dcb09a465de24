package wasimoff.eval.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Round-trip measurement over TCP, the embedded testbed's stand-in for {@code ping -i 0.2 -c 256}:
 * an {@link Echo} server on the destination node returns every byte, and {@link #measure} times
 * one-byte round trips on one connection at a fixed interval. Statistics are ping's: min, avg, max
 * and mdev (the standard deviation).
 */
public final class TcpPing {
    /** What starts the line {@code harness.jar ping --baseline} prints for the baseline path. */
    public static final String BASELINE_PREFIX = "baseline;";

    private TcpPing() {
    }

    /**
     * ping's summary of a series of round trips, in milliseconds, and their median: on a small shared
     * machine one probe in a series can wait tens of milliseconds for a core, which moves the average
     * but not the median.
     */
    public record Stats(double minMs, double avgMs, double maxMs, double mdevMs, double medianMs, int count) {
        static Stats of(List<Double> rtts) {
            double sum = 0;
            double squares = 0;
            double min = Double.MAX_VALUE;
            double max = 0;
            for (double r : rtts) {
                sum += r;
                squares += r * r;
                min = Math.min(min, r);
                max = Math.max(max, r);
            }
            double avg = sum / rtts.size();
            List<Double> sorted = rtts.stream().sorted().toList();
            int mid = sorted.size() / 2;
            double median = sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
            return new Stats(min, avg, max, Math.sqrt(Math.max(0, squares / rtts.size() - avg * avg)), median,
                    rtts.size());
        }

        /** Reads what {@link #line} wrote (the count is not part of it and reads as 0). */
        public static Stats parse(String line) {
            String[] c = line.strip().split(";");
            if (c.length != 5) {
                throw new IllegalArgumentException("not min;avg;max;mdev;median: '" + line + "'");
            }
            return new Stats(Double.parseDouble(c[0]), Double.parseDouble(c[1]), Double.parseDouble(c[2]),
                    Double.parseDouble(c[3]), Double.parseDouble(c[4]), 0);
        }

        /** What {@code harness.jar ping} prints: {@link #csv} and the median, {@code min;avg;max;mdev;median}. */
        public String line() {
            return csv() + String.format(Locale.ROOT, ";%.3f", medianMs);
        }

        /** The seed's {@code results.csv} columns after src;dest: {@code min;avg;max;mdev}. */
        public String csv() {
            return String.format(Locale.ROOT, "%.3f;%.3f;%.3f;%.3f", minMs, avgMs, maxMs, mdevMs);
        }
    }

    /**
     * Probes every target in turn, {@code count} rounds, one probe every {@code interval}, each target on a
     * connection of its own; one {@link Stats} per target, in their order. Interleaved rather than one target
     * after another so that what the machine was doing meanwhile weighs on every target alike: the way to
     * measure a path next to a baseline path.
     */
    public static List<Stats> measure(InetAddress local, List<InetSocketAddress> targets, int count, Duration interval)
            throws IOException, InterruptedException {
        List<Socket> sockets = new ArrayList<>();
        List<List<Double>> rtts = new ArrayList<>();
        try {
            for (InetSocketAddress target : targets) {
                Socket s = new Socket();
                sockets.add(s);
                s.setTcpNoDelay(true);
                s.bind(new InetSocketAddress(local, 0));
                s.connect(target, 10_000);
                s.setSoTimeout(10_000);
                rtts.add(new ArrayList<>());
            }
            for (int i = 0; i < count; i++) {
                for (int t = 0; t < sockets.size(); t++) {
                    rtts.get(t).add(probe(sockets.get(t), i));
                    Thread.sleep(interval.toMillis());
                }
            }
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
        return rtts.stream().map(Stats::of).toList();
    }

    /** One one-byte round trip, in ms. */
    private static double probe(Socket s, int sequence) throws IOException {
        OutputStream out = s.getOutputStream();
        InputStream in = s.getInputStream();
        long t0 = System.nanoTime();
        out.write(sequence & 0x7f);
        out.flush();
        if (in.read() < 0) {
            throw new IOException("echo server " + s.getRemoteSocketAddress() + " closed the connection");
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    /** A TCP echo server on one address: every byte comes straight back. */
    public static final class Echo implements AutoCloseable {
        private final ServerSocket server;

        public Echo(InetAddress address) throws IOException {
            this(address, 0);
        }

        /** An echo server on {@code address:port} ({@code 0}: any free port). */
        public Echo(InetAddress address, int port) throws IOException {
            server = new ServerSocket(port, 50, address);
            Thread t = new Thread(this::serve, "echo-" + server.getLocalPort());
            t.setDaemon(true);
            t.start();
        }

        public int port() {
            return server.getLocalPort();
        }

        private void serve() {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    s.setTcpNoDelay(true);
                    Thread t = new Thread(() -> {
                        try (s) {
                            s.getInputStream().transferTo(s.getOutputStream());
                        } catch (IOException e) {
                            // the client went away
                        }
                    }, "echo-conn");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
