package wasimoff.eval.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP relay that delays every byte by a fixed one-way time in each direction, so that a
 * connection through it has the round-trip time of two distant locations, without root or netem.
 *
 * <p>Each direction is a delay line: a reader stamps every chunk it reads with the time it is due
 * and queues it; a writer sends chunks when they are due. Reading never waits for the delay, so
 * throughput is bounded by bandwidth and the buffer ({@link #MAX_IN_FLIGHT_BYTES} per direction),
 * not by the round-trip time; order is kept because due times only grow. Written by hand because
 * the tools that do this (Toxiproxy, tc/netem) are a separate Go service or need kernel features and
 * root, and no maintained Java library on Maven Central offers a latency-only TCP relay. The TCP
 * handshake itself is not delayed; with keep-alive connections that affects only the first request.
 *
 * <p>A relay can be {@link #cut} and {@link #heal}ed, to partition the two locations it joins: a
 * {@link Cut#BLACKHOLE} cut forwards nothing (bytes wait in the delay line, new connections wait
 * unconnected), as behind a link that drops every packet, and a heal delivers what waited, as TCP's
 * retransmissions would; a {@link Cut#DROP} cut resets every connection and every new one at once.
 */
public final class DelayRelay implements AutoCloseable {
    /** Bytes a direction may hold before its reader waits: a bandwidth-delay product of 8 MB. */
    static final int MAX_IN_FLIGHT_BYTES = 8 * 1024 * 1024;
    /** How long before a chunk is due its writer stops parking and spins. */
    private static final long SPIN_NANOS = 150_000;

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final long oneWayNanos;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    /** Connections accepted during a blackhole cut, connected upstream when it heals. */
    private final List<Socket> waiting = new java.util.ArrayList<>();
    private final Object gate = new Object();
    private volatile Cut cut;
    private volatile boolean closed;

    /** How a cut relay treats connections. */
    public enum Cut {
        /** Nothing is forwarded and nothing is closed: connections stall until the heal. */
        BLACKHOLE,
        /** Every connection is reset, and every new one as soon as it is accepted. */
        DROP
    }

    /** A relay listening on {@code listen} (port 0 picks one) that forwards to {@code target}. */
    public DelayRelay(InetAddress listen, InetSocketAddress target, double oneWayMillis) throws IOException {
        this.server = new ServerSocket(0, 512, listen);
        this.target = target;
        this.oneWayNanos = Math.round(oneWayMillis * 1_000_000);
        Thread acceptor = new Thread(this::accept, "relay-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Where to connect to reach the target through the delay. */
    public InetSocketAddress address() {
        return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                client.setTcpNoDelay(true);
                synchronized (gate) {
                    if (cut == Cut.DROP) {
                        reset(client);
                        continue;
                    }
                    if (cut == Cut.BLACKHOLE) {
                        waiting.add(client);
                        continue;
                    }
                }
                forward(client);
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("[relay] accept failed: " + e.getMessage());
                }
            }
        }
    }

    private void forward(Socket client) throws IOException {
        Socket upstream = new Socket();
        upstream.setTcpNoDelay(true);
        try {
            upstream.connect(target, 10_000);
        } catch (IOException e) {
            client.close();
            return;
        }
        sockets.add(client);
        sockets.add(upstream);
        pipe(client, upstream);
        pipe(upstream, client);
    }

    /**
     * Partitions the relay's two ends until {@link #heal}; returns how many connections it held
     * (open through it, or waiting to be connected).
     */
    public int cut(Cut how) {
        synchronized (gate) {
            cut = how;
            int open = (int) sockets.stream().filter(s -> !s.isClosed()).count() / 2 + waiting.size();
            if (how == Cut.DROP) {
                sockets.forEach(DelayRelay::reset);
                sockets.clear();
                waiting.forEach(DelayRelay::reset);
                waiting.clear();
            }
            return open;
        }
    }

    /** Ends a cut: stalled bytes are delivered, waiting connections connected, new ones forwarded. */
    public void heal() {
        List<Socket> resumed;
        synchronized (gate) {
            cut = null;
            gate.notifyAll();
            resumed = List.copyOf(waiting);
            waiting.clear();
        }
        for (Socket client : resumed) {
            Thread t = new Thread(() -> {
                try {
                    forward(client);
                } catch (IOException e) {
                    closeQuietly(client);
                }
            }, "relay-resume");
            t.setDaemon(true);
            t.start();
        }
    }

    /** Whether the relay is cut now. */
    public boolean isCut() {
        return cut != null;
    }

    /** Blocks a writer while a blackhole cut lasts. */
    private void awaitForwarding() throws InterruptedException {
        synchronized (gate) {
            while (cut == Cut.BLACKHOLE && !closed) {
                gate.wait();
            }
        }
    }

    /** Closes with an RST rather than a FIN, as a connection that a broken path ended. */
    private static void reset(Socket s) {
        try {
            s.setSoLinger(true, 0);
        } catch (IOException e) {
            // already closed
        }
        closeQuietly(s);
    }

    private record Chunk(long dueNanos, byte[] data, int length) {
    }

    /** One direction of a connection: a reader thread and a writer thread around a queue of chunks. */
    private void pipe(Socket from, Socket to) throws IOException {
        LinkedBlockingQueue<Chunk> line = new LinkedBlockingQueue<>();
        java.util.concurrent.Semaphore budget = new java.util.concurrent.Semaphore(MAX_IN_FLIGHT_BYTES);
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    budget.acquire(n);
                    line.put(new Chunk(System.nanoTime() + oneWayNanos, java.util.Arrays.copyOf(buffer, n), n));
                }
            } catch (IOException | InterruptedException e) {
                // the connection ended
            }
            line.add(new Chunk(System.nanoTime() + oneWayNanos, null, -1));
        }, "relay-read");
        Thread writer = new Thread(() -> {
            try {
                while (true) {
                    Chunk c = line.take();
                    awaitForwarding();
                    // park until shortly before the due time, then spin: parking alone wakes late
                    // by scheduler latency, which would add to every emulated round trip
                    long wait;
                    while ((wait = c.dueNanos() - System.nanoTime()) > SPIN_NANOS) {
                        LockSupport.parkNanos(wait - SPIN_NANOS);
                    }
                    while (c.dueNanos() - System.nanoTime() > 0) {
                        Thread.onSpinWait();
                    }
                    if (c.length() < 0) {
                        to.shutdownOutput();
                        return;
                    }
                    out.write(c.data(), 0, c.length());
                    out.flush();
                    budget.release(c.length());
                }
            } catch (IOException | InterruptedException e) {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "relay-write");
        reader.setDaemon(true);
        writer.setDaemon(true);
        reader.start();
        writer.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (gate) {
            gate.notifyAll();
            waiting.forEach(DelayRelay::closeQuietly);
            waiting.clear();
        }
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
        sockets.forEach(DelayRelay::closeQuietly);
    }

    @Override
    public String toString() {
        return address() + " -> " + target + " (+" + TimeUnit.NANOSECONDS.toMicros(oneWayNanos) / 1000.0 + " ms each way)";
    }
}
